package de.lenkwerk.security.internal;

import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.tenant.TenantBundles;
import de.lenkwerk.rules.RulesDocument;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * Takes from an upload the only parts the platform keeps: the Geschäftsordnung and the declared
 * data files ({@link DataFile}). Everything else is a reason to refuse the upload with German
 * reasons; nothing of the upload is installed, the platform builds the tenant bundle itself
 * ({@link TenantBundleBuilder}).
 *
 * <p>A jar is read twice, front to back (as a stream reader does) and from its central directory
 * (as the OSGi framework does), and both readings must agree entry by entry and byte by byte; the
 * file must be exactly one zip archive (no bytes before it, none after it). So no trick that makes
 * two readers see different content (concatenated jars, duplicate entries, directory names with
 * content, hidden local entries) can pass, even though the platform would not install it anyway.
 */
final class UploadReader {

  /** The default of {@code TenantUploads.Config.bundleMaxBytes}. */
  static final int MAX_BYTES = 5 * 1024 * 1024;
  static final int MAX_DOCUMENT_BYTES = 1024 * 1024;
  static final int MAX_ENTRIES = 50;

  /** The parts of an upload the platform keeps, and the digest of what was uploaded. */
  record Upload(byte[] document, Map<String, byte[]> dataFiles) {}

  /** Headers a data-only bundle may carry: descriptive ones and the two Lenkwerk headers. */
  private static final Set<String> ALLOWED_HEADERS = Set.of("manifest-version", "bundle-manifestversion",
      "bundle-symbolicname", "bundle-version", "bundle-name", "bundle-description", "bundle-vendor",
      "bundle-license", "bundle-docurl", "bundle-copyright", "bundle-contactaddress", "bundle-category",
      "created-by", "build-jdk-spec", "build-jdk", "built-by", "tool", "bnd-lastmodified",
      lower(TenantBundles.TENANT_HEADER), lower(TenantBundles.RULES_HEADER));
  private static final Set<String> FOLDERS = Set.of("META-INF/", "OSGI-INF/", "OSGI-INF/lenkwerk/");
  private static final String MANIFEST = "META-INF/MANIFEST.MF";
  private static final List<String> CODE_SUFFIXES = List.of(".class", ".jar", ".so", ".dll", ".dylib",
      ".jnilib", ".exe", ".sh", ".bat", ".cmd", ".js", ".groovy", ".war", ".zip", ".xml", ".jsp");

  private UploadReader() {}

  /** The parts of an uploaded tenant bundle (a jar) for {@code tenant}, or a refusal. */
  static Upload fromJar(String tenant, byte[] jar) {
    return fromJar(tenant, jar, MAX_BYTES);
  }

