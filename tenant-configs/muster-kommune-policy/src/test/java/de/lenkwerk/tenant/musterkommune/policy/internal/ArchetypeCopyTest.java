package de.lenkwerk.tenant.musterkommune.policy.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The policy archetype ships a copy of this example policy and its test's figures: its code must
 * stay this code (only the package and the tenant are the generated project's), so that what the
 * guide and the archetype show is what PolicyBundleIT deploys and decides with. Comments may
 * differ: the archetype's tell a new Kommune what to replace.
 */
class ArchetypeCopyTest {

  private static final Path EXAMPLE = Path.of("src/main/java/de/lenkwerk/tenant/musterkommune/policy/"
      + "internal/ExternalMajorityPolicy.java");
  private static final Path ARCHETYPE = Path.of("../../tenant-kit/policy-archetype/src/main/resources/"
      + "archetype-resources/src/main/java/ExternalMajorityPolicy.java");

  @Test
  void theArchetypesPolicyIsThisPolicysCode() throws IOException {
    assertTrue(Files.isRegularFile(ARCHETYPE), "the archetype's copy at " + ARCHETYPE.toAbsolutePath());
    String example = code(Files.readString(EXAMPLE, StandardCharsets.UTF_8));
    String copy = code(Files.readString(ARCHETYPE, StandardCharsets.UTF_8)
        .replace("package ${package};", "package de.lenkwerk.tenant.musterkommune.policy.internal;")
        .replace("\"=${tenant}\"", "\"=muster-kommune\""));
    assertEquals(example, copy);
    assertTrue(example.contains("RuleSource.tenant(\"§6 Abs. 3\")"), "compares real code: " + example);
  }

  /** The source without comments and blank lines. */
  private static String code(String source) {
    return source.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)^\\s*//.*$", "")
        .replaceAll("(?m)^\\s*$\\n", "").strip();
  }
}
