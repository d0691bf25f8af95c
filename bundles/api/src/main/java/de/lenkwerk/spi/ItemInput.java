package de.lenkwerk.spi;

import org.osgi.annotation.versioning.ProviderType;

/** What a decision is taken on. Implemented by the platform. */
@ProviderType
public interface ItemInput {

  /** AGENDA_ITEM: an item of a meeting's agenda; CIRCULAR: a written circular (Umlaufverfahren). */
  enum Kind { AGENDA_ITEM, CIRCULAR }

  /** The kind of item. */
  Kind kind();

  /** The item's id (agenda item or circular). */
  long id();

  /** The item's title. */
  String title();

  /** The meeting's kind (e.g. REGULAR, EXTRA) for agenda items; null for a circular. */
  String meetingKind();
}