  /** As {@link #fromJar(String, byte[])}, with at most {@code maxBytes} packed and unpacked. */
  static Upload fromJar(String tenant, byte[] jar, int maxBytes) {
    if (jar.length == 0) {
      throw refuse(List.of("Die Datei ist leer. Bitte laden Sie das Bündel (eine .jar-Datei) hoch."));
    }
    if (jar.length > maxBytes) {
      throw tooLarge(maxBytes);
    }
    Map<String, byte[]> entries = entries(jar, maxBytes);
    Set<String> problems = new LinkedHashSet<>();
    byte[] manifestBytes = entries.get(MANIFEST);
    Map<String, String> headers = manifestBytes == null ? null : headers(manifestBytes, problems);
    if (manifestBytes == null) {
      problems.add("Dem Bündel fehlt META-INF/MANIFEST.MF: ist die Datei ein OSGi-Bündel?");
    }
    String documentPath = TenantBundles.DEFAULT_RULES_PATH;
    if (headers != null) {
      checkHeaders(tenant, headers, problems);
      String declared = headers.get(lower(TenantBundles.RULES_HEADER));
      if (declared != null) {
        if (!declared.startsWith("OSGI-INF/lenkwerk/") || !declared.endsWith(".yaml") || declared.contains("..")) {
          problems.add("Lenkwerk-Rules muss auf eine .yaml-Datei unter OSGI-INF/lenkwerk/ zeigen.");
        } else {
          documentPath = declared;
        }
      }
    }
    byte[] document = null;
    Map<String, byte[]> data = new LinkedHashMap<>();
    for (var entry : entries.entrySet()) {
      String name = entry.getKey();
      byte[] content = entry.getValue();
      if (name.equals(MANIFEST)) {
        continue;
      }
      if (name.equals(documentPath)) {
        document = content;
        continue;
      }
      if (FOLDERS.contains(name)) {
        if (content.length > 0) {
          problems.add("Der Eintrag " + shorten(name) + " ist wie ein Ordner benannt, hat aber Inhalt.");
        }
        continue;
      }
      DataFile declared = DataFile.at(name);
      if (declared != null) {
        data.put(name, content);
        continue;
      }
      problems.add(unexpectedEntry(name, content));
    }
    if (document == null) {
      problems.add("Die Geschäftsordnung fehlt: erwartet wird " + shorten(documentPath) + " im Bündel.");
    }
    if (headers != null && document != null && problems.isEmpty()) {
      checkDocument(tenant, document, documentPath, problems);
    }
    for (var file : data.entrySet()) {
      DataFile.at(file.getKey()).check(file.getValue(), problems);
    }
    if (!problems.isEmpty()) {
      throw refuse(problems);
    }
    return new Upload(document, Map.copyOf(data));
  }

  /** The parts of an uploaded Geschäftsordnung (the YAML document itself), or a refusal. */
  static Upload fromDocument(String tenant, byte[] yaml) {
    if (yaml.length == 0) {
      throw refuse(List.of("Der Inhalt ist leer. Bitte senden Sie die Geschäftsordnung als YAML."));
    }
    if (yaml.length > MAX_DOCUMENT_BYTES) {
      throw new DomainException(DomainException.Kind.TOO_LARGE, "Die Geschäftsordnung ist größer als 1 MB; "
          + "eine Geschäftsordnung ist wenige KB groß.");
    }
    Set<String> problems = new LinkedHashSet<>();
    checkDocument(tenant, yaml, "geschaeftsordnung.yaml", problems);
    if (!problems.isEmpty()) {
      throw refuse(problems);
    }
    return new Upload(yaml, Map.of());
  }

  private static void checkDocument(String tenant, byte[] document, String origin, Set<String> problems) {
    if (document.length > MAX_DOCUMENT_BYTES) {
      problems.add("Die Geschäftsordnung ist größer als 1 MB.");
      return;
    }
    RulesDocument.Result result = RulesDocument.read(document, origin);
    if (!result.valid()) {
      for (String p : result.problems()) {
        problems.add("Geschäftsordnung: " + p);
      }
    } else if (!tenant.equals(result.tenant())) {
      problems.add("Die Geschäftsordnung nennt eine andere Kommune als \"" + tenant + "\" (Feld tenant).");
    }
  }

  private static String unexpectedEntry(String name, byte[] content) {
    String lower = lower(name);
    for (String suffix : CODE_SUFFIXES) {
      if (lower.endsWith(suffix)) {
        return "Das Bündel enthält Programmcode oder ausführbare Dateien (" + shorten(name) + "). "
            + "Hochladen dürfen Sie nur die Geschäftsordnung und ihre Datendateien; Bündel mit "
            + "Programmcode installiert der Plattformbetrieb.";
      }
    }
    if (name.endsWith("/")) {
      return "Der Ordner " + shorten(name) + " gehört nicht in ein Daten-Bündel.";
    }
    return "Der Eintrag " + shorten(name) + " ist in einem Daten-Bündel nicht erlaubt (erlaubt sind nur "
        + TenantBundles.DEFAULT_RULES_PATH + " und " + DataFile.paths() + ").";
  }

