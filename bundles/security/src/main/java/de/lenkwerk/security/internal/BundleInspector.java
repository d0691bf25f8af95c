package de.lenkwerk.security.internal;

import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.tenant.TenantBundles;
import de.lenkwerk.rules.RulesDocument;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Checks an uploaded tenant bundle in memory before anything is installed: a data-only bundle
 * for exactly the caller's tenant, with a valid Geschäftsordnung. Everything else is refused with
 * German reasons. Only an allow-list of manifest headers passes, so no header that makes the
 * framework run, wire or attach code (Bundle-Activator, Service-Component, Bundle-NativeCode,
 * Fragment-Host, Export-Package, Bundle-ClassPath, ...) ever reaches the framework.
 */
final class BundleInspector {

  static final int MAX_BYTES = 5 * 1024 * 1024;
  static final int MAX_ENTRIES = 200;

  private static final Set<String> ALLOWED_HEADERS = Set.of("manifest-version", "bundle-manifestversion",
      "bundle-symbolicname", "bundle-version", "bundle-name", "bundle-description", "bundle-vendor",
      "bundle-license", "bundle-docurl", "bundle-copyright", "bundle-contactaddress", "bundle-category",
      "created-by", "build-jdk-spec", "build-jdk", "built-by", "tool", "bnd-lastmodified",
      TenantBundles.TENANT_HEADER.toLowerCase(Locale.ROOT), TenantBundles.RULES_HEADER.toLowerCase(Locale.ROOT));
  private static final List<String> CODE_SUFFIXES = List.of(".class", ".jar", ".so", ".dll", ".dylib",
      ".jnilib", ".exe", ".sh", ".bat", ".js", ".groovy", ".war", ".zip");

  /** What passed the checks. */
  record Checked(String symbolicName, String version, byte[] bytes) {}

  private BundleInspector() {}

