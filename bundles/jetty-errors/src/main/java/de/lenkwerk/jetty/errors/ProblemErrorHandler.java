package de.lenkwerk.jetty.errors;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.BufferUtil;

/**
 * Jetty's error handler, for the answers Jetty gives itself: a request it refuses before any
 * application code runs (a NUL byte or a broken escape in the path, a malformed request line,
 * headers too large) and errors outside the application. Instead of Jetty's HTML page the caller
 * gets an RFC 9457 problem document with a German {@code detail}, as from the platform's API.
 * Jetty's reason is not echoed: it may repeat the caller's input.
 */
public class ProblemErrorHandler extends ErrorHandler {

  static final String MEDIA_TYPE = "application/problem+json";

  /** The request line or headers could not be parsed: no request object exists. */
  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields fields) {
    if (HttpStatus.hasNoBody(status)) {
      return BufferUtil.EMPTY_BUFFER;
    }
    fields.put(HttpHeader.CONTENT_TYPE, MEDIA_TYPE + ";charset=utf-8");
    return BufferUtil.toBuffer(problem(status), StandardCharsets.UTF_8);
  }

  /** An error page for a request Jetty did parse (e.g. a path it refuses to decode). */
  @Override
  protected void generateAcceptableResponse(Request baseRequest, HttpServletRequest request,
      HttpServletResponse response, int code, String message) throws IOException {
    baseRequest.setHandled(true);
    byte[] body = problem(code).getBytes(StandardCharsets.UTF_8);
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setContentType(MEDIA_TYPE + ";charset=utf-8");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  /**
   * The problem document for a status, shaped like the API's (type, title, status, detail). Fixed
   * texts only, so nothing needs escaping.
   */
  static String problem(int status) {
    return "{\"type\":\"urn:lenkwerk:problem:http-" + status + "\",\"title\":\"" + title(status)
        + "\",\"status\":" + status + ",\"detail\":\"" + detail(status) + "\"}";
  }

  static String title(int status) {
    return switch (status) {
      case 400 -> "Ungültige Anfrage";
      case 404 -> "Nicht gefunden";
      case 405 -> "Methode nicht erlaubt";
      case 413, 431 -> "Inhalt zu groß";
      case 414 -> "Adresse zu lang";
      default -> status >= 500 ? "Serverfehler" : "Anfrage abgelehnt";
    };
  }

  static String detail(int status) {
    return switch (status) {
      case 400 -> "Die Anfrage ist fehlerhaft aufgebaut und wurde nicht bearbeitet, z. B. wegen eines "
          + "unzulässigen Zeichens (etwa %00) in der Adresse. Bitte prüfen Sie Adresse und Anfrage.";
      case 404 -> "Diese Adresse gibt es nicht. Die Schnittstelle von Lenkwerk liegt unter /api/v1.";
      case 405 -> "Diese Methode ist für diese Adresse nicht erlaubt.";
      case 413 -> "Die Anfrage ist zu groß und wurde nicht bearbeitet.";
      case 414 -> "Die Adresse ist zu lang und wurde nicht bearbeitet.";
      case 431 -> "Die Kopfzeilen der Anfrage sind zu groß und wurden nicht bearbeitet.";
      case 503 -> "Der Dienst ist gerade nicht verfügbar. Bitte versuchen Sie es in Kürze erneut.";
      default -> status >= 500
          ? "Ein interner Fehler ist aufgetreten; es wurde nichts geändert. Der Betrieb findet die "
              + "Ursache im Protokoll (data/log/karaf.log)."
          : "Die Anfrage wurde nicht bearbeitet (HTTP " + status + ").";
    };
  }
}
