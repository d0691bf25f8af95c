package de.lenkwerk.testsupport;

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
public final class TenantJars {

  private TenantJars() {}

  /** The bundle as a stream, for {@code BundleContext.installBundle} and {@code Bundle.update}. */
  public static InputStream bundle(String symbolicName, String version, String tenantHeader, String yaml) {
    return new ByteArrayInputStream(bytes(symbolicName, version, tenantHeader, yaml));
  }

  /** A data-only tenant bundle of {@code tenant} as the benchmarks and deploy/ tests drop it. */
  public static byte[] tenantBundle(String tenant, String version, String name, String quorum) {
    return bytes("de.lenkwerk.tenant." + tenant, version, tenant, document(tenant, name, quorum));
  }

  /**
   * A bundle with the Geschäftsordnung {@code yaml} (none when null) and, unless null, the
   * {@code Lenkwerk-Tenant} header.
   */
  public static byte[] bytes(String symbolicName, String version, String tenantHeader, String yaml) {
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
    return bytes.toByteArray();
  }

  /** A jar with exactly these main manifest headers and entries (for the upload tests). */
  public static byte[] jar(java.util.Map<String, String> headers, java.util.Map<String, byte[]> entries) {
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

  /** A small but complete Geschäftsordnung; {@code quorum} varies it between versions. */
  public static String document(String tenant, String name, String quorum) {
    return document(tenant, name, quorum, 1);
  }

  /**
   * The same with {@code deputies} per seat and more lines of the voting section (each a
   * {@code key: value} line, e.g. {@code "circular: {allowed: true}"}).
   */
  public static String document(String tenant, String name, String quorum, int deputies,
      String... voting) {
    StringBuilder more = new StringBuilder();
    for (String line : voting) {
      more.append("  ").append(line).append('\n');
    }
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
        "    - {id: ki, institution: Kommunales Integrationszentrum, group: intern, voting: true, standing: true, members: 1, deputies: " + deputies + "}",
        "    - {id: jobcenter, institution: Jobcenter, group: extern, voting: true, standing: true, members: 1, deputies: " + deputies + "}",
        "    - {id: caritas, institution: Caritasverband, group: wohlfahrt, voting: true, standing: true, members: 1, deputies: " + deputies + "}",
        "chair: {kind: OFFICE, office: Leitung KI, seat: ki, source: \"§3\"}",
        "voting:",
        "  source: \"§4\"",
        "  quorum: " + quorum,
        "") + more;
  }
}
