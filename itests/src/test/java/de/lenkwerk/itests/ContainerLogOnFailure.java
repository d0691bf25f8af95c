package de.lenkwerk.itests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * When a test fails while a Pax Exam container runs, keeps that container's karaf.log under
 * {@code target/karaf-logs/} and prints its last warnings and errors into the build output, so
 * that a failure on CI, where the container's folder is gone, can be understood from the output
 * alone. Karaf 4.4's own boot noise (the specs locator on Java 17) is left out. Registered for the
 * JUnit Platform in META-INF/services; it runs in the failsafe JVM.
 */
public final class ContainerLogOnFailure implements TestExecutionListener {

  private static final Path CONTAINERS = Path.of("target", "exam");
  private static final int LINES = 40;

  @Override
  public void executionFinished(TestIdentifier test, TestExecutionResult result) {
    if (result.getStatus() != TestExecutionResult.Status.FAILED || !test.isTest()) {
      return;
    }
    newestContainerLog().ifPresent(log -> report(test, log));
  }

  private static Optional<Path> newestContainerLog() {
    if (!Files.isDirectory(CONTAINERS)) {
      return Optional.empty();
    }
    try (Stream<Path> containers = Files.list(CONTAINERS)) {
      return containers.map(c -> c.resolve("data/log/karaf.log")).filter(Files::isRegularFile)
          .max(Comparator.comparing(ContainerLogOnFailure::modified));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static void report(TestIdentifier test, Path log) {
    try {
      Path kept = Path.of("target", "karaf-logs", test.getDisplayName().replaceAll("[^\\w.-]", "_") + ".log");
      Files.createDirectories(kept.getParent());
      Files.copy(log, kept, StandardCopyOption.REPLACE_EXISTING);
      List<String> warnings = Files.readAllLines(kept, StandardCharsets.UTF_8).stream()
          .filter(line -> line.contains("| WARN ") || line.contains("| ERROR") || line.contains("Caused by"))
          .filter(line -> !line.contains("OsgiLocator") && !line.contains("FrameworkEvent ERROR"))
          .toList();
      System.out.println("---- " + test.getDisplayName() + " failed; the container's karaf.log is kept as "
          + kept.toAbsolutePath() + "; its last warnings and errors:");
      warnings.subList(Math.max(0, warnings.size() - LINES), warnings.size()).forEach(System.out::println);
      System.out.println("----");
    } catch (IOException | RuntimeException e) {
      System.out.println("---- karaf.log " + log + " could not be kept: " + e);
    }
  }

  private static long modified(Path file) {
    try {
      return Files.getLastModifiedTime(file).toMillis();
    } catch (IOException e) {
      return 0;
    }
  }
}
