package de.lenkwerk.rest.internal;

import java.nio.charset.StandardCharsets;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

/**
 * Content negotiation between a resource's JSON and its document (PDF, iCalendar): JSON stays
 * the answer unless the caller's Accept header asks for the document by name before JSON, so that
 * clients sending no or a wildcard Accept header keep getting JSON.
 */
final class Documents {

  static final String PDF = "application/pdf";
  static final String CALENDAR = "text/calendar";

  private Documents() {}

  static boolean prefers(HttpHeaders headers, String document) {
    MediaType wanted = MediaType.valueOf(document);
    // sorted by quality, the most specific first among equals
    for (MediaType type : headers.getAcceptableMediaTypes()) {
      if (type.isWildcardType() || type.isWildcardSubtype()) {
        return false;
      }
      if (type.isCompatible(wanted)) {
        return true;
      }
      if (type.getSubtype().equals("json") || type.getSubtype().endsWith("+json")) {
        return false;
      }
    }
    return false;
  }

  static Response pdf(byte[] pdf, String filename) {
    return Response.ok(pdf, PDF)
        .header("Content-Disposition", "inline; filename=\"" + filename + "\"").build();
  }

  static Response calendar(String ics, String filename) {
    return Response.ok(ics.getBytes(StandardCharsets.UTF_8), CALENDAR + "; charset=UTF-8")
        .header("Content-Disposition", "attachment; filename=\"" + filename + "\"").build();
  }
}
