package de.lenkwerk.itests;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import de.lenkwerk.testsupport.Http;
import de.lenkwerk.testsupport.KarafProcess;
import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;

/**
 * Pax Exam options that boot the real Lenkwerk distribution on free loopback ports, so that
 * tests run beside a developer's own instance and beside each other.
 */
final class LenkwerkContainer {

  static final String CUSTOM_PROPERTIES = "etc/custom.system.properties";
  /** The platform admin's first password (the system property equivalent of LENKWERK_ADMIN_PASSWORD). */
  static final String ADMIN_PASSWORD_PROPERTY = Http.ADMIN_PASSWORD_PROPERTY;
  static final String ADMIN_PASSWORD = KarafProcess.ADMIN_PASSWORD;

  private LenkwerkContainer() {}

  static Option[] options(Option... extra) {
    List<Option> options = new ArrayList<>(List.of(
        karafDistributionConfiguration()
            .frameworkUrl(distribution())
            .unpackDirectory(new File("target/exam"))
            .useDeployFolder(false),
        configureConsole().ignoreLocalConsole().ignoreRemoteShell(),
        logLevel(LogLevel.INFO),
        // the probes call the shared test support from inside the container
        bundle(testSupport()),
        editConfigurationFilePut(CUSTOM_PROPERTIES, "lenkwerk.http.port", String.valueOf(freePort())),
        editConfigurationFilePut(CUSTOM_PROPERTIES, "lenkwerk.http.host", "127.0.0.1"),
        editConfigurationFilePut(CUSTOM_PROPERTIES, ADMIN_PASSWORD_PROPERTY, ADMIN_PASSWORD),
        // Pax Exam's probe waits 10 s for its invoker by default: too short on a loaded 2-core machine
        editConfigurationFilePut(CUSTOM_PROPERTIES,
            "org.ops4j.pax.exam.raw.extender.intern.Parser.DEFAULT_TIMEOUT", "120000"),
        editConfigurationFilePut(CUSTOM_PROPERTIES, "lenkwerk.ssh.port", String.valueOf(freePort())),
        editConfigurationFilePut(CUSTOM_PROPERTIES, "lenkwerk.jmx.registry.port", String.valueOf(freePort())),
        editConfigurationFilePut(CUSTOM_PROPERTIES, "lenkwerk.jmx.server.port", String.valueOf(freePort()))));
    String localRepo = System.getProperty("maven.repo.local");
    if (localRepo != null && !localRepo.isBlank()) {
      options.add(editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg",
          "org.ops4j.pax.url.mvn.localRepository", localRepo));
    }
    options.addAll(Postgres.containerOptions());
    options.addAll(Arrays.asList(extra));
    return options.toArray(new Option[0]);
  }

  /** The distribution built by this reactor, not a possibly stale copy in the local repository. */
  private static String distribution() {
    File tarGz = new File(System.getProperty("lenkwerk.distribution", ""));
    if (!tarGz.isFile()) {
      throw new IllegalStateException("distribution not built: " + tarGz);
    }
    return tarGz.toURI().toString();
  }

  private static String testSupport() {
    File jar = new File(System.getProperty("lenkwerk.it.support", ""));
    if (!jar.isFile()) {
      throw new IllegalStateException("test support not built: " + jar);
    }
    return jar.toURI().toString();
  }

  private static int freePort() {
    return KarafProcess.freePort();
  }
}
