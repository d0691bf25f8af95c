package de.lenkwerk.api;

import java.util.Objects;

/**
 * A refusal the caller can act on: its {@link #detail()} is German, plain and meant for a
 * tenant admin; its {@link #kind()} says which HTTP status the REST layer answers with.
 */
public class DomainException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Why a request was refused; each kind maps to one HTTP status. */
  public enum Kind {
    /** The request itself is malformed or incomplete (400). */
    INVALID_INPUT(400, "Ungültige Eingabe"),
    /** The caller may not do this (403). */
    FORBIDDEN(403, "Nicht erlaubt"),
    /** The addressed tenant or object does not exist for the caller (404). */
    NOT_FOUND(404, "Nicht gefunden"),
    /** The request collides with the current state, e.g. a concurrent change (409). */
    CONFLICT(409, "Konflikt"),
    /** The request body did not arrive within the time the platform allows for it (408). */
    TIMEOUT(408, "Zeitüberschreitung"),
    /** The request body is larger than the platform accepts (413). */
    TOO_LARGE(413, "Inhalt zu groß"),
    /** The request body is not JSON (415). */
    UNSUPPORTED_MEDIA_TYPE(415, "Nicht unterstütztes Format"),
    /** The request is well-formed but the Geschäftsordnung forbids it (422). */
    RULE_VIOLATION(422, "Verstoß gegen die Geschäftsordnung"),
    /**
     * Uploaded content (a tenant bundle, a Geschäftsordnung) is well-formed as a request but the
     * platform does not accept it, e.g. it contains code (422).
     */
    CONTENT_REFUSED(422, "Inhalt nicht zulässig"),
    /** A required part of the platform is not available right now (503). */
    UNAVAILABLE(503, "Nicht verfügbar");

    private final int status;
    private final String title;

    Kind(int status, String title) {
      this.status = status;
      this.title = title;
    }

    public int status() {
      return status;
    }

    /** A short German title for the problem document. */
    public String title() {
      return title;
    }
  }

  private final Kind kind;
  private final String rule;

  public DomainException(Kind kind, String detail) {
    this(kind, detail, null, null);
  }

  public DomainException(Kind kind, String detail, String rule) {
    this(kind, detail, rule, null);
  }

  public DomainException(Kind kind, String detail, String rule, Throwable cause) {
    super(Objects.requireNonNull(detail, "detail"), cause);
    this.kind = Objects.requireNonNull(kind, "kind");
    this.rule = rule;
  }

  public static DomainException invalid(String detail) {
    return new DomainException(Kind.INVALID_INPUT, detail);
  }

  public static DomainException notFound(String detail) {
    return new DomainException(Kind.NOT_FOUND, detail);
  }

  public static DomainException conflict(String detail) {
    return new DomainException(Kind.CONFLICT, detail);
  }

  /** A refusal by the tenant's rules; {@code rule} names the rule, e.g. "GO §4" or "KIM-Standard". */
  public static DomainException ruleViolation(String detail, String rule) {
    return new DomainException(Kind.RULE_VIOLATION, detail, rule);
  }

  public Kind kind() {
    return kind;
  }

  /** The German text for the caller. */
  public String detail() {
    return getMessage();
  }

  /** The rule that refused the request, or {@code null}. */
  public String rule() {
    return rule;
  }
}
