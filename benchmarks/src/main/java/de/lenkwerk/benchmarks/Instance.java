package de.lenkwerk.benchmarks;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * One unpacked distribution started with {@code bin/start} on its own loopback ports and its own
 * KARAF_DATA; the suite changes {@code etc/org.apache.karaf.features.cfg} and {@code deploy/}
 * between runs.
 */
final class Instance {

  static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  final Path home;
  Path data;
  final int httpPort = freePort();
  private final int sshPort = freePort();
  private final int jmxRegistryPort = freePort();
  private final int jmxServerPort = freePort();
  private long pid = -1;
  /** Credentials of the tenant admins the suite created, by tenant. */
  private final Map<String, String> tenantAdmins = new java.util.concurrent.ConcurrentHashMap<>();

  /** The platform admin's first password, handed to bin/start; benchmark instances only. */
  static final String ADMIN_PASSWORD = "bench-Admin-Passwort-1";
  private static final String PASSWORD = "bench-Passwort-123";
  private static final String ADMIN_HEADER = basic("admin", ADMIN_PASSWORD);

  Instance(Path home) {
    this.home = home;
  }

  String base() {
    return "http://127.0.0.1:" + httpPort + "/api/v1";
  }

  /** Starts and returns the milliseconds from bin/start until {@code ready} accepts an answer. */
  long start(Predicate<HttpResponse<String>> ready, String path, Duration timeout) throws Exception {
    Files.deleteIfExists(home.resolve("karaf.pid"));
    long started = System.nanoTime();
    exec(List.of("bin/start"), Duration.ofSeconds(60));
    long end = started + timeout.toNanos();
    while (System.nanoTime() < end) {
      try {
        HttpResponse<String> r = get(path);
        if (ready.test(r)) {
          long millis = (System.nanoTime() - started) / 1_000_000;
          pid = readPid();
          return millis;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException("not ready within " + timeout + ": " + path + " (see "
        + data.resolve("log/karaf.log") + ")");
  }

  /** Waits until {@code condition} holds for the answer of GET path; returns the milliseconds waited. */
  long await(String path, Predicate<HttpResponse<String>> condition, Duration timeout) throws Exception {
    long started = System.nanoTime();
    long end = started + timeout.toNanos();
    HttpResponse<String> last = null;
    while (System.nanoTime() < end) {
      try {
        last = get(path);
        if (condition.test(last)) {
          return (System.nanoTime() - started) / 1_000_000;
        }
      } catch (IOException e) {
        // try again
      }
      Thread.sleep(20);
    }
    throw new IllegalStateException("condition on " + path + " not met within " + timeout
        + "; last: " + (last == null ? null : last.statusCode() + " " + abbreviate(last.body())));
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return CLIENT.send(request("GET", path, null), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> send(String method, String path, String json) throws IOException, InterruptedException {
    return CLIENT.send(request(method, path, json), HttpResponse.BodyHandlers.ofString());
  }

  /** Every request of the suite is built here: the one place to add credentials. */
  HttpRequest request(String method, String path, String json) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(30));
    String authorization = authorization(path);
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    if (json == null) {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
    }
    return b.build();
  }

  /**
   * The platform admin on platform paths, the tenant's own admin (created on first use, the
   * platform admin may not read committees) on {@code /tenants/{t}/...}; none for a tenant the
   * platform does not know (yet).
   */
  private String authorization(String path) {
    if (!path.startsWith("/tenants/")) {
      return ADMIN_HEADER;
    }
    String rest = path.substring("/tenants/".length());
    String tenant = rest.split("[/?]", 2)[0];
    String cached = tenantAdmins.get(tenant);
    if (cached != null) {
      return cached;
    }
    String user = "bench-ga-" + tenant;
    String body = "{\"username\":\"" + user + "\",\"password\":\"" + PASSWORD + "\",\"tenant\":\""
        + tenant + "\",\"roles\":[\"tenant-admin\"]}";
    try {
      HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create(base() + "/users"))
          .timeout(Duration.ofSeconds(30)).header("Authorization", ADMIN_HEADER)
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 201 && r.statusCode() != 409) {
        return null;
      }
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
    String header = basic(user, PASSWORD);
    tenantAdmins.put(tenant, header);
    return header;
  }

  /** The web application's root (no /api/v1). */
  String webBase() {
    return "http://127.0.0.1:" + httpPort;
  }

  /**
   * Logs in through the web application's login form as the tenant's admin (the one the API
   * requests use) and returns the session cookie ({@code name=value}).
   */
  String webLogin(String tenant) throws Exception {
    if (authorization("/tenants/" + tenant + "/rules") == null) {
      throw new IllegalStateException("no tenant admin for " + tenant);
    }
    HttpResponse<String> form = CLIENT.send(HttpRequest.newBuilder(URI.create(webBase() + "/anmelden"))
        .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
    String loginCookie = cookie(form, "LENKWERK_ANMELDUNG");
    java.util.regex.Matcher token = java.util.regex.Pattern
        .compile("name=\"_login\" value=\"([^\"]*)\"").matcher(form.body());
    if (loginCookie == null || !token.find()) {
      throw new IllegalStateException("login form without its token: " + form.statusCode());
    }
    String body = "_login=" + enc(token.group(1)) + "&benutzername=" + enc("bench-ga-" + tenant)
        + "&passwort=" + enc(PASSWORD);
    HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create(webBase() + "/anmelden"))
        .timeout(Duration.ofSeconds(30)).header("Cookie", loginCookie)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    String session = cookie(r, "LENKWERK_SITZUNG");
    if (r.statusCode() / 100 != 3 || session == null) {
      throw new IllegalStateException("web login failed: " + r.statusCode() + " " + abbreviate(r.body()));
    }
    return session;
  }

  /** A GET of the web application with the session cookie, as a browser sends it. */
  HttpRequest webRequest(String path, String session) {
    return HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : webBase() + path))
        .timeout(Duration.ofSeconds(30)).header("Cookie", session)
        .header("Accept", "text/html,*/*").GET().build();
  }

