package de.lenkwerk.web.internal;

import de.lenkwerk.api.DomainException;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one way a form is answered. The CSRF token was checked before any handler runs
 * ({@link WebApplication}); the handler parses the fields and calls the service through
 * {@code AccessControl.perform}. On success the page redirects (303) with a message for the next
 * page; a {@link DomainException} shows its German text beside the field it names and the form
 * again with what was entered, with the exception's status. A refusal (role, other tenant,
 * unknown record) is not answered beside a form but with the error page.
 */
final class Forms {

  private Forms() {
  }

  /** What a handler did: the message for the next page and where to go. */
  record Done(String flash, String location) {
  }

  /** Parses the form and calls the service. */
  interface Submit {
    Done run() throws IOException;
  }

  /** Shows the form's page again with the given status (the messages are in the page). */
  interface Show {
    void show(int status) throws IOException;
  }

  /** Which field a service's message is about, by the words it mentions; in order, else the fallback. */
  static final class Fields {
    private final String fallback;
    private final Map<String, String> words = new LinkedHashMap<>();

    private Fields(String fallback) {
      this.fallback = fallback;
    }

    /** Every message beside one field (or the form itself). */
    static Fields at(String field) {
      return new Fields(field);
    }

    /** A message mentioning {@code word} belongs beside {@code field}. */
    Fields when(String word, String field) {
      words.put(word, field);
      return this;
    }

    String of(String message) {
      String m = message == null ? "" : message;
      for (var e : words.entrySet()) {
        if (m.contains(e.getKey())) {
          return e.getValue();
        }
      }
      return fallback;
    }
  }

  static void handle(Page p, Fields fields, Submit submit, Show show) throws IOException {
    Done done;
    try {
      done = submit.run();
    } catch (DomainException e) {
      rethrowRefusal(e);
      p.errors.put(fields.of(e.getMessage()), e.getMessage());
      show.show(e.kind().status());
      return;
    }
    p.session.flash = done.flash();
    View.redirect(p.resp, done.location());
  }

  /** A refusal (role, other tenant) is answered with the error page, not beside a form the caller cannot see. */
  static void rethrowRefusal(DomainException e) {
    if (e.kind() == DomainException.Kind.FORBIDDEN || e.kind() == DomainException.Kind.NOT_FOUND) {
      throw e;
    }
  }
}
