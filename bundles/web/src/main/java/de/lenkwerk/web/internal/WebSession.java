package de.lenkwerk.web.internal;

import de.lenkwerk.api.security.Caller;

/** One login in the browser: the caller, the CSRF token of its forms, when it was last used. */
final class WebSession {

  final String id;
  final Caller caller;
  final String csrf;
  volatile long lastSeen;
  /** A message for the next page shown (after a redirect), e.g. "Die Sitzung ist geplant." */
  volatile String flash;
  /** A previewed CSV import waiting for confirmation, or null. */
  volatile java.util.List<ImportRow> pendingImport;
  /** A previewed Geschäftsordnung (YAML) waiting for confirmation, or null. */
  volatile byte[] pendingDocument;

  WebSession(String id, Caller caller, String csrf, long now) {
    this.id = id;
    this.caller = caller;
    this.csrf = csrf;
    this.lastSeen = now;
  }
}
