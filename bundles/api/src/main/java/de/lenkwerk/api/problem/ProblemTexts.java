package de.lenkwerk.api.problem;

import java.util.Locale;

/**
 * The German texts of problem answers (RFC 9457 {@code application/problem+json}): one place for
 * every title and for the details of the refusals that are not a service's own (which say what is
 * wrong with the request in the service's words). Each detail tells a tenant admin what to do.
 */
public final class ProblemTexts {

  /** The prefix of every problem type, followed by the code in lower case, e.g. {@code not-found}. */
  public static final String TYPE_PREFIX = "urn:lenkwerk:problem:";

  /** No or no valid credentials for an address that needs them (401). */
  public static final String SIGN_IN_REQUIRED =
      "Bitte melden Sie sich an: diese Adresse ist nur für angemeldete Benutzer (HTTP Basic).";
  /** Wrong user name or password (401). */
  public static final String WRONG_CREDENTIALS = "Benutzername oder Passwort sind falsch. Bitte melden "
      + "Sie sich mit Ihren Lenkwerk-Zugangsdaten an (HTTP Basic).";
  /** Minutes an anonymous caller asked for are not public or not released (401). */
  public static final String MINUTES_NOT_PUBLIC =
      "Diese Niederschrift ist nicht öffentlich. Bitte melden Sie sich an (HTTP Basic).";
  /** The caller's roles do not include one the address declares (403). */
  public static final String ROLE_REFUSED = "Ihre Rolle erlaubt diese Aktion nicht. Bitte wenden Sie "
      + "sich an die Geschäftsstelle Ihrer Kommune.";
  /**
   * The caller's roles do not include one the address declares (403), naming the action refused
   * and the roles that may do it: {@link #ROLE_REFUSED}'s first sentence, then e.g. "Die Aktion
   * „POST /api/v1/tenants/kreis-steinfurt/meetings/4/minutes/release“ ist den Rollen
   * Geschäftsstelle (tenant-admin) oder Vorsitz (chair) vorbehalten; Ihre Rolle: Mitglied
   * (member). ..."
   */
  public static String roleRefused(String action, java.util.Collection<String> callerRoles,
      java.util.Collection<String> allowed) {
    return "Ihre Rolle erlaubt diese Aktion nicht. Die Aktion „" + action + "“ ist "
        + (allowed.size() == 1 ? "der Rolle " : "den Rollen ") + roleNames(allowed)
        + " vorbehalten; " + (callerRoles == null || callerRoles.isEmpty()
            ? "Ihr Zugang hat keine Rolle." : (callerRoles.size() == 1 ? "Ihre Rolle: "
                : "Ihre Rollen: ") + roleNames(callerRoles) + ".")
        + " Bitte wenden Sie sich an die Geschäftsstelle Ihrer Kommune.";
  }

  /** "Geschäftsstelle (tenant-admin) oder Vorsitz (chair)". */
  private static String roleNames(java.util.Collection<String> roles) {
    return roles.stream().sorted().map(r -> roleName(r) + " (" + r + ")")
        .collect(java.util.stream.Collectors.joining(" oder "));
  }

  /** A role in German: Geschäftsstelle, Vorsitz, Mitglied, Plattformverwaltung. */
  public static String roleName(String role) {
    return switch (role) {
      case "tenant-admin" -> "Geschäftsstelle";
      case "chair" -> "Vorsitz";
      case "member" -> "Mitglied";
      case "platform-admin" -> "Plattformverwaltung";
      default -> role;
    };
  }

  /** The platform admin at a tenant's committee contents (403). */
  public static final String PLATFORM_REFUSED = "Die Plattformverwaltung hat keinen Zugang zu den "
      + "Inhalten der Lenkungsgruppen. Das erledigt die Geschäftsstelle der Kommune (Rolle tenant-admin).";
  /** An unexpected error (500): nothing was changed. */
  public static final String INTERNAL = "Ein unerwarteter Fehler ist aufgetreten. Es wurde nichts "
      + "geändert. Bitte versuchen Sie es erneut; besteht der Fehler fort, wenden Sie sich an den "
      + "Betrieb (Fehler im Protokoll).";

