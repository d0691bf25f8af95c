package de.lenkwerk.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A small HTTP client for the tests, running inside the container against its own port. By
 * default anonymous; {@link #as} sends one user's Basic credentials, {@link #tenantAdmins} sends
 * for every {@code /tenants/{t}/...} path the credentials of a tenant admin of {@code t} (created
 * on first use by the platform admin) and the platform admin's elsewhere.
 */
public final class Http {

  public static final ObjectMapper JSON = Json.MAPPER;
  /** The platform administrator created at first start. */
  public static final String ADMIN = "admin";
  /** The platform admin's first password as a system property (the equivalent of LENKWERK_ADMIN_PASSWORD). */
  public static final String ADMIN_PASSWORD_PROPERTY = "lenkwerk.admin.password";
  /** Passwords of the users the tests create. */
  public static final String PASSWORD = "itest-Passwort-123";

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;
  private final Function<String, String> authorization;

  public Http() {
    this(containerBase(), path -> null);
  }

  /** An anonymous client of the API at the given base, e.g. {@code http://127.0.0.1:8181/api/v1}. */
  public Http(String base) {
    this(base, path -> null);
  }

  private Http(String base, Function<String, String> authorization) {
    this.base = base;
    this.authorization = authorization;
  }

  private static String containerBase() {
    return "http://127.0.0.1:" + System.getProperty("lenkwerk.http.port") + "/api/v1";
  }

  /** A client that always authenticates as this user. */
  public static Http as(String user, String password) {
    return at(containerBase(), user, password);
  }

  /** A client of the API at the given base that always authenticates as this user. */
  public static Http at(String base, String user, String password) {
    String header = basic(user, password);
    return new Http(base, path -> header);
  }

  /** A client that authenticates as the platform administrator. */
  public static Http admin() {
    return as(ADMIN, System.getProperty(ADMIN_PASSWORD_PROPERTY));
  }

  /** A client that acts as each tenant's admin on its paths and as the platform admin elsewhere. */
  public static Http tenantAdmins() {
    return tenantAdminsAt(containerBase(), System.getProperty(ADMIN_PASSWORD_PROPERTY));
  }

  /** The demo tenant whose admin calls paths of tenants that have no admin. */
  public static final String FALLBACK_TENANT = "kreis-kleve";

  /** Tenant ids as the platform accepts them (for the fallback above only). */
  private static final class TenantIds {
    static boolean valid(String id) {
      return id.matches("[a-z0-9][a-z0-9-]{0,62}");
    }
  }

  /**
   * The same for the instance at {@code base}, whose platform admin has {@code adminPassword}. A
   * tenant id the platform refuses a user for (a malformed one) is called without credentials.
   */
  public static Http tenantAdminsAt(String base, String adminPassword) {
    Http admin = at(base, ADMIN, adminPassword);
    Map<String, String> headers = new ConcurrentHashMap<>();
    String adminHeader = basic(ADMIN, adminPassword);
    return new Http(base, path -> {
      if (!path.startsWith("/tenants/")) {
        return adminHeader;
      }
      String rest = path.substring("/tenants/".length());
      int end = rest.indexOf('/');
      int query = rest.indexOf('?');
      end = end < 0 ? (query < 0 ? rest.length() : query) : (query < 0 ? end : Math.min(end, query));
      String tenant = rest.substring(0, end);
      String header = headers.get(tenant);
      if (header == null) {
        String user = tenantAdmin(tenant);
        // a tenant that does not exist (yet) gets no user: call it as another Kommune's admin,
        // which sees exactly what it would for an unknown tenant (404), and try again next time
        if (!admin.createUser(user, tenant, "tenant-admin")) {
          return TenantIds.valid(tenant) && !tenant.equals(FALLBACK_TENANT)
              && admin.createUser(tenantAdmin(FALLBACK_TENANT), FALLBACK_TENANT, "tenant-admin")
              ? basic(tenantAdmin(FALLBACK_TENANT), PASSWORD) : null;
        }
        header = basic(user, PASSWORD);
        headers.put(tenant, header);
      }
      return header;
    });
  }

  /** The login of the tenant admin {@link #tenantAdmins} creates for a tenant (password {@link #PASSWORD}). */
  public static String tenantAdmin(String tenant) {
    return "itest-ga-" + tenant;
  }

  /**
   * The Authorization header this client sends on {@code path} (null: none), for callers that
   * build their own requests (the benchmarks time raw ones).
   */
  public String authorization(String path) {
    return authorization.apply(path);
  }

  /**
   * Creates a user with {@link #PASSWORD} (an existing one is fine) and says whether it exists
   * now; retries while the realm starts, gives up at once when the platform refuses the user.
   */
  public boolean createUser(String user, String tenant, String... roles) {
    StringBuilder list = new StringBuilder();
    for (String role : roles) {
      list.append(list.length() == 0 ? "" : ",").append('"').append(role).append('"');
    }
    String body = "{\"username\":\"" + user + "\",\"password\":\"" + PASSWORD + "\",\"tenant\":"
        + (tenant == null ? "null" : "\"" + tenant + "\"") + ",\"roles\":[" + list + "]}";
    long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    Reply reply;
    do {
      reply = post("/users", body);
      if (reply.status() == 201 || reply.status() == 409) {
        return true;
      }
      if (reply.status() == 400 || reply.status() == 404 || reply.status() == 422) {
        return false;
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    } while (System.nanoTime() < end);
    throw new AssertionError("cannot create user " + user + ": " + reply);
  }

  public static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** A response with its status, its content type and its body parsed as JSON (or null). */
  public record Reply(int status, String contentType, String text, String challenge, Map<String, List<String>> headers) {

    public Reply(int status, String contentType, String text) {
      this(status, contentType, text, null, Map.of());
    }

    /** The first value of a response header (case-insensitive name), or null. */
    public String header(String name) {
      return headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(name))
          .flatMap(h -> h.getValue().stream()).findFirst().orElse(null);
    }

    public JsonNode json() {
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

  public Reply get(String path) {
    return send(path, HttpRequest.newBuilder(uri(path)).GET());
  }

  /** The answer, or null when nothing listens. */
  public Reply getOrNull(String path) {
    try {
      return get(path);
    } catch (IllegalStateException e) {
      return null;
    }
  }

  public Reply post(String path, String json) {
    return send(path, HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  public Reply put(String path, String json) {
    return send(path, HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  public Reply delete(String path) {
    return send(path, HttpRequest.newBuilder(uri(path)).DELETE());
  }

  /** PUT of a binary body, e.g. a bundle (application/java-archive). */
  public Reply putBytes(String path, byte[] body, String contentType) {
    return send(path, HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
        .PUT(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  /** Any method with a JSON body (or none when null). */
  public Reply send(String method, String path, String json) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
    if (json == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
    }
    return send(path, request);
  }

  /**
   * Any request, as raw as a client may send it: {@code rawPath} is appended to the base as given
   * (already percent-encoded), {@code contentType} and {@code body} may be null.
   */
  public Reply request(String method, String rawPath, String contentType, byte[] body) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri(rawPath)).method(method,
        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      builder.header("Content-Type", contentType);
    }
    return send(rawPath, builder);
  }

  /** A binary answer, e.g. a PDF. */
  public record Binary(int status, String contentType, byte[] body) {

    public String text() {
      return new String(body, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
      return status + " " + contentType + " " + (contentType != null && contentType.contains("json")
          ? text() : body.length + " bytes");
    }
  }

  /** GET with an Accept header, the answer as bytes. */
  public Binary getBytes(String path, String accept) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
    if (accept != null) {
      request.header("Accept", accept);
    }
    String header = authorization.apply(path);
    if (header != null) {
      request.header("Authorization", header);
    }
    try {
      HttpResponse<byte[]> response = client.send(request.timeout(Duration.ofSeconds(60)).build(),
          HttpResponse.BodyHandlers.ofByteArray());
      return new Binary(response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(null), response.body());
    } catch (IOException e) {
      throw new IllegalStateException("HTTP request failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Polls the path until it answers the status, or fails after the timeout. */
  public Reply await(String path, int status, Duration timeout) throws InterruptedException {
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

  private Reply send(String path, HttpRequest.Builder request) {
    String header = authorization.apply(path);
    if (header != null) {
      request.header("Authorization", header);
    }
    try {
      HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(null), response.body(),
          response.headers().firstValue("WWW-Authenticate").orElse(null), response.headers().map());
    } catch (IOException e) {
      throw new IllegalStateException("HTTP request failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
