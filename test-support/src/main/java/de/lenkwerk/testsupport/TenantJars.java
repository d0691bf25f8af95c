package de.lenkwerk.itests;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Builds data-only tenant bundles in memory, as a Kommune would ship them. */
final class TenantBundleFactory {

  private TenantBundleFactory() {}

  static InputStream bundle(String symbolicName, String version, String tenantHeader, String yaml) {
    Manifest manifest = new Manifest();
    Attributes main = manifest.getMainAttributes();
    main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
    main.putValue("Bundle-ManifestVersion", "2");
    main.putValue("Bundle-SymbolicName", symbolicName);
    main.putValue("Bundle-Version", version);
    main.putValue("Bundle-Name", "Testbündel " + symbolicName);
    if (tenantHeader != null) {
      main.putValue("Lenkwerk-Tenant", tenantHeader);
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
      if (yaml != null) {
        jar.putNextEntry(new JarEntry("OSGI-INF/lenkwerk/geschaeftsordnung.yaml"));
        jar.write(yaml.getBytes(StandardCharsets.UTF_8));
        jar.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new ByteArrayInputStream(bytes.toByteArray());
  }

  /** A jar with exactly these main manifest headers and entries (for the upload tests). */
  static byte[] jar(java.util.Map<String, String> headers, java.util.Map<String, byte[]> entries) {
    Manifest manifest = new Manifest();
    Attributes main = manifest.getMainAttributes();
    main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
    headers.forEach(main::putValue);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
      for (var entry : entries.entrySet()) {
        jar.putNextEntry(new JarEntry(entry.getKey()));
        jar.write(entry.getValue());
        jar.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** A small but complete Geschäftsordnung; {@code quorumKind} varies it between versions. */
  static String document(String tenant, String name, String quorum) {
    return String.join("\n",
        "format: 1",
        "tenant: " + tenant,
        "name: " + name,
        "title: Geschäftsordnung der Lenkungsgruppe " + name,
        "source: GO",
        "composition:",
        "  source: \"§2\"",
        "  groups:",
        "    - {id: intern, name: Verwaltung, kind: INTERNAL}",
        "    - {id: extern, name: Externe Partner, kind: EXTERNAL}",
        "    - {id: wohlfahrt, name: Freie Wohlfahrtspflege, kind: WELFARE}",
        "  seats:",
        "    - {id: ki, institution: Kommunales Integrationszentrum, group: intern, voting: true, standing: true, members: 1, deputies: 1}",
        "    - {id: jobcenter, institution: Jobcenter, group: extern, voting: true, standing: true, members: 1, deputies: 1}",
        "    - {id: caritas, institution: Caritasverband, group: wohlfahrt, voting: true, standing: true, members: 1, deputies: 1}",
        "chair: {kind: OFFICE, office: Leitung KI, seat: ki, source: \"§3\"}",
        "voting:",
        "  source: \"§4\"",
        "  quorum: " + quorum,
        "");
  }
}
