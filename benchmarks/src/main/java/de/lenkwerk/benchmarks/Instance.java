package de.lenkwerk.benchmarks;

import de.lenkwerk.testsupport.Http;
import de.lenkwerk.testsupport.Json;
import de.lenkwerk.testsupport.KarafProcess;
import java.io.IOException;
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
import java.util.function.Predicate;

/**
 * One unpacked distribution started with {@code bin/start} on its own loopback ports and its own
 * KARAF_DATA (the shared {@link KarafProcess}); the suite changes
 * {@code etc/org.apache.karaf.features.cfg} and {@code deploy/} between runs and times its own raw
 * requests, with the credentials of the shared {@link Http} client.
 */
final class Instance {

  static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  final Path home;
  private final KarafProcess process;
  /** The platform admin on platform paths, the tenant's own admin (created on first use) on its paths. */
  private final Http credentials;
  private long pid = -1;

  Instance(Path home) {
    this.home = home;
    this.process = KarafProcess.at(home);
    this.credentials = Http.tenantAdminsAt(process.base(), KarafProcess.ADMIN_PASSWORD);
  }

  /** KARAF_DATA of the following starts: each run its own. */
  void data(Path data) {
    process.data(data);
  }

  /** An environment variable of the following starts ({@code null}: not set). */
  void env(String name, String value) {
    process.env(name, value);
  }

  String base() {
    return process.base();
  }

  /** Starts and returns the milliseconds from bin/start until {@code ready} accepts an answer. */
  long start(Predicate<HttpResponse<String>> ready, String path, Duration timeout) throws Exception {
    long started = System.nanoTime();
    process.start();
    long end = started + timeout.toNanos();
    while (System.nanoTime() < end) {
      try {
        HttpResponse<String> r = get(path);
        if (ready.test(r)) {
          long millis = (System.nanoTime() - started) / 1_000_000;
          pid = process.pid();
          return millis;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException("not ready within " + timeout + ": " + path + " (see "
        + process.data().resolve("log/karaf.log") + ")");
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
    String authorization = credentials.authorization(path);
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

  /** The web application's root (no /api/v1). */
  String webBase() {
    return "http://127.0.0.1:" + process.httpPort;
  }

  /**
   * Logs in through the web application's login form as the tenant's admin (the one the API
   * requests use) and returns the session cookie ({@code name=value}).
   */
  String webLogin(String tenant) throws Exception {
    if (credentials.authorization("/tenants/" + tenant + "/rules") == null) {
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
    String body = "_login=" + enc(token.group(1)) + "&benutzername=" + enc(Http.tenantAdmin(tenant))
        + "&passwort=" + enc(Http.PASSWORD);
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
    process.stop();
    pid = -1;
  }

  /** Resident memory (VmRSS, KiB) after a full GC triggered with jcmd. */
  long rssAfterGcKiB() throws Exception {
    long p = pid > 0 ? pid : process.pid();
    Thread.sleep(2000);
    String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
    if (!Files.isExecutable(Path.of(jcmd))) {
      jcmd = "jcmd";
    }
    process.run(List.of(jcmd, Long.toString(p), "GC.run"), Duration.ofSeconds(60));
    Thread.sleep(1000);
    for (String line : Files.readAllLines(Path.of("/proc/" + p + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    throw new IllegalStateException("no VmRSS for " + p);
  }

  static String abbreviate(String s) {
    return s == null ? null : s.length() > 300 ? s.substring(0, 300) + "…" : s;
  }
}
