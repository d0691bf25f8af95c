package de.lenkwerk.testsupport;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real distribution started as an operator starts it ({@code bin/start}, {@code bin/stop}),
 * not through Pax Exam: for tests that must kill the JVM or restart it on the same data folder.
 * Each instance gets its own copy of the tar.gz, free loopback ports and its own KARAF_DATA.
 */
public final class KarafProcess implements AutoCloseable {

  /** The platform admin's first password, handed to bin/start (test and benchmark instances only). */
  public static final String ADMIN_PASSWORD = "itest-Admin-Passwort-1";

  public final Path home;
  private Path data;
  public final int httpPort = freePort();
  public final int sshPort = freePort();
  private final int jmxRegistryPort = freePort();
  private final int jmxServerPort = freePort();
  /** More environment for bin/start, e.g. the SMTP server of a test. */
  private final Map<String, String> environment = new java.util.HashMap<>();

  private KarafProcess(Path home, Path data) {
    this.home = home;
    this.data = data;
  }

  /** Unpacks the distribution under {@code target/processes/<name>}, with a console user for bin/client. */
  public static KarafProcess unpack(String name) throws IOException, InterruptedException {
    File tarGz = new File(System.getProperty("lenkwerk.distribution", ""));
    if (!tarGz.isFile()) {
      throw new IllegalStateException("distribution not built: " + tarGz);
    }
    Path dir = Path.of("target", "processes", name + "-" + System.currentTimeMillis()).toAbsolutePath();
    Files.createDirectories(dir);
    exec(dir, List.of("tar", "xzf", tarGz.getAbsolutePath(), "-C", dir.toString()), Duration.ofMinutes(2), Map.of());
    Path home;
    try (var list = Files.list(dir)) {
      home = list.filter(Files::isDirectory).findFirst().orElseThrow();
    }
    // a console user for this test copy only (the shipped users.properties has none)
    Files.writeString(home.resolve("etc/users.properties"),
        "itest = itest,_g_:admingroup\n_g_\\:admingroup = group,admin,manager,viewer,systembundles,ssh\n",
        StandardCharsets.ISO_8859_1);
    KarafProcess process = new KarafProcess(home, home.resolve("data-itest"));
    // the tests' instances are small; the benchmarks' keep the distribution's default
    process.environment.put("JAVA_MAX_MEM", "512M");
    return process;
  }

  /** An instance already unpacked at {@code home}, whose KARAF_DATA {@link #data(Path)} sets. */
  public static KarafProcess at(Path home) {
    return new KarafProcess(home, home.resolve("data"));
  }

  /** KARAF_DATA of the following starts (a benchmark gives each run its own). */
  public KarafProcess data(Path data) {
    this.data = data;
    return this;
  }

  public Path data() {
    return data;
  }

  public String base() {
    return "http://127.0.0.1:" + httpPort + "/api/v1";
  }

  /** A client acting as each tenant's admin (created on first use) and as the platform admin elsewhere. */
  public Http http() {
    return Http.tenantAdminsAt(base(), ADMIN_PASSWORD);
  }

  /** Sets an environment variable for the following starts; {@code null} unsets it again. */
  public KarafProcess env(String name, String value) {
    if (value == null) {
      environment.remove(name);
    } else {
      environment.put(name, value);
    }
    return this;
  }

  public void start() throws IOException, InterruptedException {
    Files.deleteIfExists(home.resolve("karaf.pid"));
    run(home, List.of("bin/start"), Duration.ofSeconds(60));
  }

  /** The JVM's process id from {@code karaf.pid}, waiting until the launcher wrote it. */
  public long pid() throws IOException, InterruptedException {
    Path file = home.resolve("karaf.pid");
    long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < end) {
      if (Files.isRegularFile(file)) {
        String text = Files.readString(file).trim();
        if (!text.isEmpty()) {
          return Long.parseLong(text);
        }
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("no karaf.pid in " + home);
  }

  /** SIGKILL: no shutdown hook, no Derby shutdown, no flush. */
  public void kill9() throws IOException, InterruptedException {
    long pid = pid();
    run(home, List.of("kill", "-9", Long.toString(pid)), Duration.ofSeconds(10));
    awaitExit(pid);
  }

  public void stop() throws IOException, InterruptedException {
    long pid = pid();
    run(home, List.of("bin/stop"), Duration.ofSeconds(60));
    awaitExit(pid);
  }

  /** Runs a console command through {@code bin/client} (SSH on loopback) and returns its output. */
  public String console(String command) throws IOException, InterruptedException {
    return run(home, List.of("bin/client", "-a", Integer.toString(sshPort), "-h", "127.0.0.1",
        "-u", "itest", "-p", "itest", "-r", "10", "-d", "2", command), Duration.ofSeconds(120));
  }

  private static void awaitExit(long pid) throws InterruptedException {
    var handle = ProcessHandle.of(pid);
    if (handle.isEmpty()) {
      return;
    }
    long end = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (handle.get().isAlive() && System.nanoTime() < end) {
      Thread.sleep(100);
    }
    if (handle.get().isAlive()) {
      handle.get().destroyForcibly();
      throw new IllegalStateException("Karaf " + pid + " did not stop");
    }
  }

  /** Runs a command in the instance's folder with its environment (ports, KARAF_DATA), e.g. jcmd. */
  public String run(List<String> command, Duration timeout) throws IOException, InterruptedException {
    return run(home, command, timeout);
  }

  private String run(Path dir, List<String> command, Duration timeout)
      throws IOException, InterruptedException {
    Map<String, String> env = new java.util.HashMap<>(environment);
    env.putAll(Map.of(
        "KARAF_DATA", data.toString(),
        "LENKWERK_HTTP_PORT", Integer.toString(httpPort),
        "LENKWERK_SSH_PORT", Integer.toString(sshPort),
        "LENKWERK_JMX_REGISTRY_PORT", Integer.toString(jmxRegistryPort),
        "LENKWERK_JMX_SERVER_PORT", Integer.toString(jmxServerPort),
        "LENKWERK_ADMIN_PASSWORD", ADMIN_PASSWORD));
    return exec(dir, command, timeout, env);
  }

  private static String exec(Path dir, List<String> command, Duration timeout, Map<String, String> env)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).directory(dir.toFile())
        .redirectErrorStream(true);
    builder.environment().putAll(env);
    Path out = Files.createTempFile("karaf-process", ".out");
    builder.redirectOutput(out.toFile());
    Process process = builder.start();
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(command + " did not finish within " + timeout);
      }
      String text = Files.readString(out, StandardCharsets.UTF_8);
      if (process.exitValue() != 0) {
        throw new IllegalStateException(command + " exited " + process.exitValue() + ": " + text);
      }
      return text;
    } finally {
      Files.deleteIfExists(out);
    }
  }

  /** Stops the instance if it still runs (kill -9 if it does not stop). */
  @Override
  public void close() {
    try {
      Path file = home.resolve("karaf.pid");
      if (Files.isRegularFile(file)) {
        long pid = Long.parseLong(Files.readString(file).trim());
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
      }
    } catch (IOException | RuntimeException e) {
      // best effort
    }
  }

  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("no free port", e);
    }
  }
}
