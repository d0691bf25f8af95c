package de.lenkwerk.security.internal;

import de.lenkwerk.api.rules.Resolution;
import de.lenkwerk.api.tenant.TenantBundles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Builds the tenant bundle the platform installs: a manifest it writes itself (symbolic name,
 * version and {@code Lenkwerk-Tenant} from the tenant id of the path, never from an upload), the
 * Geschäftsordnung, the declared data files, nothing else. The same input gives the same bytes on
 * every node (fixed entry times, sorted entries), so the bundle's SHA-256 identifies it.
 */
final class TenantBundleBuilder {

  /** Where the platform installs a tenant's bundle; only bundles at such a location are its own. */
  static final String LOCATION_PREFIX = "lenkwerk:tenant/";
  /** The time of every entry (as DOS time, no time zone), so that builds are identical. */
  private static final java.time.LocalDateTime ENTRY_TIME = java.time.LocalDateTime.of(2020, 1, 1, 0, 0);

  /** A built bundle. */
  record Built(String symbolicName, String version, byte[] bytes, String sha256) {}

  private TenantBundleBuilder() {}

  static String symbolicName(String tenant) {
    return "de.lenkwerk.tenant." + tenant;
  }

  static String location(String tenant) {
    return LOCATION_PREFIX + tenant;
  }

  /** The bundle version of document version {@code n}: 1.0.n (1.0.0: created, no document yet). */
  static String version(long documentVersion) {
    return "1.0." + documentVersion;
  }

  /**
   * The bundle of {@code tenant} for document version {@code version}; with no document (null), the
   * bundle of a created tenant that waits for its first Geschäftsordnung.
   */
  static Built build(String tenant, String name, long version, byte[] document, Map<String, byte[]> dataFiles) {
    return build(tenant, name, version, document, dataFiles, null);
  }

  /**
   * As {@link #build(String, String, long, byte[], Map)}, for a document citing {@code resolution}
   * as the platform checked it (null: none), written into the manifest for the tenant directory.
   */
  static Built build(String tenant, String name, long version, byte[] document,
      Map<String, byte[]> dataFiles, Resolution resolution) {
    Manifest manifest = new Manifest();
    Attributes main = manifest.getMainAttributes();
    main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
    main.putValue("Bundle-ManifestVersion", "2");
    main.putValue("Bundle-SymbolicName", symbolicName(tenant));
    main.putValue("Bundle-Version", version(version));
    main.putValue("Bundle-Name", "Geschäftsordnung " + oneLine(name));
    main.putValue("Created-By", "Lenkwerk (von der Plattform erzeugt)");
    main.putValue(TenantBundles.TENANT_HEADER, tenant);
    main.putValue(TenantBundles.TENANT_NAME_HEADER, oneLine(name));
    if (resolution != null) {
      main.putValue(TenantBundles.RESOLUTION_HEADER, TenantBundles.resolutionHeader(resolution));
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JarOutputStream jar = new JarOutputStream(bytes)) {
      JarEntry manifestEntry = entry("META-INF/MANIFEST.MF");
      jar.putNextEntry(manifestEntry);
      manifest.write(jar);
      jar.closeEntry();
      Map<String, byte[]> files = new TreeMap<>();
      if (document != null) {
        files.put(TenantBundles.DEFAULT_RULES_PATH, document);
      }
      for (var file : dataFiles.entrySet()) {
        if (DataFile.at(file.getKey()) == null) {
          throw new IllegalArgumentException("not a declared data file: " + file.getKey());
        }
        files.put(file.getKey(), file.getValue());
      }
      for (var file : files.entrySet()) {
        jar.putNextEntry(entry(file.getKey()));
        jar.write(file.getValue());
        jar.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byte[] built = bytes.toByteArray();
    return new Built(symbolicName(tenant), version(version), built, sha256(built));
  }

  private static JarEntry entry(String name) {
    JarEntry entry = new JarEntry(name);
    entry.setTimeLocal(ENTRY_TIME);
    return entry;
  }

  private static String oneLine(String s) {
    return s.replaceAll("[\\r\\n\\p{Cntrl}]", " ").strip();
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String sha256(String text) {
    return sha256(text.getBytes(StandardCharsets.UTF_8));
  }
}
