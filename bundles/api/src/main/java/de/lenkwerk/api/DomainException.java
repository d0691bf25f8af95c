package de.lenkwerk.api;

import de.lenkwerk.api.problem.ProblemTexts;
import java.time.Duration;
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
    INVALID_INPUT(400),
    /** The caller has not (or not correctly) signed in (401); answered with a Basic challenge. */
    UNAUTHENTICATED(401),
    /** The caller may not do this (403). */
    FORBIDDEN(403),
    /** The addressed tenant or object does not exist for the caller (404). */
    NOT_FOUND(404),
    /** The request collides with the current state, e.g. a concurrent change (409). */
    CONFLICT(409),
    /** The request body did not arrive within the time the platform allows for it (408). */
    TIMEOUT(408),
    /** The request body is larger than the platform accepts (413). */
    TOO_LARGE(413),
    /** The request body is not JSON (415). */
    UNSUPPORTED_MEDIA_TYPE(415),
    /** The request is well-formed but the Geschäftsordnung forbids it (422). */
    RULE_VIOLATION(422),
    /**
     * Uploaded content (a tenant bundle, a Geschäftsordnung) is well-formed as a request but the
     * platform does not accept it, e.g. it contains code (422).
     */
    CONTENT_REFUSED(422),
    /** Sign-ins under this user name failed too often; see {@link DomainException#retryAfter()} (429). */
    TOO_MANY_LOGINS(429),
    /** A required part of the platform is not available right now (503). */
    UNAVAILABLE(503);

    private final int status;

    Kind(int status) {
      this.status = status;
    }

    public int status() {
      return status;
    }

    /** A short German title for the problem document, from the {@link ProblemTexts catalogue}. */
    public String title() {
      return ProblemTexts.title(name(), status);
    }
  }

  private final Kind kind;
  private final String rule;
  private final transient Duration retryAfter;

  public DomainException(Kind kind, String detail) {
    this(kind, detail, null, null);
  }

  public DomainException(Kind kind, String detail, String rule) {
    this(kind, detail, rule, null);
  }

  public DomainException(Kind kind, String detail, String rule, Throwable cause) {
    this(kind, detail, rule, cause, null);
  }

  private DomainException(Kind kind, String detail, String rule, Throwable cause, Duration retryAfter) {
    super(Objects.requireNonNull(detail, "detail"), cause);
    this.kind = Objects.requireNonNull(kind, "kind");
    this.rule = rule;
    this.retryAfter = retryAfter;
  }

  /** Too many failed sign-ins under one user name: the caller may try again after {@code retryAfter}. */
  public static DomainException tooManyLogins(String detail, Duration retryAfter) {
    return new DomainException(Kind.TOO_MANY_LOGINS, detail, null, null,
        Objects.requireNonNull(retryAfter, "retryAfter"));
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

  /** How long the caller should wait before trying again, or {@code null}. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
