package de.lenkwerk.benchmarks;

import de.lenkwerk.testsupport.Json;
import de.lenkwerk.testsupport.PostgresServer;
import de.lenkwerk.testsupport.TenantJars;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The Lenkwerk benchmark suite. Times the platform's own code in-process with JMH, then unpacks
 * the built distribution, starts it with {@code bin/start} in several configurations and drives
 * it over loopback HTTP. Every figure is printed with a ratio against a baseline measured in the
 * same run.
 *
 * <pre>
 * java -jar benchmarks/target/lenkwerk-benchmarks.jar [--quick] [--requests] [--postgres] [--tar path] [--out report.md]
 * </pre>
 *
 * <p>{@code --postgres} runs Lenkwerk on the PostgreSQL given by {@code LENKWERK_IT_POSTGRES_URL},
 * {@code _USER} and {@code _PASSWORD} ({@link PostgresServer}; what {@code .ci/postgres} exports; with
 * {@code LENKWERK_POSTGRES_DURABLE=1} it starts a cluster with durable commits) instead of the
 * embedded Derby; the baseline of the start-up figures stays the same bare stack.
 */
public final class Benchmarks {

  private static final String ST = "/tenants/kreis-steinfurt";
  private static final String KLEVE = "/tenants/kreis-kleve";
  private static final List<String> THIRD_PARTY = List.of("jpa", "eclipselink", "aries-jax-rs-whiteboard",
      "pax-jdbc-config", "pax-jdbc-derby", "pax-jdbc-pool-dbcp2", "lenkwerk-json");

  private final boolean quick;
  /** Only the figures of the running platform's requests (reads, writes, pages): a few minutes. */
  private final boolean requestsOnly;
  private final Path work;
  private final Instance karaf;
  private final Database database;
  private final String originalFeatures;
  private final StringBuilder report = new StringBuilder();

  private Benchmarks(boolean quick, boolean requestsOnly, Path work, Instance karaf, Database database)
      throws IOException {
    this.quick = quick;
    this.database = database;
    this.requestsOnly = requestsOnly;
    this.work = work;
    this.karaf = karaf;
    this.originalFeatures = Files.readString(karaf.home.resolve("etc/org.apache.karaf.features.cfg"));
  }

