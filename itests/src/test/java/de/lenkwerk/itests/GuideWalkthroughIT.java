package de.lenkwerk.itests;

import de.lenkwerk.testsupport.Http;
import de.lenkwerk.testsupport.KarafProcess;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.Test;

/**
 * The policy developer guide's section 1, as a new Kommune would go through it: {@code
 * tenant-kit/walkthrough.sh} runs every command of that section (both archetypes, their builds,
 * the tenant admin, the upload, the operator's install of the policy bundle, the checks) against a
 * distribution started with {@code bin/start}; then the Kommune decides over HTTP and the policy's
 * reason is in the decision. Every command line of the guide's section must be in the script.
 */
public class GuideWalkthroughIT {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Path SCRIPT = ROOT.resolve("tenant-kit/walkthrough.sh");
  private static final String GA_PASSWORD = "Borken-Geschaeftsstelle-1";

  /** The shell lines of the guide's section 1 code blocks, continuation lines joined. */
  private static List<String> guideCommands() throws IOException {
    String guide = Files.readString(ROOT.resolve("docs/policy-developer-guide.md"));
    String section = guide.substring(guide.indexOf("## 1 "), guide.indexOf("## 2 "));
    List<String> commands = new ArrayList<>();
    String[] blocks = section.split("```");
    for (int i = 1; i < blocks.length; i += 2) {
      for (String line : blocks[i].replace("\\\n", "\u0000").split("\n")) {
        String command = line.replace("\u0000", "\\\n").strip();
        if (!command.isEmpty()) {
          commands.add(command);
        }
      }
    }
    return commands;
  }

  @Test
  public void theGuidesCommandsAreAllInTheScript() throws IOException {
    String script = Files.readString(SCRIPT);
    List<String> commands = guideCommands();
    assertTrue("the guide shows commands: " + commands, commands.size() >= 8);
    for (String command : commands) {
      assertTrue("docs/policy-developer-guide.md section 1 shows a command that "
          + "tenant-kit/walkthrough.sh does not run:\n" + command, script.contains(command));
    }
  }

  @Test
  public void aNewKommuneFromAnEmptyFolderToDeciding() throws Exception {
    Path repo = ROOT.resolve("tenant-kit/target/it-repo");
    Path settings = ROOT.resolve("tenant-kit/tenant-archetype/target/it/settings.xml");
    assertTrue("the tenant kit is built before the integration tests (mvn verify builds "
        + "tenant-kit/ first): " + repo, Files.isDirectory(repo.resolve("de/lenkwerk/lenkwerk-policy-archetype"))
        && Files.isDirectory(repo.resolve("de/lenkwerk/lenkwerk-tenant-archetype")));
    try (KarafProcess karaf = KarafProcess.unpack("guide")) {
      karaf.start();
      Http http = karaf.http();
      http.await("/health", 200, Duration.ofSeconds(120));
      Path work = Path.of("target", "guide-" + System.currentTimeMillis()).toAbsolutePath();
      ProcessBuilder builder = new ProcessBuilder("bash", SCRIPT.toString(), work.toString())
          .redirectErrorStream(true);
      builder.environment().put("LENKWERK", "http://127.0.0.1:" + karaf.httpPort);
      builder.environment().put("LENKWERK_ADMIN_PASSWORD", LenkwerkContainer.ADMIN_PASSWORD);
      builder.environment().put("GA_PASSWORD", GA_PASSWORD);
      builder.environment().put("LENKWERK_HOME", karaf.home.toString());
      builder.environment().put("LENKWERK_SSH_PORT", Integer.toString(karaf.sshPort));
      builder.environment().put("CONSOLE_USER", "itest");
      builder.environment().put("CONSOLE_PASSWORD", "itest");
      builder.environment().put("LENKWERK_MAVEN_ARGS", "-q -s " + settings
          + " -Dmaven.repo.local=" + repo);
      Path log = Files.createTempFile("walkthrough", ".log");
      builder.redirectOutput(log.toFile());
      Process process = builder.start();
      boolean done = process.waitFor(10, TimeUnit.MINUTES);
      String output = Files.readString(log, StandardCharsets.UTF_8);
      if (!done) {
        process.destroyForcibly();
      }
      assertTrue("walkthrough.sh finished in time:\n" + output, done);
      assertEquals("walkthrough.sh failed:\n" + output, 0, process.exitValue());
      assertTrue(output, output.contains("kreis-borken"));

      // the Kommune as the guide leaves it: its rules with the operator's policy
      Http ga = Http.at(karaf.base(), "ga-borken", GA_PASSWORD);
      String t = "/tenants/kreis-borken";
      JsonNode rules = ga.get(t + "/rules").json();
      assertEquals(rules.toString(), "de.lenkwerk.tenant.kreis-borken.policy",
          rules.get("policies").get(0).get("bundle").asText());
      assertTrue(rules.get("rulesVersion").asText(),
          rules.get("rulesVersion").asText().contains("+de.lenkwerk.tenant.kreis-borken.policy-"));

      // ... and deciding: the committee, a meeting held, everyone present, votes per seat
      List<Long> present = new ArrayList<>();
      for (JsonNode seat : rules.get("seats")) {
        long person = ga.post(t + "/persons", "{\"name\":\"Mitglied " + seat.get("id").asText()
            + "\"}").json().get("id").asLong();
        assertEquals(201, ga.post(t + "/appointments", "{\"seat\":\"" + seat.get("id").asText()
            + "\",\"person\":" + person + ",\"role\":\"MEMBER\",\"from\":\"2025-01-01\","
            + "\"appointedBy\":\"Kreistag\"}").status());
        present.add(person);
      }
      LocalDate day = LocalDate.now(ZoneId.of("Europe/Berlin")).minusDays(3);
      long meeting = ga.post(t + "/meetings", "{\"date\":\"" + day + "\",\"start\":\"14:00\","
          + "\"end\":\"16:00\",\"kind\":\"REGULAR\"}").json().get("id").asLong();
      String m = t + "/meetings/" + meeting;
      long item = ga.post(m + "/agenda-items", "{\"title\":\"Sprachkurse\",\"explanation\":\"Ausbau\","
          + "\"submittedBy\":" + present.get(0) + "}").json().get("id").asLong();
      assertEquals(200, ga.put(m + "/agenda", "{\"items\":[" + item + "]}").status());
      assertEquals(200, ga.put(m + "/attendance", "{\"present\":" + present + ",\"guests\":[]}")
          .status());
      Http.Reply decision = ga.post(m + "/agenda-items/" + item + "/decision", "{\"mode\":\"VOTE\","
          + "\"votes\":[{\"seat\":\"jobcenter\",\"vote\":\"YES\"},{\"seat\":\"ki\",\"vote\":\"YES\"},"
          + "{\"seat\":\"integrationsrat\",\"vote\":\"NO\"}]}");
      assertEquals(decision.toString(), 201, decision.status());
      assertEquals("REJECTED", decision.json().get("outcome").asText());
      // the archetype's policy is the example policy's code (ArchetypeCopyTest), so its reason too
      assertEquals("abgelehnt: nur 1 von 2 verwaltungsexternen Sitzen mit Ja, erforderlich ist "
          + "zusätzlich deren Mehrheit (GO §6 Abs. 3)", decision.json().get("reason").asText());
    }
  }
}