  private ProblemTexts() {}

  /** Sign-ins under one user name failed too often (429); the caller waits {@code seconds}. */
  public static String tooManyLogins(long seconds) {
    return "Mit diesem Benutzernamen ist die Anmeldung zu oft fehlgeschlagen. Bitte warten Sie "
        + seconds + " Sekunden und melden Sie sich dann erneut an. Wer sein Passwort vergessen hat, "
        + "wendet sich an die Geschäftsstelle seiner Kommune.";
  }

  /** The problem type of a code such as {@code NOT_FOUND} or {@code HTTP_405}. */
  public static String type(String code) {
    return TYPE_PREFIX + code.toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The title of a refusal of a kind ({@code INVALID_INPUT}, ...) with its HTTP status. */
  public static String title(String kind, int status) {
    return switch (kind) {
      case "INVALID_INPUT" -> "Ungültige Eingabe";
      case "CONFLICT" -> "Konflikt";
      case "RULE_VIOLATION" -> "Verstoß gegen die Geschäftsordnung";
      case "CONTENT_REFUSED" -> "Inhalt nicht zulässig";
      case "TIMEOUT" -> "Zeitüberschreitung";
      case "TOO_MANY_LOGINS" -> "Zu viele Anmeldeversuche";
      case "UNAVAILABLE" -> "Nicht verfügbar";
      case "INTERNAL" -> "Interner Fehler";
      default -> title(status);
    };
  }

  /** The title of an HTTP status. */
  public static String title(int status) {
    return switch (status) {
      case 400 -> "Ungültige Anfrage";
      case 401 -> "Anmeldung erforderlich";
      case 403 -> "Nicht erlaubt";
      case 404 -> "Nicht gefunden";
      case 405 -> "Methode nicht erlaubt";
      case 406 -> "Format nicht lieferbar";
      case 408 -> "Zeitüberschreitung";
      case 413, 431 -> "Inhalt zu groß";
      case 414 -> "Adresse zu lang";
      case 415 -> "Nicht unterstütztes Format";
      case 429 -> "Zu viele Anfragen";
      case 503 -> "Nicht verfügbar";
      default -> status >= 500 ? "Serverfehler" : "Anfrage abgelehnt";
    };
  }

  /**
   * The detail of a refusal by HTTP itself (Jetty, or JAX-RS before a resource runs): no address,
   * no such method, a format that is not served, a request too large or malformed.
   */
  public static String detail(int status) {
    return switch (status) {
      case 400 -> "Die Anfrage ist fehlerhaft aufgebaut und wurde nicht bearbeitet, z. B. wegen eines "
          + "unzulässigen Zeichens (etwa %00) in der Adresse. Bitte prüfen Sie Adresse, Parameter und Inhalt.";
      case 401 -> SIGN_IN_REQUIRED;
      case 403 -> ROLE_REFUSED;
      case 404 -> "Diese Adresse gibt es nicht. Bitte prüfen Sie den Pfad (alle Pfade beginnen mit /api/v1).";
      case 405 -> "Diese Methode ist für diese Adresse nicht erlaubt.";
      case 406 -> "Diese Adresse liefert nur JSON (application/json).";
      case 408 -> "Die Anfrage kam nicht rechtzeitig vollständig an und wurde nicht bearbeitet. Bitte "
          + "senden Sie sie erneut.";
      case 413 -> "Die Anfrage ist zu groß und wurde nicht bearbeitet.";
      case 414 -> "Die Adresse ist zu lang und wurde nicht bearbeitet.";
      case 415 -> "Bitte senden Sie den Inhalt als JSON (Content-Type: application/json).";
      case 431 -> "Die Kopfzeilen der Anfrage sind zu groß und wurden nicht bearbeitet.";
      case 503 -> "Der Dienst ist gerade nicht verfügbar. Bitte versuchen Sie es in Kürze erneut.";
      default -> status >= 500
          ? "Ein interner Fehler ist aufgetreten; es wurde nichts geändert. Der Betrieb findet die "
              + "Ursache im Protokoll (data/log/karaf.log)."
          : "Die Anfrage wurde nicht bearbeitet (HTTP " + status + ").";
    };
  }
}
