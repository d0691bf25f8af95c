package de.lenkwerk.security.internal;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.lenkwerk.api.DomainException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;

class BundleInspectorTest {

  private static byte[] jar(Map<String, String> headers, Map<String, String> entries) throws IOException {
    Manifest manifest = new Manifest();
    Attributes main = manifest.getMainAttributes();
    main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
    main.putValue("Bundle-ManifestVersion", "2");
    main.putValue("Bundle-SymbolicName", "de.lenkwerk.tenant.t-eins");
    main.putValue("Lenkwerk-Tenant", "t-eins");
    headers.forEach(main::putValue);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JarOutputStream jar = new JarOutputStream(out, manifest)) {
      for (var e : entries.entrySet()) {
        jar.putNextEntry(new JarEntry(e.getKey()));
        jar.write(e.getValue().getBytes(StandardCharsets.UTF_8));
        jar.closeEntry();
      }
    }
    return out.toByteArray();
  }

  private static String refused(byte[] jar) {
    DomainException e = assertThrows(DomainException.class, () -> BundleInspector.inspect("t-eins", jar));
    assertTrue(e.detail().startsWith("Das Bündel wurde nicht installiert"), e.detail());
    return e.detail();
  }

  @Test
  void codeNativeCodeAndForeignTenantsAreRefused() throws IOException {
    assertTrue(refused(jar(Map.of(), Map.of("a/B.class", "x"))).contains("Programmcode"));
    assertTrue(refused(jar(Map.of("Bundle-NativeCode", "x.so"), Map.of())).contains("Bundle-NativeCode"));
    assertTrue(refused(jar(Map.of("Bundle-Activator", "a.B"), Map.of())).contains("Bundle-Activator"));
    assertTrue(refused(jar(Map.of("Lenkwerk-Tenant", "t-zwei"), Map.of())).contains("anderen Kommune"));
    assertTrue(refused(jar(Map.of(), Map.of())).contains("Geschäftsordnung fehlt"));
    assertTrue(refused("kein jar".getBytes(StandardCharsets.UTF_8)).contains("MANIFEST"));
  }
}
