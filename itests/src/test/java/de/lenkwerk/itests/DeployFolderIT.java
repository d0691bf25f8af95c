package de.lenkwerk.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import de.lenkwerk.testsupport.Http;
import de.lenkwerk.testsupport.KarafProcess;
import de.lenkwerk.testsupport.TenantJars;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.Test;

/**
 * deploy/ as a hosting provider uses it, on the distribution started with {@code bin/start}:
 * tenant bundles lying in deploy/ at the first start on a fresh data folder are all served once
 * Karaf's boot features are installed (FileInstall installing them during that installation made
 * it fail, and Lenkwerk never started), and a bundle dropped while the platform runs is served
 * after FileInstall's next scan.
 */
public class DeployFolderIT {

  private static final int TENANTS = 80;

  @Test
  public void tenantBundlesInDeployAreServedFromAFreshStartAndWhileRunning() throws Exception {
    try (KarafProcess karaf = KarafProcess.unpack("deploy")) {
      Path deploy = karaf.home.resolve("deploy");
      for (int i = 0; i < TENANTS; i++) {
        String id = String.format("deploy-t%03d", i);
        Files.write(deploy.resolve(id + ".jar"), TenantJars.tenantBundle(id, "1.0.0", "Kommune " + i,
            "{kind: MAJORITY}"));
      }
      karaf.start();
      try {
        Http admin = Http.at(karaf.base(), Http.ADMIN, KarafProcess.ADMIN_PASSWORD);
        admin.await("/health", 200, Duration.ofMinutes(6));
        long end = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        int active = 0;
        while (active < TENANTS && System.nanoTime() < end) {
          active = active(admin.get("/tenants").json());
          Thread.sleep(500);
        }
        assertEquals("tenants of deploy/ ACTIVE after the first start", TENANTS, active);

        // dropped while running, as an operator copies a file: written elsewhere, then moved
        Path tmp = karaf.home.resolve("deploy-late.jar.tmp");
        Files.write(tmp, TenantJars.tenantBundle("deploy-late", "1.0.0", "Spätere Kommune",
            "{kind: MAJORITY}"));
        Files.move(tmp, deploy.resolve("deploy-late.jar"), StandardCopyOption.ATOMIC_MOVE);
        Http.Reply rules = admin.await("/tenants/deploy-late/rules", 200, Duration.ofMinutes(1));
        assertEquals("Spätere Kommune", rules.json().path("name").asText());
      } finally {
        karaf.stop();
      }
      String log = Files.readString(karaf.data().resolve("log/karaf.log"));
      assertFalse("the boot features were installed without an error",
          log.contains("Error installing boot features"));
    }
  }

  private static int active(JsonNode tenants) {
    int n = 0;
    for (JsonNode t : tenants) {
      if (t.path("id").asText().startsWith("deploy-t") && "ACTIVE".equals(t.path("status").asText())) {
        n++;
      }
    }
    return n;
  }
}
