package de.lenkwerk.rest.internal;

import de.lenkwerk.api.DomainException;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place where every error becomes application/problem+json with a German detail. */
@Component(service = ExceptionMapper.class)
@JaxrsExtension
@JaxrsApplicationSelect(LenkwerkApplication.SELECT)
public final class ProblemMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = LoggerFactory.getLogger(ProblemMapper.class);

  @Override
  public Response toResponse(Throwable exception) {
    Problem problem = toProblem(exception);
    return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
  }

  static Problem toProblem(Throwable exception) {
    DomainException domain = findDomain(exception);
    if (domain != null) {
      LOG.debug("request refused ({}): {}", domain.kind(), domain.detail());
      return new Problem(type(domain.kind().name()), domain.kind().title(), domain.kind().status(),
          domain.detail(), domain.rule());
    }
    if (exception instanceof WebApplicationException web) {
      int status = web.getResponse().getStatus();
      LOG.debug("request refused by JAX-RS ({}): {}", status, web.getMessage());
      return new Problem(type("HTTP_" + status), title(status), status, webDetail(status), null);
    }
    LOG.error("unexpected error while serving a request", exception);
    return new Problem(type("INTERNAL"), "Interner Fehler", 500,
        "Ein unerwarteter Fehler ist aufgetreten. Es wurde nichts geändert. Bitte versuchen Sie es "
            + "erneut; besteht der Fehler fort, wenden Sie sich an den Betrieb (Fehler im Protokoll).",
        null);
  }

  private static DomainException findDomain(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof DomainException d) {
        return d;
      }
    }
    return null;
  }

  private static String type(String code) {
    return "urn:lenkwerk:problem:" + code.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  private static String title(int status) {
    return switch (status) {
      case 400 -> "Ungültige Anfrage";
      case 401 -> "Anmeldung erforderlich";
      case 403 -> "Nicht erlaubt";
      case 404 -> "Nicht gefunden";
      case 405 -> "Methode nicht erlaubt";
      case 406 -> "Format nicht lieferbar";
      case 413 -> "Inhalt zu groß";
      case 415 -> "Nicht unterstütztes Format";
      default -> status >= 500 ? "Serverfehler" : "Anfrage abgelehnt";
    };
  }

  private static String webDetail(int status) {
    return switch (status) {
      case 404 -> "Diese Adresse gibt es nicht. Bitte prüfen Sie den Pfad (alle Pfade beginnen mit /api/v1).";
      case 405 -> "Diese Methode ist für diese Adresse nicht erlaubt.";
      case 406 -> "Diese Adresse liefert nur JSON (application/json).";
      case 415 -> "Bitte senden Sie den Inhalt als JSON (Content-Type: application/json).";
      case 400 -> "Die Anfrage ist fehlerhaft. Bitte prüfen Sie Pfad, Parameter und Inhalt.";
      default -> status >= 500
          ? "Der Dienst ist gerade nicht verfügbar. Bitte versuchen Sie es später erneut."
          : "Die Anfrage wurde abgelehnt.";
    };
  }
}
