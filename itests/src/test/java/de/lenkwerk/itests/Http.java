package de.lenkwerk.itests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small HTTP client for the tests, running inside the container against its own port. */
final class Http {

  static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;

  Http() {
    this("http://127.0.0.1:" + System.getProperty("lenkwerk.http.port") + "/api/v1");
  }

  /** A client for another instance, e.g. one started with bin/start ({@link KarafProcess}). */
  Http(String base) {
    this.base = base;
  }

  /** A response with its status, its content type and its body parsed as JSON (or null). */
  record Reply(int status, String contentType, String text) {
    JsonNode json() {
      try {
        return text == null || text.isEmpty() ? null : JSON.readTree(text);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + text, e);
      }
    }

    @Override
    public String toString() {
      return status + " " + contentType + " " + text;
    }
  }

  Reply get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).GET());
  }

  Reply post(String path, String json) {
    return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  Reply put(String path, String json) {
    return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  /**
   * Any request, as raw as a client may send it: {@code rawPath} is appended to the base as given
   * (already percent-encoded), {@code contentType} and {@code body} may be null.
   */
  Reply request(String method, String rawPath, String contentType, byte[] body) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri(rawPath)).method(method,
        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      builder.header("Content-Type", contentType);
    }
    return send(builder);
  }

  /** Polls the path until it answers the status, or fails after the timeout. */
  Reply await(String path, int status, Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    Reply last = null;
    while (System.nanoTime() < end) {
      try {
        last = get(path);
        if (last.status() == status) {
          return last;
        }
      } catch (RuntimeException e) {
        last = new Reply(-1, null, e.toString());
      }
      Thread.sleep(250);
    }
    throw new AssertionError("GET " + path + " did not answer " + status + " within " + timeout
        + "; last answer: " + last);
  }

  private URI uri(String path) {
    return URI.create(base + path);
  }

  private Reply send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(null), response.body());
    } catch (IOException e) {
      throw new IllegalStateException("HTTP request failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