  static Checked inspect(String tenant, byte[] jar) {
    if (jar.length == 0) {
      throw refuse(List.of("Die Datei ist leer. Bitte laden Sie das Bündel (eine .jar-Datei) hoch."));
    }
    if (jar.length > MAX_BYTES) {
      throw new DomainException(DomainException.Kind.TOO_LARGE, "Das Bündel ist größer als 5 MB; "
          + "ein Bündel mit einer Geschäftsordnung ist wenige KB groß.");
    }
    List<String> problems = new ArrayList<>();
    Manifest manifest = null;
    Map<String, byte[]> texts = new HashMap<>();
    int entries = 0;
    long total = 0;
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(jar))) {
      ZipEntry entry;
      while ((entry = zip.getNextEntry()) != null) {
        if (++entries > MAX_ENTRIES) {
          throw refuse(List.of("Das Bündel hat mehr als " + MAX_ENTRIES + " Einträge."));
        }
        String name = entry.getName();
        String lower = name.toLowerCase(Locale.ROOT);
        if (name.startsWith("/") || name.contains("..") || name.contains("\\")) {
          problems.add("Ungültiger Pfad im Bündel: " + shorten(name) + ".");
          continue;
        }
        if (entry.isDirectory()) {
          continue;
        }
        for (String suffix : CODE_SUFFIXES) {
          if (lower.endsWith(suffix)) {
            problems.add("Das Bündel enthält Programmcode oder ausführbare Dateien (" + shorten(name)
                + "). Hochladen dürfen Sie nur Bündel, die ausschließlich Daten enthalten; Bündel mit "
                + "Programmcode installiert der Plattformbetrieb.");
            break;
          }
        }
        if (lower.startsWith("osgi-inf/") && !lower.startsWith("osgi-inf/lenkwerk/")) {
          problems.add("Der Eintrag " + shorten(name) + " ist in einem Daten-Bündel nicht erlaubt "
              + "(nur OSGI-INF/lenkwerk/...).");
        }
        byte[] content = readLimited(zip, MAX_BYTES - total);
        total += content.length;
        if (total > MAX_BYTES) {
          throw new DomainException(DomainException.Kind.TOO_LARGE, "Das Bündel ist entpackt größer als 5 MB.");
        }
        if (name.equals("META-INF/MANIFEST.MF")) {
          manifest = new Manifest(new ByteArrayInputStream(content));
        } else {
          texts.put(name, content);
        }
      }
    } catch (IOException e) {
      throw refuse(List.of("Die Datei ist keine gültige .jar-Datei: " + e.getClass().getSimpleName() + "."));
    }
    if (manifest == null) {
      throw refuse(List.of("Dem Bündel fehlt META-INF/MANIFEST.MF: ist die Datei ein OSGi-Bündel?"));
    }
    var main = manifest.getMainAttributes();
    for (Object key : main.keySet()) {
      String header = key.toString();
      if (!ALLOWED_HEADERS.contains(header.toLowerCase(Locale.ROOT))) {
        problems.add("Der Manifest-Eintrag \"" + shorten(header) + "\" ist in einem Daten-Bündel nicht "
            + "erlaubt" + (codeHeader(header) ? " (er würde Programmcode ausführen oder einbinden)" : "")
            + ". Bündel mit Programmcode installiert der Plattformbetrieb.");
      }
    }
    for (var section : manifest.getEntries().keySet()) {
      problems.add("Das Manifest enthält einen Abschnitt für \"" + shorten(section) + "\"; in einem "
          + "Daten-Bündel ist das nicht vorgesehen.");
    }
    String declared = value(main.getValue(TenantBundles.TENANT_HEADER));
    if (declared == null) {
      problems.add("Dem Bündel fehlt der Manifest-Eintrag Lenkwerk-Tenant: " + tenant + ".");
    } else if (!declared.equals(tenant)) {
      problems.add("Das Bündel gehört zu einer anderen Kommune (Lenkwerk-Tenant ist nicht \"" + tenant
          + "\"). Sie können nur das Bündel Ihrer eigenen Kommune hochladen.");
    }
    String symbolicName = value(main.getValue("Bundle-SymbolicName"));
    if (symbolicName != null && symbolicName.contains(";")) {
      symbolicName = symbolicName.substring(0, symbolicName.indexOf(';')).strip();
    }
    String expectedName = "de.lenkwerk.tenant." + tenant;
    if (!expectedName.equals(symbolicName)) {
      problems.add("Der Bundle-SymbolicName muss \"" + expectedName + "\" lauten.");
    }
    if (!"2".equals(value(main.getValue("Bundle-ManifestVersion")))) {
      problems.add("Bundle-ManifestVersion muss 2 sein.");
    }
    String version = value(main.getValue("Bundle-Version"));
    if (version == null) {
      version = "0.0.0";
    } else {
      try {
        org.osgi.framework.Version.parseVersion(version);
      } catch (IllegalArgumentException e) {
        problems.add("Die Bundle-Version \"" + shorten(version) + "\" ist ungültig (z. B. 1.2.0).");
      }
    }
    String path = value(main.getValue(TenantBundles.RULES_HEADER));
    path = path == null ? TenantBundles.DEFAULT_RULES_PATH : path;
    byte[] document = texts.get(path);
    if (document == null) {
      problems.add("Die Geschäftsordnung fehlt: erwartet wird " + shorten(path) + " im Bündel.");
    } else if (declared != null && declared.equals(tenant)) {
      RulesDocument.Result result = RulesDocument.read(document, path);
      if (!result.valid()) {
        for (String p : result.problems()) {
          problems.add("Geschäftsordnung: " + p);
        }
      } else if (!tenant.equals(result.tenant())) {
        problems.add("Die Geschäftsordnung nennt eine andere Kommune als \"" + tenant + "\".");
      }
    }
    if (!problems.isEmpty()) {
      throw refuse(problems);
    }
    return new Checked(symbolicName, version, jar);
  }

  private static boolean codeHeader(String header) {
    String h = header.toLowerCase(Locale.ROOT);
    return h.contains("activator") || h.contains("component") || h.contains("nativecode")
        || h.contains("classpath") || h.contains("package") || h.contains("fragment")
        || h.contains("blueprint") || h.contains("require-bundle") || h.contains("capability");
  }

  private static byte[] readLimited(ZipInputStream zip, long limit) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    int n;
    while ((n = zip.read(buffer)) > 0) {
      out.write(buffer, 0, n);
      if (out.size() > limit) {
        throw new DomainException(DomainException.Kind.TOO_LARGE, "Das Bündel ist entpackt größer als 5 MB.");
      }
    }
    return out.toByteArray();
  }

  private static String value(String v) {
    return v == null ? null : v.strip();
  }

  static DomainException refuse(List<String> problems) {
    return new DomainException(DomainException.Kind.RULE_VIOLATION, "Das Bündel wurde nicht "
        + "installiert, es hat sich nichts geändert. " + String.join(" ", problems), "Lenkwerk-Datenbündel");
  }

  private static String shorten(String value) {
    return value.length() > 80 ? value.substring(0, 80) + "…" : value;
  }
}
