package de.lenkwerk.jetty.errors;

import de.lenkwerk.api.problem.ProblemTexts;
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
    fields.put("X-Content-Type-Options", "nosniff");
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
   * The problem document for a status, shaped like the API's (type, title, status, detail), with
   * the platform's texts ({@link ProblemTexts}, a private copy in this fragment). Fixed texts
   * without quotes or backslashes, so nothing needs escaping.
   */
  static String problem(int status) {
    return "{\"type\":\"" + ProblemTexts.type("HTTP_" + status) + "\",\"title\":\"" + ProblemTexts.title(status)
        + "\",\"status\":" + status + ",\"detail\":\"" + ProblemTexts.detail(status) + "\"}";
  }
}
