package de.lenkwerk.web.internal;

import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.Scope;
import de.lenkwerk.api.security.Caller;
import de.lenkwerk.api.security.Roles;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * One request being answered: who asks, the ids in its path, the model of the page and the form's
 * values and messages. The parsers throw {@link DomainException#invalid} with a German text, so a
 * form handler ({@link Forms}) shows it beside the field.
 */
final class Page {

  final HttpServletRequest req;
  final HttpServletResponse resp;
  final WebSession session;
  final Map<String, Object> model = new HashMap<>();
  /** Form field (or form) name to the German message shown beside it. */
  final Map<String, String> errors = new HashMap<>();
  /** What was entered, shown again when the form comes back with a message. */
  final Map<String, String> values = new HashMap<>();
  private List<Long> ids = List.of();

  Page(HttpServletRequest req, HttpServletResponse resp, WebSession session) {
    this.req = req;
    this.resp = resp;
    this.session = session;
  }

  Caller caller() {
    return session.caller;
  }

  String tenant() {
    return session.caller.tenant();
  }

  /** The caller acting for its own tenant, what the services take. */
  Scope scope() {
    return Scope.of(session.caller);
  }

  /** The API path below the caller's tenant, as the access declarations name it. */
  String api(String tenantPath) {
    return "tenants/" + tenant() + (tenantPath.isEmpty() ? "" : "/" + tenantPath);
  }

  boolean htmx() {
    return req.getHeader("HX-Request") != null;
  }

  void ids(List<Long> ids) {
    this.ids = List.copyOf(ids);
  }

  /** The n-th number in the path, e.g. the meeting of {@code /sitzungen/{id}}. */
  long id(int n) {
    return ids.get(n);
  }

  /** A trimmed parameter, null when empty; remembered to show the form again. */
  String param(String name) {
    String value = req.getParameter(name);
    if (value != null) {
      values.put(name, value);
    }
    return value == null || value.isBlank() ? null : value.trim();
  }

  boolean checked(String name) {
    return req.getParameter(name) != null;
  }

  Long longParam(String name, String missing) {
    String v = param(name);
    if (v == null) {
      throw DomainException.invalid(missing);
    }
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw DomainException.invalid(missing);
    }
  }

  Integer intParam(String name, String invalid) {
    String v = param(name);
    if (v == null) {
      return null;
    }
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw DomainException.invalid(invalid);
    }
  }

  /** A number of votes, 0 when empty. */
  Integer count(String name, String label) {
    String v = param(name);
    if (v == null) {
      return 0;
    }
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw DomainException.invalid("Bitte geben Sie die Zahl der Stimmen für \"" + label + "\" als Zahl an.");
    }
  }

  /** A day as TT.MM.JJJJ or as the date input sends it (JJJJ-MM-TT). */
  LocalDate dateParam(String name, String missing) {
    String v = param(name);
    if (v == null) {
      throw DomainException.invalid(missing);
    }
    try {
      if (v.matches("[0-9]{1,2}\\.[0-9]{1,2}\\.[0-9]{4}")) {
        String[] parts = v.split("\\.");
        return LocalDate.of(Integer.parseInt(parts[2]), Integer.parseInt(parts[1]), Integer.parseInt(parts[0]));
      }
      return LocalDate.parse(v);
    } catch (java.time.DateTimeException e) {
      throw DomainException.invalid("Das Datum \"" + v + "\" ist ungültig. Bitte geben Sie es als TT.MM.JJJJ an.");
    }
  }

  /**
   * Who a submitted item or an objection is recorded as, by the API's rule for the same request:
   * the Geschäftsstelle records what it received from anybody (the person chosen in the form), a
   * member or chair only in its own name, the person its login is linked to.
   */
  Long actingPerson(String name, String missing) {
    Caller caller = caller();
    if (caller.has(Roles.TENANT_ADMIN)) {
      Long named = param(name) == null ? caller.person() : longParam(name, missing);
      if (named == null) {
        throw DomainException.invalid(missing);
      }
      return named;
    }
    if (caller.person() == null) {
      throw DomainException.conflict("Ihr Zugang ist noch keiner Person zugeordnet, deshalb kann nichts in Ihrem "
          + "Namen eingereicht werden. Bitte wenden Sie sich an die Geschäftsstelle Ihrer Kommune.");
    }
    String named = param(name);
    if (named != null && !named.equals(String.valueOf(caller.person()))) {
      throw new DomainException(DomainException.Kind.FORBIDDEN, "Sie können nur in Ihrem eigenen Namen einreichen.");
    }
    return caller.person();
  }

  /** An optional day. */
  LocalDate optionalDate(String name) {
    return req.getParameter(name) == null || req.getParameter(name).isBlank() ? null : dateParam(name, null);
  }

  LocalTime timeParam(String name) {
    String v = param(name);
    if (v == null) {
      return null;
    }
    try {
      return LocalTime.parse(v.length() == 4 ? "0" + v : v);
    } catch (DateTimeParseException e) {
      throw DomainException.invalid("Die Uhrzeit \"" + v + "\" ist ungültig. Bitte geben Sie sie als SS:MM an, z. B. 14:00.");
    }
  }
}