  private static void checkHeaders(String tenant, Map<String, String> headers, Set<String> problems) {
    for (String header : headers.keySet()) {
      if (header.startsWith("\0")) {
        continue;
      }
      if (!ALLOWED_HEADERS.contains(header)) {
        String written = headers.getOrDefault("\0" + header, header);
        problems.add("Der Manifest-Eintrag \"" + shorten(written) + "\" ist in einem Daten-Bündel nicht "
            + "erlaubt" + (codeHeader(header) ? " (er würde Programmcode ausführen oder einbinden)" : "")
            + ". Bündel mit Programmcode installiert der Plattformbetrieb.");
      }
    }
    String declared = headers.get(lower(TenantBundles.TENANT_HEADER));
    if (declared == null) {
      problems.add("Dem Bündel fehlt der Manifest-Eintrag Lenkwerk-Tenant: " + tenant + ".");
    } else if (!declared.equals(tenant)) {
      problems.add("Das Bündel gehört zu einer anderen Kommune (Lenkwerk-Tenant ist nicht \"" + tenant
          + "\"). Sie können nur das Bündel Ihrer eigenen Kommune hochladen.");
    }
    String symbolicName = headers.get("bundle-symbolicname");
    if (symbolicName != null && symbolicName.contains(";")) {
      symbolicName = symbolicName.substring(0, symbolicName.indexOf(';')).strip();
    }
    String expectedName = "de.lenkwerk.tenant." + tenant;
    if (!expectedName.equals(symbolicName)) {
      problems.add("Der Bundle-SymbolicName muss \"" + expectedName + "\" lauten.");
    }
    if (!"2".equals(headers.get("bundle-manifestversion"))) {
      problems.add("Bundle-ManifestVersion muss 2 sein.");
    }
    String version = headers.get("bundle-version");
    if (version != null) {
      try {
        org.osgi.framework.Version.parseVersion(version);
      } catch (IllegalArgumentException e) {
        problems.add("Die Bundle-Version \"" + shorten(version) + "\" ist ungültig (z. B. 1.2.0).");
      }
    }
  }

