package de.lenkwerk.itests;

import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
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

  private LenkwerkContainer() {}

  static Option[] options(Option... extra) {
    List<Option> options = new ArrayList<>(List.of(
        karafDistributionConfiguration()
            .frameworkUrl(distribution())
            .unpackDirectory(new File("target/exam"))
            .useDeployFolder(false),
        configureConsole().ignoreLocalConsole().ignoreRemoteShell(),
        logLevel(LogLevel.INFO),
        editConfigurationFilePut(CUSTOM_PROPERTIES, "lenkwerk.http.port", String.valueOf(freePort())),
        editConfigurationFilePut(CUSTOM_PROPERTIES, "lenkwerk.http.host", "127.0.0.1"),
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

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("no free port", e);
    }
  }
}