  private static String cookie(HttpResponse<?> r, String name) {
    for (String c : r.headers().allValues("Set-Cookie")) {
      if (c.startsWith(name + "=") && !c.startsWith(name + "=;")) {
        return c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';'));
      }
    }
    return null;
  }

  private static String enc(String s) {
    return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String basic(String user, String password) {
    return "Basic " + java.util.Base64.getEncoder()
        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** POST that must answer 201; returns the parsed body. */
  Map<String, Object> created(String path, String json) throws Exception {
    HttpResponse<String> r = send("POST", path, json);
    if (r.statusCode() != 201) {
      throw new IllegalStateException("POST " + path + " " + json + " -> " + r.statusCode() + " " + abbreviate(r.body()));
    }
    return Json.object(r.body());
  }

  String ok(String method, String path, String json) throws Exception {
    HttpResponse<String> r = json == null && method.equals("GET") ? get(path) : send(method, path, json);
    if (r.statusCode() != 200) {
      throw new IllegalStateException(method + " " + path + " -> " + r.statusCode() + " " + abbreviate(r.body()));
    }
    return r.body();
  }

  void stop() throws Exception {
    long p = pid > 0 ? pid : readPid();
    exec(List.of("bin/stop"), Duration.ofSeconds(60));
    var handle = ProcessHandle.of(p);
    long end = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (handle.isPresent() && handle.get().isAlive() && System.nanoTime() < end) {
      Thread.sleep(100);
    }
    handle.ifPresent(h -> {
      if (h.isAlive()) {
        h.destroyForcibly();
      }
    });
    pid = -1;
  }

  /** Resident memory (VmRSS, KiB) after a full GC triggered with jcmd. */
  long rssAfterGcKiB() throws Exception {
    long p = pid > 0 ? pid : readPid();
    Thread.sleep(2000);
    String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
    if (!Files.isExecutable(Path.of(jcmd))) {
      jcmd = "jcmd";
    }
    exec(List.of(jcmd, Long.toString(p), "GC.run"), Duration.ofSeconds(60));
    Thread.sleep(1000);
    for (String line : Files.readAllLines(Path.of("/proc/" + p + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    throw new IllegalStateException("no VmRSS for " + p);
  }

  long readPid() throws Exception {
    Path file = home.resolve("karaf.pid");
    for (int i = 0; i < 300; i++) {
      if (Files.isRegularFile(file)) {
        String text = Files.readString(file).trim();
        if (!text.isEmpty()) {
          return Long.parseLong(text);
        }
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("no karaf.pid");
  }

  String exec(List<String> command, Duration timeout) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    env.put("KARAF_DATA", data.toString());
    env.put("LENKWERK_HTTP_PORT", Integer.toString(httpPort));
    env.put("LENKWERK_SSH_PORT", Integer.toString(sshPort));
    env.put("LENKWERK_JMX_REGISTRY_PORT", Integer.toString(jmxRegistryPort));
    env.put("LENKWERK_JMX_SERVER_PORT", Integer.toString(jmxServerPort));
    env.put("LENKWERK_ADMIN_PASSWORD", ADMIN_PASSWORD);
    // bin/start leaves Karaf running with the inherited output: read it from a file, not a pipe
    Path log = Files.createTempFile("lenkwerk-bench", ".out");
    builder.redirectOutput(log.toFile());
    Process process = builder.start();
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException(command + " timed out");
    }
    String text = Files.readString(log, StandardCharsets.UTF_8);
    Files.deleteIfExists(log);
    if (process.exitValue() != 0) {
      throw new IllegalStateException(command + " exited " + process.exitValue() + ": " + text);
    }
    return text;
  }

  static String abbreviate(String s) {
    return s == null ? null : s.length() > 300 ? s.substring(0, 300) + "…" : s;
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("no free port", e);
    }
  }
}
