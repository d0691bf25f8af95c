package de.lenkwerk.spi;

import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/** The chair (Vorsitz) at a decision. Implemented by the platform. */
@ProviderType
public interface ChairInput {

  /** The chair's seat on the meeting day. */
  String seat();

  /** How the chair's seat voted, where votes were recorded per seat; else empty. */
  Optional<VoteContext.Vote> vote();
}
