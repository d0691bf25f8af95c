package de.lenkwerk.jetty.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.util.BufferUtil;
import org.junit.jupiter.api.Test;

class ProblemErrorHandlerTest {

  private final ProblemErrorHandler handler = new ProblemErrorHandler();

  @Test
  void aRefusedRequestLineIsAProblemDocumentInGerman() {
    HttpFields fields = new HttpFields();
    String body = BufferUtil.toString(handler.badMessageError(400, "Illegal character \"<>", fields),
        StandardCharsets.UTF_8);
    assertEquals("application/problem+json;charset=utf-8", fields.get("Content-Type"));
    assertTrue(body.startsWith("{\"type\":\"urn:lenkwerk:problem:http-400\",\"title\":\"Ungültige Anfrage\",\"status\":400,"), body);
    assertTrue(body.contains("Bitte prüfen Sie Adresse, Parameter und Inhalt."), body);
    assertTrue(!body.contains("Illegal character"), "Jetty's reason may echo input: " + body);
  }

  @Test
  void everyStatusHasAGermanDetail() {
    for (int status : new int[] {400, 404, 405, 413, 414, 431, 500, 503, 418}) {
      String body = ProblemErrorHandler.problem(status);
      assertTrue(body.contains("\"status\":" + status), body);
      assertTrue(body.matches(".*\"detail\":\"[^\"]*(Die|Diese|Der|Ein) [^\"]+\"}"), body);
    }
  }

  @Test
  void noBodyWhereHttpForbidsOne() {
    assertEquals(0, handler.badMessageError(304, null, new HttpFields()).remaining());
  }
}