  public static void main(String[] args) throws Exception {
    boolean quick = Arrays.asList(args).contains("--quick");
    boolean requestsOnly = Arrays.asList(args).contains("--requests");
    Path tar = null;
    Path out = Path.of("benchmarks/target/benchmark-report.md");
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals("--tar")) {
        tar = Path.of(args[i + 1]);
      }
      if (args[i].equals("--out")) {
        out = Path.of(args[i + 1]);
      }
    }
    if (tar == null) {
      tar = findTar();
    }
    Database database = Database.derby();
    if (Arrays.asList(args).contains("--postgres")) {
      if (!PostgresServer.available()) {
        throw new IllegalStateException("--postgres: LENKWERK_IT_POSTGRES_URL is not set "
            + "(LENKWERK_POSTGRES_DURABLE=1 . .ci/postgres starts one)");
      }
      database = Database.postgres();
    }
    Path work = Files.createTempDirectory("lenkwerk-bench");
    exec(work, List.of("tar", "xzf", tar.toAbsolutePath().toString(), "-C", work.toString()));
    Path home;
    try (var list = Files.list(work)) {
      home = list.filter(Files::isDirectory).findFirst().orElseThrow();
    }
    Benchmarks suite = new Benchmarks(quick, requestsOnly, work, new Instance(home), database);
    long started = System.nanoTime();
    try {
      suite.runAll(tar);
    } finally {
      suite.line("");
      suite.line(String.format(Locale.ROOT, "Whole run: %.0f s (%s mode). Load average at the end: %s "
          + "(other processes on the machine distort the figures; the ratios less so).",
          (System.nanoTime() - started) / 1e9, (quick ? "quick" : "full") + (suite.requestsOnly ? ", requests only" : ""), loadAverage()));
      Files.createDirectories(out.toAbsolutePath().getParent());
      Files.writeString(out, suite.report.toString());
      System.out.println();
      System.out.println("Report written to " + out.toAbsolutePath());
    }
  }

  private static Path findTar() throws IOException {
    for (Path dir : List.of(Path.of("distribution/target"), Path.of("../distribution/target"))) {
      if (Files.isDirectory(dir)) {
        try (var list = Files.list(dir)) {
          var found = list.filter(p -> p.getFileName().toString().matches("lenkwerk-distribution-.*\\.tar\\.gz")).findFirst();
          if (found.isPresent()) {
            return found.get();
          }
        }
      }
    }
    throw new IllegalStateException("no distribution/target/lenkwerk-distribution-*.tar.gz: build first "
        + "(mvn -B -Pbenchmarks verify -DskipTests)");
  }

  private void runAll(Path tar) throws Exception {
    int tenants = quick ? 200 : 1000;
    line("# Lenkwerk benchmark report");
    line("");
    line("Distribution: `" + tar.getFileName() + "`, " + (quick ? "quick" : "full") + (requestsOnly ? ", requests only" : "") + " mode. " + machine()
        + " Load average at the start: " + loadAverage() + ".");
    line("");
    line("Database of Lenkwerk: " + database.describe() + ".");
    line("");

    if (!requestsOnly) {
      inProcess();
      startUp(tenants);
    }

    // --- the running platform with the 4 seeds
    karaf.data(work.resolve("data-load"));
    database.fresh(karaf, "load");
    clearDeploy();
    writeFeatures(boot(true, true));
    karaf.start(r -> r.statusCode() == 200, "/health", Duration.ofMinutes(5));
    for (String seed : List.of("kreis-steinfurt", "kreis-kleve", "stadt-rheine", "staedteregion-aachen")) {
      karaf.await("/tenants/" + seed + "/rules", r -> r.statusCode() == 200, Duration.ofMinutes(2));
    }
    try {
      Map<String, List<Long>> steinfurt = appointSteinfurt();
      reads();
      long meeting = writes(steinfurt);
      pages(meeting);
      if (!requestsOnly) {
        hotDeploy();
        growth();
      }
    } finally {
      karaf.stop();
    }
  }

  /** Start-up and memory: the baseline and Lenkwerk with 0, 4 and 4 + {@code tenants} tenants. */
  private void startUp(int tenants) throws Exception {
    // --- start-up and memory
    line("## Start-up and memory");
    line("");
    line("Baseline: the same unpacked distribution with Karaf's own boot features and the same third-party "
        + "features (" + String.join(", ", THIRD_PARTY) + ": JPA, EclipseLink, the JAX-RS whiteboard on CXF/Jetty, "
        + "pax-jdbc with Derby and the pool, Jackson) but none of Lenkwerk's bundles; it is ready at its first HTTP answer "
        + "(a 404 from Jetty). Lenkwerk is ready at `200` on `/api/v1/health`. 'first start' is a fresh KARAF_DATA "
        + "(features resolved and installed), 'restart' a later start on the same data (the median of " + (quick ? 1 : 3)
        + "). Memory is VmRSS after "
        + "`jcmd <pid> GC.run`, heap limit 1024 MiB (the shipped default).");
    line("");
    line("| configuration | first start ms | ratio | restart ms | ratio | RSS after GC MiB | ratio |");
    line("|---|---:|---:|---:|---:|---:|---:|");
    long[] base = startScenario("baseline", false, boot(false, false), 0, r -> r.statusCode() > 0, "/health");
    row("baseline: Karaf + third-party features", base, base);
    long[] zero = startScenario("lenkwerk-0", true, boot(true, false), 0, r -> r.statusCode() == 200, "/health");
    row("Lenkwerk, 0 tenants", zero, base);
    long[] four = startScenario("lenkwerk-4", true, boot(true, true), 0, r -> r.statusCode() == 200, "/health");
    row("Lenkwerk, 4 seed tenants", four, base);
    long[] many = startScenario("lenkwerk-" + tenants, true, boot(true, true), tenants, r -> r.statusCode() == 200, "/health");
    row("Lenkwerk, 4 + " + tenants + " generated tenant bundles (health 200)", many, base);
    line(String.format(Locale.ROOT, "| … until all %d generated tenants are ACTIVE | %d | %s | %d | %s | | |",
        tenants, many[3], ratio(many[3], base[0]), many[4], ratio(many[4], base[1])));
    line("");
    double perTenantKiB = (many[2] - four[2]) / (double) tenants;
    line(String.format(Locale.ROOT, "Memory per tenant: (RSS with %d tenants − RSS with 4) / %d = **%.0f KiB** "
        + "(%.2f %% of the baseline's RSS per tenant); Lenkwerk itself (0 tenants) adds %.0f MiB to the baseline.",
        tenants + 4, tenants, perTenantKiB, 100.0 * perTenantKiB / base[2], (zero[2] - base[2]) / 1024.0));
    line("");
  }

  // ---------------------------------------------------------------- in-process (JMH)

  private void inProcess() throws Exception {
    System.out.println("in-process: JMH …");
    Options options = new OptionsBuilder()
        .include(RulesReading.class.getName() + "\\.")
        .forks(quick ? 1 : 2)
        .warmupIterations(quick ? 3 : 5).warmupTime(TimeValue.seconds(1))
        .measurementIterations(quick ? 3 : 5).measurementTime(TimeValue.seconds(1))
        .shouldFailOnError(true)
        .build();
    Map<String, Result<?>> scores = new java.util.TreeMap<>();
    for (RunResult run : new Runner(options).run()) {
      String name = run.getParams().getBenchmark();
      scores.put(name.substring(name.lastIndexOf('.') + 1), run.getPrimaryResult());
    }
    Result<?> base = scores.get("yamlTree");
    Result<?> read = scores.get("readGeschaeftsordnung");
    line("## In-process (JMH)");
    line("");
    line("Reading one Geschäftsordnung (Kreis Steinfurt's, as shipped) as the tenant extender does for every "
        + "tenant bundle at start-up and at every hot deploy: parse, validate, build the rules, digest for the rules "
        + "version. Baseline: the same bytes parsed into a plain YAML tree by the same Jackson YAML parser. JMH "
        + "1.37, average time, " + (quick ? "one fork of 3 + 3" : "two forks of 5 + 5") + " iterations of 1 s "
        + "(warm-up + measurement); ± is JMH's 99.9 % error.");
    line("");
    line("| measure | µs per document | ratio |");
    line("|---|---:|---:|");
    line(String.format(Locale.ROOT, "| baseline: YAML tree | %.1f ± %.1f | 1.00× |", base.getScore(),
        base.getScoreError()));
    line(String.format(Locale.ROOT, "| read the Geschäftsordnung | %.1f ± %.1f | %s |", read.getScore(),
        read.getScoreError(), ratio(read.getScore(), base.getScore())));
    line("");
  }

  // ---------------------------------------------------------------- start-up

  /**
   * Starts a configuration on fresh data, then restarts it (the median of several in full mode);
   * returns {first ms, restart ms, RSS KiB, tenants first, tenants restart}.
   */
  private long[] startScenario(String name, boolean lenkwerk, String boot, int tenants,
      java.util.function.Predicate<HttpResponse<String>> ready, String path) throws Exception {
    karaf.data(work.resolve("data-" + name));
    // the bare stack has no database of Lenkwerk's: it starts the same on either
    (lenkwerk ? database : Database.derby()).fresh(karaf, name);
    clearDeploy();
    writeFeatures(boot);
    for (int i = 0; i < tenants; i++) {
      String id = String.format("bench-t%04d", i);
      Files.write(karaf.home.resolve("deploy/" + id + ".jar"), tenantBundle(id, "1.0.0", "{kind: MAJORITY}"));
    }
    System.out.println("start-up: " + name + " …");
    long first = karaf.start(ready, path, Duration.ofMinutes(8));
    long firstTenants = tenants == 0 ? 0 : first + karaf.await("/tenants", r -> activeGenerated(r) >= tenants,
        Duration.ofMinutes(10));
    long rss = karaf.rssAfterGcKiB();
    karaf.stop();
    // restarts vary most with what else the machine does: the median of several
    long[] restarts = new long[quick ? 1 : 3];
    long[] restartsTenants = new long[restarts.length];
    for (int i = 0; i < restarts.length; i++) {
      restarts[i] = karaf.start(ready, path, Duration.ofMinutes(8));
      restartsTenants[i] = tenants == 0 ? 0 : restarts[i] + karaf.await("/tenants",
          r -> activeGenerated(r) >= tenants, Duration.ofMinutes(10));
      karaf.stop();
    }
    long restart = median(restarts);
    long restartTenants = median(restartsTenants);
    clearDeploy();
    System.out.println("  first " + first + " ms, restart " + restart + " ms, RSS " + rss / 1024 + " MiB");
    return new long[] {first, restart, rss, firstTenants, restartTenants};
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static int activeGenerated(HttpResponse<String> r) {
    if (r.statusCode() != 200) {
      return -1;
    }
    int n = 0;
    for (Object o : Json.array(r.body())) {
      Map<?, ?> t = (Map<?, ?>) o;
      if (String.valueOf(t.get("id")).startsWith("bench-") && "ACTIVE".equals(t.get("status"))) {
        n++;
      }
    }
    return n;
  }

  private void row(String label, long[] m, long[] base) {
    line(String.format(Locale.ROOT, "| %s | %d | %s | %d | %s | %.0f | %s |", label, m[0], ratio(m[0], base[0]),
        m[1], ratio(m[1], base[1]), m[2] / 1024.0, ratio(m[2], base[2])));
  }

  /** featuresBoot: Karaf's own features, plus third-party or Lenkwerk (with or without the seed tenants). */
  private String boot(boolean lenkwerk, boolean seeds) {
    List<String> features = new ArrayList<>();
    for (String f : bootFeatures(originalFeatures)) {
      if (!f.startsWith("lenkwerk")) {
        features.add(f);
      }
    }
    if (!lenkwerk) {
      features.addAll(THIRD_PARTY);
    } else {
      features.add(bootFeatures(originalFeatures).stream().filter(f -> f.startsWith("lenkwerk/")).findFirst().orElseThrow());
      if (seeds) {
        features.add(bootFeatures(originalFeatures).stream().filter(f -> f.startsWith("lenkwerk-demo-tenants"))
            .findFirst().orElseThrow());
      }
    }
    return String.join(", ", features);
  }

  static List<String> bootFeatures(String cfg) {
    int at = cfg.indexOf("featuresBoot");
    StringBuilder value = new StringBuilder();
    String[] lines = cfg.substring(cfg.indexOf('=', at) + 1).split("\n");
    for (String l : lines) {
      String t = l.trim();
      boolean more = t.endsWith("\\");
      value.append(more ? t.substring(0, t.length() - 1) : t);
      if (!more) {
        break;
      }
    }
    return Arrays.stream(value.toString().split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  private void writeFeatures(String boot) throws IOException {
    int at = originalFeatures.indexOf("featuresBoot");
    int eq = originalFeatures.indexOf('=', at);
    int end = eq + 1;
    String[] lines = originalFeatures.substring(eq + 1).split("\n", -1);
    for (String l : lines) {
      end += l.length() + 1;
      if (!l.trim().endsWith("\\")) {
        break;
      }
    }
    String cfg = originalFeatures.substring(0, at) + "featuresBoot = " + boot + "\n"
        + originalFeatures.substring(Math.min(end, originalFeatures.length()));
    Files.writeString(karaf.home.resolve("etc/org.apache.karaf.features.cfg"), cfg);
  }

  private void clearDeploy() throws IOException {
    try (var list = Files.list(karaf.home.resolve("deploy"))) {
      for (Path p : list.filter(p -> p.getFileName().toString().startsWith("bench-")).toList()) {
        Files.delete(p);
      }
    }
  }

  // ---------------------------------------------------------------- reads

  /** Every seat of Steinfurt gets a member and a deputy; returns seat → [member, deputy], voting seats first. */
  private Map<String, List<Long>> appointSteinfurt() throws Exception {
    Map<String, Object> rules = Json.object(karaf.ok("GET", ST + "/rules", null));
    Map<String, List<Long>> seats = new java.util.LinkedHashMap<>();
    for (Object o : (List<?>) rules.get("seats")) {
      Map<?, ?> seat = (Map<?, ?>) o;
      String id = (String) seat.get("id");
      String institution = (String) seat.get("institution");
      Object by = seat.get("appointedBy") != null ? seat.get("appointedBy") : institution;
      long member = id(karaf.created(ST + "/persons", "{\"name\":" + Json.quote("Mitglied " + id)
          + ",\"institution\":" + Json.quote(institution) + "}"));
      long deputy = id(karaf.created(ST + "/persons", "{\"name\":" + Json.quote("Vertretung " + id)
          + ",\"institution\":" + Json.quote(institution) + "}"));
      karaf.created(ST + "/appointments", "{\"seat\":\"" + id + "\",\"person\":" + member
          + ",\"role\":\"MEMBER\",\"from\":\"2021-07-01\",\"appointedBy\":" + Json.quote(by.toString()) + "}");
      karaf.created(ST + "/appointments", "{\"seat\":\"" + id + "\",\"person\":" + deputy
          + ",\"role\":\"DEPUTY\",\"rank\":1,\"from\":\"2021-07-01\",\"appointedBy\":" + Json.quote(by.toString()) + "}");
      if (Boolean.TRUE.equals(seat.get("voting"))) {
        seats.put(id, List.of(member, deputy));
      } else {
        seats.put("!" + id, List.of(member, deputy));
      }
    }
    return seats;
  }

  private void reads() throws Exception {
    Duration warm = Duration.ofSeconds(quick ? 2 : 3);
    Duration run = Duration.ofSeconds(quick ? 4 : 10);
    String committee = ST + "/committee?on=2022-06-01";
    String body = karaf.ok("GET", committee, null);
    line("## Reads");
    line("");
    line("`GET " + committee + "`: the full Steinfurt committee (20 seats, 19 voting, a member and a deputy on "
        + "each, chair and compliance findings computed per request; " + body.length() + " bytes of JSON). "
        + "Baseline: `GET /api/v1/tenants` on the same server, the same JAX-RS/Jackson path without a database "
        + "access (the tenant directory lives in memory; `/health` would query the database). Closed loop: each "
        + "connection sends its next request when the answer is in; load driver on the same 2 cores. "
        + run.toSeconds() + " s per point after " + warm.toSeconds() + " s warm-up.");
    line("");
    line("| connections | committee req/s | baseline req/s | ratio | committee p99 ms | baseline p99 ms | ratio | errors |");
    line("|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (int c : List.of(1, 16, 64)) {
      System.out.println("reads: " + c + " connections …");
      Load.Result trivial = Load.run(c, warm, run, i -> karaf.request("GET", "/tenants", null));
      Load.Result real = Load.run(c, warm, run, i -> karaf.request("GET", committee, null));
      line(String.format(Locale.ROOT, "| %d | %.0f | %.0f | %s | %.1f | %.1f | %s | %d |", c, real.rps(), trivial.rps(),
          ratio(real.rps(), trivial.rps()), real.p99Millis(), trivial.p99Millis(),
          ratio(real.p99Millis(), trivial.p99Millis()), real.errors() + trivial.errors()));
    }
    line("");
  }

  // ---------------------------------------------------------------- writes

  /** The decision writes; returns the first meeting they were recorded in. */
  private long writes(Map<String, List<Long>> seats) throws Exception {
    int perConcurrency = quick ? 100 : 400;
    List<String> voting = seats.keySet().stream().filter(s -> !s.startsWith("!")).toList();
    long submitter = seats.get(voting.get(0)).get(0);
    List<Long> present = seats.values().stream().map(l -> l.get(0)).toList();
    LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
    String votes = voting.stream().map(s -> "{\"seat\":\"" + s + "\",\"vote\":\"" + (s.hashCode() % 3 == 0 ? "NO" : "YES") + "\"}")
        .collect(Collectors.joining(",", "{\"mode\":\"VOTE\",\"votes\":[", "]}"));
    System.out.println("writes: preparing " + 2 * perConcurrency + " agenda items …");
    // meetings of 10 agenda items each, all members present, all items on the agenda
    List<String> decisionPaths = new ArrayList<>();
    int meetings = (2 * perConcurrency + 9) / 10;
    long firstMeeting = -1;
    for (int m = 0; m < meetings; m++) {
      long meeting = id(karaf.created(ST + "/meetings", "{\"date\":\"" + today.minusDays(20 + m)
          + "\",\"start\":\"10:00\",\"end\":\"12:00\",\"kind\":\"REGULAR\"}"));
      if (firstMeeting < 0) {
        firstMeeting = meeting;
      }
      List<Long> items = new ArrayList<>();
      for (int k = 0; k < 10; k++) {
        items.add(id(karaf.created(ST + "/meetings/" + meeting + "/agenda-items", "{\"title\":\"Punkt " + k
            + "\",\"explanation\":\"Beschlussvorlage\",\"submittedBy\":" + submitter + "}")));
      }
      karaf.ok("PUT", ST + "/meetings/" + meeting + "/agenda", "{\"items\":" + items + "}");
      karaf.ok("PUT", ST + "/meetings/" + meeting + "/attendance", "{\"present\":" + present + ",\"guests\":[]}");
      for (long item : items) {
        decisionPaths.add(ST + "/meetings/" + meeting + "/agenda-items/" + item + "/decision");
      }
    }
    line("## Writes");
    line("");
    line("Decisions with per-seat votes (`POST .../agenda-items/{item}/decision`, 19 seat votes each: one "
        + "transaction writes the decision, 19 vote rows and moves the agenda item), on " + database.describe()
        + ". Baseline: `POST .../persons` (one row "
        + "per transaction) at the same concurrency, same run. " + perConcurrency + " writes per point.");
    line("");
    line("| connections | decisions/s | persons/s (baseline) | ratio | decision p99 ms | person p99 ms | errors |");
    line("|---:|---:|---:|---:|---:|---:|---:|");
    int offset = 0;
    for (int c : List.of(1, 4)) {
      System.out.println("writes: " + c + " connections …");
      int from = offset;
      AtomicLong n = new AtomicLong();
      Load.Result persons = Load.count(c, perConcurrency, Duration.ofMinutes(3),
          i -> karaf.request("POST", KLEVE + "/persons", "{\"name\":\"Last " + c + "-" + n.incrementAndGet() + "\"}"));
      Load.Result decisions = Load.count(c, perConcurrency, Duration.ofMinutes(3),
          i -> karaf.request("POST", decisionPaths.get(from + i), votes));
      offset += perConcurrency;
      line(String.format(Locale.ROOT, "| %d | %.0f | %.0f | %s | %.1f | %.1f | %d |", c, decisions.rps(), persons.rps(),
          ratio(decisions.rps(), persons.rps()), decisions.p99Millis(), persons.p99Millis(),
          decisions.errors() + persons.errors()));
    }
    line("");
    return firstMeeting;
  }

  // ---------------------------------------------------------------- web pages

  /**
   * The web application's committee page and meeting page against the JSON of the same data, and
   * what a first visit of each page transfers.
   */
  private void pages(long meeting) throws Exception {
    // The JSON endpoints have run since the reads and writes above, the pages' code runs here for the
    // first time: a longer warm-up, so that the JIT (one C2 thread on 2 cores) has compiled both.
    Duration warm = Duration.ofSeconds(quick ? 4 : 10);
    Duration run = Duration.ofSeconds(quick ? 4 : 10);
    int connections = 16;
    String session = karaf.webLogin("kreis-steinfurt");
    record Pair(String name, String page, String json) {}
    List<Pair> pairs = List.of(
        new Pair("Gremium (committee page)", "/gremium?am=01.06.2022", ST + "/committee?on=2022-06-01"),
        new Pair("Sitzung (meeting page)", "/sitzungen/" + meeting, ST + "/meetings/" + meeting));
    line("## Web pages");
    line("");
    line("The web application's pages for the same data as a JSON endpoint, both as Kreis Steinfurt's "
        + "tenant admin: the page with the session cookie of a login through the login form (`POST /anmelden`), "
        + "the JSON with Basic authentication. The committee page is the full Steinfurt committee of the reads "
        + "above on 01.06.2022 as it opens (`GET /gremium?am=01.06.2022` against `GET " + ST + "/committee?on=2022-06-01`; "
        + "the forms listing every person open on request); "
        + "the meeting page is the first meeting of the writes above: 10 agenda items with their decisions and "
        + "19 per-seat votes each, attendance of every seat (`GET /sitzungen/" + meeting + "` against `GET " + ST
        + "/meetings/" + meeting + "`). " + connections + " connections, closed loop, " + run.toSeconds()
        + " s per point after " + warm.toSeconds() + " s warm-up.");
    line("");
    line("| page | page req/s | JSON req/s | ratio | page p99 ms | JSON p99 ms | page bytes | JSON bytes | errors |");
    line("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    List<String> visits = new ArrayList<>();
    for (Pair pair : pairs) {
      System.out.println("pages: " + pair.name() + " …");
      HttpResponse<byte[]> page = Instance.CLIENT.send(karaf.webRequest(pair.page(), session),
          HttpResponse.BodyHandlers.ofByteArray());
      HttpResponse<byte[]> json = Instance.CLIENT.send(karaf.request("GET", pair.json(), null),
          HttpResponse.BodyHandlers.ofByteArray());
      if (page.statusCode() != 200 || json.statusCode() != 200) {
        throw new IllegalStateException(pair.name() + ": page " + page.statusCode() + ", JSON " + json.statusCode());
      }
      Load.Result jsonLoad = Load.run(connections, warm, run, i -> karaf.request("GET", pair.json(), null));
      Load.Result pageLoad = Load.run(connections, warm, run, i -> karaf.webRequest(pair.page(), session));
      line(String.format(Locale.ROOT, "| %s | %.0f | %.0f | %s | %.1f | %.1f | %d | %d | %d |", pair.name(),
          pageLoad.rps(), jsonLoad.rps(), ratio(pageLoad.rps(), jsonLoad.rps()), pageLoad.p99Millis(),
          jsonLoad.p99Millis(), page.body().length, json.body().length, pageLoad.errors() + jsonLoad.errors()));
      visits.add(firstVisit(pair.name(), pair.page(), session));
    }
    line("");
    line("First visit (empty browser cache): the page's HTML and every stylesheet, script and font it "
        + "references (fonts: every `url(...)` of the stylesheets, so an upper bound: a browser loads only the "
        + "faces the page uses). Bytes as transferred, requested with `Accept-Encoding: gzip, deflate, br` as a "
        + "browser does.");
    line("");
    line("| page | HTML | CSS | JS | fonts | total | requests | compressed |");
    line("|---|---:|---:|---:|---:|---:|---:|---|");
    visits.forEach(this::line);
    line("");
  }

  /** One table row: the bytes of a first visit of {@code path}, by kind. */
  private String firstVisit(String name, String path, String session) throws Exception {
    java.util.Map<String, Long> bytes = new java.util.LinkedHashMap<>();
    for (String kind : List.of("html", "css", "js", "font")) {
      bytes.put(kind, 0L);
    }
    java.util.Set<String> seen = new java.util.HashSet<>();
    java.util.Set<String> encodings = new java.util.TreeSet<>();
    java.util.ArrayDeque<String> queue = new java.util.ArrayDeque<>();
    queue.add(karaf.webBase() + path);
    while (!queue.isEmpty()) {
      String url = queue.poll();
      if (!seen.add(url)) {
        continue;
      }
      HttpResponse<byte[]> r = Instance.CLIENT.send(HttpRequest.newBuilder(java.net.URI.create(url))
          .timeout(Duration.ofSeconds(30)).header("Cookie", session)
          .header("Accept-Encoding", "gzip, deflate, br").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
      if (r.statusCode() != 200) {
        throw new IllegalStateException(url + " answered " + r.statusCode());
      }
      String encoding = r.headers().firstValue("Content-Encoding").orElse("identity");
      if (!encoding.equals("identity")) {
        encodings.add(encoding);
      }
      String type = r.headers().firstValue("Content-Type").orElse("");
      String kind = url.equals(karaf.webBase() + path) ? "html" : type.contains("css") ? "css"
          : type.contains("javascript") ? "js" : type.contains("font") || url.matches(".*\\.(woff2?|ttf|otf)$")
          ? "font" : "other";
      bytes.merge(kind, (long) r.body().length, Long::sum);
      if (!kind.equals("html") && !kind.equals("css") || !encoding.equals("identity")) {
        continue; // only HTML and CSS reference more; a compressed body is not parsed here
      }
      String text = new String(r.body(), StandardCharsets.UTF_8);
      java.net.URI base = java.net.URI.create(url);
      java.util.regex.Pattern refs = kind.equals("html")
          ? java.util.regex.Pattern.compile("<(?:link[^>]*rel=\"stylesheet\"[^>]*href|script[^>]*src)=\"([^\"]+)\"")
          : java.util.regex.Pattern.compile("url\\(\\s*['\"]?([^'\")]+)['\"]?\\s*\\)|@import\\s+['\"]([^'\"]+)['\"]");
      java.util.regex.Matcher m = refs.matcher(text);
      while (m.find()) {
        String ref = m.group(1) != null ? m.group(1) : m.group(2);
        if (!ref.startsWith("data:")) {
          queue.add(base.resolve(ref.replace("&amp;", "&")).toString());
        }
      }
    }
    // anything else (an image) counts in the total only
    long total = bytes.values().stream().mapToLong(Long::longValue).sum();
    return String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | **%d** (%.0f KiB) | %d | %s |", name,
        bytes.get("html"), bytes.get("css"), bytes.get("js"), bytes.get("font"), total, total / 1024.0, seen.size(),
        encodings.isEmpty() ? "no" : String.join(", ", encodings));
  }

  // ---------------------------------------------------------------- hot deploy

  private void hotDeploy() throws Exception {
    int deploys = quick ? 3 : 5;
    int updates = quick ? 20 : 100;
    Path deploy = karaf.home.resolve("deploy");
    List<Long> times = new ArrayList<>();
    for (int k = 0; k < deploys; k++) {
      String id = "bench-hot-" + k;
      System.out.println("hot deploy: " + id + " …");
      long t0 = System.nanoTime();
      drop(deploy, id, tenantBundle(id, "1.0.0", "{kind: MAJORITY}"));
      karaf.await("/tenants/" + id + "/rules", r -> r.statusCode() == 200, Duration.ofMinutes(2));
      times.add((System.nanoTime() - t0) / 1_000_000);
    }
    times.sort(null);
    long median = times.get(times.size() / 2);

    // updates of one tenant while four clients read and write the other tenants
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicLong requests = new AtomicLong();
    AtomicLong failures = new AtomicLong();
    AtomicLong sameTenant = new AtomicLong();
    AtomicLong sameTenantFailed = new AtomicLong();
    List<String> failed = java.util.Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(5);
    List<Future<?>> loops = new ArrayList<>();
    String[] others = {ST + "/committee?on=2022-06-01", "/tenants/stadt-rheine/rules", KLEVE + "/persons",
        "/tenants/staedteregion-aachen/committee", "/tenants/bench-hot-1/rules"};
    for (int c = 0; c < 4; c++) {
      int loop = c;
      loops.add(pool.submit(() -> {
        long n = 0;
        while (running.get()) {
          n++;
          requests.incrementAndGet();
          try {
            HttpResponse<String> r = loop == 3 && n % 5 == 0
                ? karaf.send("POST", "/tenants/stadt-rheine/persons", "{\"name\":\"Während Update " + n + "\"}")
                : karaf.get(others[(int) ((n + loop) % others.length)]);
            if (r.statusCode() / 100 != 2) {
              failures.incrementAndGet();
              failed.add(r.statusCode() + " " + Instance.abbreviate(r.body()));
            }
          } catch (Exception e) {
            failures.incrementAndGet();
            failed.add(e.toString());
          }
        }
        return null;
      }));
    }
    loops.add(pool.submit(() -> {
      while (running.get()) {
        sameTenant.incrementAndGet();
        try {
          if (karaf.get("/tenants/bench-hot-0/rules").statusCode() != 200) {
            sameTenantFailed.incrementAndGet();
          }
        } catch (Exception e) {
          sameTenantFailed.incrementAndGet();
        }
        Thread.sleep(5);
      }
      return null;
    }));
    long t0 = System.nanoTime();
    List<Long> visible = new ArrayList<>();
    try {
      for (int u = 1; u <= updates; u++) {
        String version = "1.0." + u;
        long s = System.nanoTime();
        drop(deploy, "bench-hot-0", tenantBundle("bench-hot-0", version,
            u % 2 == 0 ? "{kind: MAJORITY}" : "{kind: AT_LEAST, minimum: 2}"));
        karaf.await("/tenants/bench-hot-0/rules", r -> r.statusCode() == 200
            && String.valueOf(Json.object(r.body()).get("rulesVersion")).startsWith(version), Duration.ofMinutes(2));
        visible.add((System.nanoTime() - s) / 1_000_000);
      }
    } finally {
      running.set(false);
      for (Future<?> f : loops) {
        f.get();
      }
      pool.shutdown();
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    visible.sort(null);
    line("## Hot deploy");
    line("");
    line("A generated data-only tenant bundle is written into `deploy/` (atomic move; Felix FileInstall "
        + "polls every 1000 ms, the shipped setting, which is the baseline: a ratio of 1 means 'visible at "
        + "the first poll'). Times are from the move until the tenant's `GET .../rules` answers 200 (or shows the "
        + "new rules version).");
    line("");
    line("| measure | value | ratio to the 1000 ms poll |");
    line("|---|---:|---:|");
    line(String.format(Locale.ROOT, "| install → first 200 (median of %d) | %d ms | %s |", deploys, median, ratio(median, 1000)));
    line(String.format(Locale.ROOT, "| install → first 200 (max) | %d ms | %s |", times.get(times.size() - 1),
        ratio(times.get(times.size() - 1), 1000)));
    line(String.format(Locale.ROOT, "| update → new rules visible (median of %d) | %d ms | %s |", updates,
        visible.get(visible.size() / 2), ratio(visible.get(visible.size() / 2), 1000)));
    line(String.format(Locale.ROOT, "| update → new rules visible (p99/max) | %d ms | %s |", visible.get(visible.size() - 1),
        ratio(visible.get(visible.size() - 1), 1000)));
    line("");
    line(String.format(Locale.ROOT, "While `bench-hot-0` was updated %d times in %.0f s, 4 clients sent %d requests to "
        + "the other tenants (committee, rules, persons lists and person writes): **%d failed** (target 0)%s. "
        + "Reads of the updated tenant itself: %d, of which %d were not 200 (the tenant is briefly unknown while its "
        + "bundle is replaced; not a target).", updates, seconds, requests.get(), failures.get(),
        failed.isEmpty() ? "" : ", e.g. " + failed.subList(0, Math.min(3, failed.size())), sameTenant.get(),
        sameTenantFailed.get()));
    line("");
  }

  private void drop(Path deploy, String id, byte[] jar) throws IOException {
    Path tmp = work.resolve(id + ".jar.tmp");
    Files.write(tmp, jar);
    Files.move(tmp, deploy.resolve(id + ".jar"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  // ---------------------------------------------------------------- growth

  private void growth() throws Exception {
    List<Integer> levels = quick ? List.of(10, 100, 1000) : List.of(10, 1000, 10000);
    Duration warm = Duration.ofSeconds(1);
    Duration run = Duration.ofSeconds(quick ? 3 : 5);
    line("## Growth");
    line("");
    line("Meetings of one tenant (Kreis Kleve): the first 10 in 2024, the others from 2030 on, created over "
        + "HTTP with 8 connections. At each size, 4 connections for " + run.toSeconds() + " s each read one meeting "
        + "(`GET .../meetings/{id}`), the 10 meetings of 2024 (`GET .../meetings?year=2024`) and the compliance "
        + "report of 2024 (`GET .../compliance?year=2024`, which counts the meetings of the year). Ratio: against "
        + "the same read at 10 meetings, same run.");
    line("");
    line("| meetings | create/s | meeting p50 / p99 ms | ratio p99 | year list p50 / p99 ms | ratio p99 | compliance p50 / p99 ms | ratio p99 | errors |");
    line("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    AtomicLong created = new AtomicLong();
    LocalDate early = LocalDate.of(2024, 1, 8);
    LocalDate late = LocalDate.of(2030, 1, 1);
    long firstId = -1;
    double[] base = null;
    for (int level : levels) {
      long need = level - created.get();
      System.out.println("growth: " + level + " meetings …");
      long before = created.get();
      Load.Result creation = Load.count(8, need, Duration.ofMinutes(6), i -> {
        long k = before + i;
        LocalDate date = k < 10 ? early.plusDays(k * 7) : late.plusDays(k - 10);
        return karaf.request("POST", KLEVE + "/meetings", "{\"date\":\"" + date
            + "\",\"start\":\"10:00\",\"end\":\"12:00\",\"kind\":\"EXTRA\"}");
      });
      created.addAndGet(creation.requests() - creation.errors());
      if (firstId < 0) {
        Object first = Json.array(karaf.ok("GET", KLEVE + "/meetings?year=2024", null)).get(0);
        firstId = ((Number) ((Map<?, ?>) first).get("id")).longValue();
      }
      long meetingId = firstId;
      Load.Result one = Load.run(4, warm, run, i -> karaf.request("GET", KLEVE + "/meetings/" + meetingId, null));
      Load.Result year = Load.run(4, warm, run, i -> karaf.request("GET", KLEVE + "/meetings?year=2024", null));
      Load.Result compliance = Load.run(4, warm, run, i -> karaf.request("GET", KLEVE + "/compliance?year=2024", null));
      if (base == null) {
        base = new double[] {one.p99Millis(), year.p99Millis(), compliance.p99Millis()};
      }
      line(String.format(Locale.ROOT, "| %d | %.0f | %.1f / %.1f | %s | %.1f / %.1f | %s | %.1f / %.1f | %s | %d |",
          created.get(), creation.rps(), one.p50Millis(), one.p99Millis(), ratio(one.p99Millis(), base[0]),
          year.p50Millis(), year.p99Millis(), ratio(year.p99Millis(), base[1]),
          compliance.p50Millis(), compliance.p99Millis(), ratio(compliance.p99Millis(), base[2]),
          creation.errors() + one.errors() + year.errors() + compliance.errors()));
    }
    line("");
  }

  // ---------------------------------------------------------------- helpers

  static byte[] tenantBundle(String tenant, String version, String quorum) {
    return TenantJars.tenantBundle(tenant, version, "Benchmarkkommune " + tenant, quorum);
  }


  private static long id(Map<String, Object> json) {
    return ((Number) json.get("id")).longValue();
  }

  static String ratio(double value, double base) {
    if (base <= 0 || Double.isNaN(value) || Double.isNaN(base)) {
      return "–";
    }
    return String.format(Locale.ROOT, "%.2f×", value / base);
  }

  private void line(String s) {
    report.append(s).append('\n');
    System.out.println(s);
  }

  private static String machine() throws Exception {
    String cpu = "?";
    long memKiB = 0;
    for (String l : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
      if (l.startsWith("model name")) {
        cpu = l.substring(l.indexOf(':') + 1).trim();
        break;
      }
    }
    for (String l : Files.readAllLines(Path.of("/proc/meminfo"))) {
      if (l.startsWith("MemTotal:")) {
        memKiB = Long.parseLong(l.replaceAll("[^0-9]", ""));
      }
    }
    return String.format(Locale.ROOT, "Machine: %d cores (%s), %.1f GiB memory, Java %s (%s), %s %s.",
        Runtime.getRuntime().availableProcessors(), cpu, memKiB / 1024.0 / 1024.0,
        System.getProperty("java.runtime.version"), System.getProperty("java.vm.name"),
        System.getProperty("os.name"), System.getProperty("os.version"));
  }

  private static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return parts[0] + " / " + parts[1] + " / " + parts[2] + " (1/5/15 min)";
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static void exec(Path dir, List<String> command) throws Exception {
    Process p = new ProcessBuilder(command).directory(dir.toFile()).inheritIO().start();
    if (p.waitFor() != 0) {
      throw new IllegalStateException(command + " failed");
    }
  }
}
