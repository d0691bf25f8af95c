package de.lenkwerk.itests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.rules.TestRule;
import org.junit.runner.Description;
import org.junit.runners.model.Statement;

/**
 * Runs in the container: when a test fails, keeps the container's karaf.log beside the failsafe
 * reports ({@code itests/target/karaf-logs/}) and adds its last warnings and errors to the
 * failure, so that a failure on CI, where the container's folder is gone, can be understood from
 * the build output alone.
 */
public final class ContainerLog implements TestRule {

  private static final int LINES = 40;

  @Override
  public Statement apply(Statement base, Description description) {
    return new Statement() {
      @Override
      public void evaluate() throws Throwable {
        try {
          base.evaluate();
        } catch (Throwable failure) {
          AssertionError explained = new AssertionError(failure + "\n" + keep(description), failure);
          explained.setStackTrace(failure.getStackTrace());
          throw explained;
        }
      }
    };
  }

  private static String keep(Description description) {
    String logDir = System.getProperty("karaf.log");
    String base = System.getProperty("karaf.base");
    if (logDir == null || base == null) {
      return "(kein karaf.log: der Test lief nicht im Container)";
    }
    Path log = Path.of(logDir, "karaf.log");
    try {
      // karaf.base is itests/target/exam/<container>; the copy outlives the container's folder
      Path kept = Path.of(base).toAbsolutePath().getParent().getParent().resolve("karaf-logs")
          .resolve(description.getClassName() + "." + description.getMethodName() + ".log");
      Files.createDirectories(kept.getParent());
      Files.copy(log, kept, StandardCopyOption.REPLACE_EXISTING);
      List<String> warnings = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
          .filter(line -> line.contains("| WARN ") || line.contains("| ERROR") || line.startsWith("\t")
              || line.startsWith("Caused by"))
          .toList();
      List<String> last = warnings.subList(Math.max(0, warnings.size() - LINES), warnings.size());
      return "karaf.log: " + kept + "\nseine letzten Warnungen und Fehler:\n" + String.join("\n", last);
    } catch (IOException | RuntimeException e) {
      return "(karaf.log " + log + " nicht lesbar: " + e + ")";
    }
  }
}