  /**
   * The main headers of a manifest, names in lower case, values stripped (and under NUL + name in
   * lower case, the name as written). Read by hand rather than
   * with {@link java.util.jar.Manifest}, which keeps one of two headers that differ only in case
   * and so would hide the other: here such a pair, a second section or a malformed line refuses.
   */
  static Map<String, String> headers(byte[] manifest, Set<String> problems) {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(manifest)).toString();
    } catch (CharacterCodingException e) {
      problems.add("Das Manifest ist nicht in UTF-8 geschrieben.");
      return null;
    }
    if (text.indexOf('\0') >= 0) {
      problems.add("Das Manifest enthält ein NUL-Zeichen.");
      return null;
    }
    String[] lines = text.split("\r\n|\r|\n", -1);
    List<String> logical = new ArrayList<>();
    int i = 0;
    for (; i < lines.length; i++) {
      String line = lines[i];
      if (line.isEmpty()) {
        break;
      }
      if (line.startsWith(" ")) {
        if (logical.isEmpty()) {
          problems.add("Das Manifest beginnt mit einer Fortsetzungszeile.");
          return null;
        }
        logical.set(logical.size() - 1, logical.get(logical.size() - 1) + line.substring(1));
      } else {
        logical.add(line);
      }
    }
    for (; i < lines.length; i++) {
      if (!lines[i].isBlank()) {
        problems.add("Das Manifest enthält nach den Haupteinträgen einen weiteren Abschnitt; in einem "
            + "Daten-Bündel ist das nicht vorgesehen.");
        break;
      }
    }
    Map<String, String> headers = new LinkedHashMap<>();
    for (String line : logical) {
      int colon = line.indexOf(": ");
      String name = colon <= 0 ? null : line.substring(0, colon);
      if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9_-]*")) {
        problems.add("Das Manifest enthält eine ungültige Zeile (\"" + shorten(line) + "\").");
        continue;
      }
      String key = lower(name);
      if (headers.containsKey(key)) {
        problems.add("Der Manifest-Eintrag \"" + shorten(name) + "\" kommt mehrfach vor.");
        continue;
      }
      headers.put(key, line.substring(colon + 2).strip());
      headers.put("\0" + key, name); // the name as written, for the reasons
    }
    return headers;
  }

  /**
   * The entries of a jar as both readers see them; refuses unless they agree exactly and the file
   * is one archive from its first byte to its last.
   */
  private static Map<String, byte[]> entries(byte[] jar, int maxBytes) {
    List<String> structure = structure(jar);
    if (!structure.isEmpty()) {
      throw refuse(structure);
    }
    Map<String, byte[]> streamed = new LinkedHashMap<>();
    Set<String> problems = new LinkedHashSet<>();
    long total = 0;
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(jar))) {
      ZipEntry entry;
      while ((entry = zip.getNextEntry()) != null) {
        String name = entry.getName();
        if (streamed.size() >= MAX_ENTRIES) {
          throw refuse(List.of("Das Bündel hat mehr als " + MAX_ENTRIES + " Einträge."));
        }
        byte[] content = readLimited(zip, maxBytes - total, maxBytes);
        total += content.length;
        checkName(name, problems);
        if (streamed.put(name, content) != null) {
          problems.add("Der Eintrag " + shorten(name) + " kommt im Bündel mehrfach vor.");
        }
      }
    } catch (IOException | IllegalArgumentException e) {
      throw refuse(List.of(notAJar(e)));
    }
    if (!problems.isEmpty()) {
      throw refuse(problems);
    }
    Map<String, byte[]> central = centralDirectory(jar, maxBytes);
    if (!sameEntries(streamed, central)) {
      throw refuse(List.of("Die Datei ist widersprüchlich aufgebaut: ihr Inhaltsverzeichnis und ihre "
          + "Einträge stimmen nicht überein. Bitte erzeugen Sie das Bündel neu (z. B. mit Maven)."));
    }
    return streamed;
  }

  private static void checkName(String name, Set<String> problems) {
    if (name.isEmpty() || name.startsWith("/") || name.contains("..") || name.contains("\\")
        || name.contains("//") || name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      problems.add("Ungültiger Pfad im Bündel: " + shorten(name.replaceAll("\\p{Cntrl}", "?")) + ".");
    }
  }

  private static boolean sameEntries(Map<String, byte[]> a, Map<String, byte[]> b) {
    if (!new ArrayList<>(a.keySet()).equals(new ArrayList<>(b.keySet()))) {
      return false;
    }
    for (var entry : a.entrySet()) {
      if (!Arrays.equals(entry.getValue(), b.get(entry.getKey()))) {
        return false;
      }
    }
    return true;
  }

  /** The entries as a central-directory reader (the framework's kind) sees them. */
  private static Map<String, byte[]> centralDirectory(byte[] jar, int maxBytes) {
    Path file = null;
    try {
      file = Files.createTempFile("lenkwerk-upload-", ".jar");
      Files.write(file, jar);
      Map<String, byte[]> entries = new LinkedHashMap<>();
      try (ZipFile zip = new ZipFile(file.toFile())) {
        Enumeration<? extends ZipEntry> all = zip.entries();
        long total = 0;
        while (all.hasMoreElements()) {
          ZipEntry entry = all.nextElement();
          if (entries.size() >= MAX_ENTRIES) {
            throw refuse(List.of("Das Bündel hat mehr als " + MAX_ENTRIES + " Einträge."));
          }
          try (InputStream in = zip.getInputStream(entry)) {
            byte[] content = readLimited(in, maxBytes - total, maxBytes);
            total += content.length;
            if (entries.put(entry.getName(), content) != null) {
              entries.put("\0duplicate", new byte[0]); // never equal to the stream's reading
            }
          }
        }
      }
      return entries;
    } catch (IOException | IllegalArgumentException e) {
      throw refuse(List.of(notAJar(e)));
    } finally {
      if (file != null) {
        try {
          Files.deleteIfExists(file);
        } catch (IOException ignored) {
          // a temporary file; the platform's temp folder is cleaned at restart
        }
      }
    }
  }

  /**
   * Problems with the archive's frame: it must start with a local entry, and its end-of-central-
   * directory record must end the file and point at a central directory directly before it.
   * Anything before, between or after (a second jar appended, a prefix) is refused.
   */
  static List<String> structure(byte[] jar) {
    String broken = "Die Datei ist keine gültige .jar-Datei (oder besteht aus mehreren). Bitte laden Sie "
        + "genau ein Bündel hoch.";
    ByteBuffer b = ByteBuffer.wrap(jar).order(ByteOrder.LITTLE_ENDIAN);
    if (jar.length < 22 || b.getInt(0) != 0x04034b50) {
      return List.of(broken);
    }
    int eocd = -1;
    for (int p = jar.length - 22; p >= Math.max(0, jar.length - 22 - 0xFFFF); p--) {
      if (b.getInt(p) == 0x06054b50 && p + 22 + (b.getShort(p + 20) & 0xFFFF) == jar.length) {
        eocd = p;
        break;
      }
    }
    if (eocd < 0) {
      return List.of(broken);
    }
    int disk = b.getShort(eocd + 4) & 0xFFFF;
    int cdDisk = b.getShort(eocd + 6) & 0xFFFF;
    int onDisk = b.getShort(eocd + 8) & 0xFFFF;
    int total = b.getShort(eocd + 10) & 0xFFFF;
    long cdSize = b.getInt(eocd + 12) & 0xFFFFFFFFL;
    long cdOffset = b.getInt(eocd + 16) & 0xFFFFFFFFL;
    if (disk != 0 || cdDisk != 0 || onDisk != total || total == 0xFFFF || cdOffset + cdSize != eocd) {
      return List.of(broken);
    }
    // exactly one end record: a second one inside the file is an archive within the archive
    for (int p = 0; p + 4 <= eocd; p++) {
      if (b.getInt(p) == 0x06054b50) {
        return List.of(broken);
      }
    }
    return List.of();
  }

  private static String notAJar(Exception e) {
    return "Die Datei ist keine gültige .jar-Datei (" + e.getClass().getSimpleName() + ").";
  }

  private static byte[] readLimited(InputStream in, long limit, int maxBytes) throws IOException {
    byte[] content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
    if (content.length > limit) {
      throw tooLarge(maxBytes);
    }
    return content;
  }

  private static DomainException tooLarge(int maxBytes) {
    return new DomainException(DomainException.Kind.TOO_LARGE, "Das Bündel ist (entpackt) größer als "
        + megabytes(maxBytes) + "; ein Bündel mit einer Geschäftsordnung ist wenige KB groß.");
  }

  private static String megabytes(int bytes) {
    return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB" : (bytes + 1023) / 1024 + " KB";
  }

  private static boolean codeHeader(String header) {
    return header.contains("activator") || header.contains("component") || header.contains("nativecode")
        || header.contains("classpath") || header.contains("package") || header.contains("fragment")
        || header.contains("blueprint") || header.contains("require") || header.contains("capability")
        || header.contains("extension") || header.contains("premain") || header.contains("agent");
  }

  /** A refusal: 422, each reason once, and the assurance that nothing changed. */
  static DomainException refuse(java.util.Collection<String> problems) {
    return new DomainException(DomainException.Kind.CONTENT_REFUSED, "Die Geschäftsordnung wurde nicht "
        + "installiert, es hat sich nichts geändert. " + String.join(" ", new LinkedHashSet<>(problems)),
        "Lenkwerk-Datenbündel");
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  private static String shorten(String value) {
    return value.length() > 80 ? value.substring(0, 80) + "…" : value;
  }
}
