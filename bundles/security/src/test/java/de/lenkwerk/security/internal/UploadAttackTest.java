package de.lenkwerk.security.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.tenant.TenantBundles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Attacks on the Geschäftsordnung upload with crafted jars: whatever the jar, the reader keeps
 * only the document and declared data files or refuses with 422 and German reasons, and what the
 * platform installs is the bundle it builds from them, for the tenant of the path only.
 */
class UploadAttackTest {

  private static final String T = "t-eins";
  private static final String DOC = TenantBundles.DEFAULT_RULES_PATH;
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};

  static String document(String tenant) {
    return String.join("\n",
        "format: 1",
        "tenant: " + tenant,
        "name: Testkommune",
        "title: Geschäftsordnung der Lenkungsgruppe Testkommune",
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
        "  quorum: {kind: MAJORITY}",
        "");
  }

  private static String manifest(String... extra) {
    StringBuilder m = new StringBuilder("Manifest-Version: 1.0\r\nBundle-ManifestVersion: 2\r\n"
        + "Bundle-SymbolicName: de.lenkwerk.tenant." + T + "\r\nBundle-Version: 1.0.0\r\nLenkwerk-Tenant: " + T + "\r\n");
    for (String line : extra) {
      m.append(line).append("\r\n");
    }
    return m.append("\r\n").toString();
  }

  /** A jar whose entries are exactly these, in this order, stored uncompressed. */
  private static byte[] jar(Map<String, byte[]> entries) {
    return RawZip.write(new ArrayList<>(entries.entrySet().stream()
        .map(e -> new RawZip.Entry(e.getKey(), e.getKey(), e.getValue())).toList()), true);
  }

  private static Map<String, byte[]> good(String... extraHeaders) {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("META-INF/MANIFEST.MF", manifest(extraHeaders).getBytes(StandardCharsets.UTF_8));
    entries.put(DOC, document(T).getBytes(StandardCharsets.UTF_8));
    return entries;
  }

  private static String refused(byte[] jar) {
    DomainException e = assertThrows(DomainException.class, () -> UploadReader.fromJar(T, jar));
    assertEquals(DomainException.Kind.CONTENT_REFUSED, e.kind(), e.detail());
    assertEquals(422, e.kind().status());
    assertNotEquals("Verstoß gegen die Geschäftsordnung", e.kind().title());
    assertTrue(e.detail().startsWith("Die Geschäftsordnung wurde nicht installiert, es hat sich nichts geändert."),
        e.detail());
    Set<String> sentences = new HashSet<>();
    for (String sentence : e.detail().split("(?<=[.!?]) ")) {
      assertTrue(sentences.add(sentence), "said twice: " + sentence + " in " + e.detail());
    }
    return e.detail();
  }

  @Test
  void aDataOnlyJarGivesItsDocumentAndThePlatformBuildsItsOwnBundle() throws IOException {
    byte[] uploaded = jar(good("Bundle-Name: Unser Bündel"));
    UploadReader.Upload upload = UploadReader.fromJar(T, uploaded);
    assertEquals(document(T), new String(upload.document(), StandardCharsets.UTF_8));
    assertTrue(upload.dataFiles().isEmpty());

    TenantBundleBuilder.Built built = TenantBundleBuilder.build(T, "Testkommune", 3, upload.document(), Map.of());
    assertFalse(java.util.Arrays.equals(uploaded, built.bytes()), "the upload itself is never installed");
    assertEquals("de.lenkwerk.tenant." + T, built.symbolicName());
    assertEquals("1.0.3", built.version());
    try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(built.bytes()))) {
      Manifest m = in.getManifest();
      assertEquals(Set.of("Manifest-Version", "Bundle-ManifestVersion", "Bundle-SymbolicName", "Bundle-Version",
          "Bundle-Name", "Created-By", "Lenkwerk-Tenant", "Lenkwerk-Tenant-Name"),
          m.getMainAttributes().keySet().stream().map(Object::toString).collect(java.util.stream.Collectors.toSet()));
      assertEquals(T, m.getMainAttributes().getValue("Lenkwerk-Tenant"));
      assertEquals("Geschäftsordnung Testkommune", m.getMainAttributes().getValue("Bundle-Name"));
      List<String> names = new ArrayList<>();
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        names.add(e.getName());
      }
      assertEquals(List.of(DOC), names, "the document and nothing else");
    }
    assertEquals(built.sha256(), TenantBundleBuilder.build(T, "Testkommune", 3, upload.document(), Map.of()).sha256(),
        "every node builds the same bytes");
  }

  @Test
  void theTenantComesFromThePathNeverFromTheUpload() {
    String detail = assertThrows(DomainException.class, () -> UploadReader.fromJar("t-zwei", jar(good()))).detail();
    assertTrue(detail.contains("anderen Kommune"), detail);
    assertTrue(detail.contains("de.lenkwerk.tenant.t-zwei"), detail);
    // a document naming another tenant, even with the right headers
    Map<String, byte[]> foreign = good();
    foreign.put(DOC, document("t-zwei").getBytes(StandardCharsets.UTF_8));
    assertTrue(refused(jar(foreign)).contains("andere Kommune"));
    // the built bundle carries only the path's tenant, whatever name it is given
    TenantBundleBuilder.Built built = TenantBundleBuilder.build(T, "X\r\nLenkwerk-Tenant: t-zwei", 1,
        document(T).getBytes(StandardCharsets.UTF_8), Map.of());
    String text = new String(built.bytes(), StandardCharsets.ISO_8859_1);
    assertFalse(text.contains("\r\nLenkwerk-Tenant: t-zwei"), "a name cannot add a header");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Bundle-Activator: de.boese.Activator", "bundle-activator: de.boese.Activator",
      "BUNDLE-ACTIVATOR: de.boese.Activator", "Service-Component: OSGI-INF/x.xml", "service-COMPONENT: x.xml",
      "Bundle-NativeCode: lib/boese.so", "Fragment-Host: de.lenkwerk.security", "fragment-host: system.bundle",
      "Export-Package: de.lenkwerk.api", "Import-Package: org.osgi.framework", "Bundle-ClassPath: boese.jar",
      "DynamicImport-Package: *", "Require-Capability: osgi.extender", "Provide-Capability: osgi.service",
      "Bundle-Blueprint: x.xml", "Premain-Class: de.boese.Agent", "Launcher-Agent-Class: de.boese.Agent",
      "Require-Bundle: de.lenkwerk.security", "Extension-List: boese", "X-Unbekannt: 1"})
  void codeHeadersInAnyCaseAreRefused(String header) {
    String detail = refused(jar(good(header)));
    String name = header.substring(0, header.indexOf(':'));
    assertTrue(detail.contains("\"" + name + "\""), detail);
  }

  @Test
  void twoHeadersThatDifferOnlyInCaseAreRefused() {
    // java.util.jar.Manifest keeps one of them; another reader might take the other
    String detail = refused(jar(good("lenkwerk-tenant: stadt-rheine")));
    assertTrue(detail.contains("mehrfach"), detail);
    assertTrue(refused(jar(good("LENKWERK-TENANT: " + T))).contains("mehrfach"));
  }

  @Test
  void aSecondManifestSectionIsRefused() {
    Map<String, byte[]> entries = good();
    entries.put("META-INF/MANIFEST.MF", (manifest() + "Name: de/boese/\r\nBundle-Activator: x\r\n\r\n")
        .getBytes(StandardCharsets.UTF_8));
    assertTrue(refused(jar(entries)).contains("Abschnitt"));
  }

  @Test
  void codeAndOtherEntriesAreRefused() {
    for (String name : List.of("de/boese/Boese.class", "lib/boese.so", "OSGI-INF/x.xml", "boese.jar",
        "OSGI-INF/lenkwerk/andere.yaml", "META-INF/services/java.lang.Runnable", "readme.txt")) {
      Map<String, byte[]> entries = good();
      entries.put(name, new byte[] {(byte) 0xCA, (byte) 0xFE});
      String detail = refused(jar(entries));
      assertTrue(detail.contains(name), detail);
    }
  }

  @Test
  void entriesNamedLikeDirectoriesWithContentAreRefused() {
    for (String name : List.of("OSGI-INF/", "META-INF/", "de/boese/", "OSGI-INF/lenkwerk/")) {
      Map<String, byte[]> entries = good();
      entries.put(name, "yv66vgAAADQ".getBytes(StandardCharsets.UTF_8));
      assertTrue(refused(jar(entries)).contains(name));
    }
    // empty folder entries are what jar tools write: fine
    Map<String, byte[]> folders = new LinkedHashMap<>();
    folders.put("META-INF/", new byte[0]);
    folders.putAll(good());
    folders.put("OSGI-INF/", new byte[0]);
    assertEquals(document(T), new String(UploadReader.fromJar(T, jar(folders)).document(), StandardCharsets.UTF_8));
  }

  @Test
  void duplicateEntriesAreRefused() {
    List<RawZip.Entry> entries = new ArrayList<>();
    good().forEach((k, v) -> entries.add(new RawZip.Entry(k, k, v)));
    entries.add(new RawZip.Entry(DOC, DOC, document("stadt-rheine").getBytes(StandardCharsets.UTF_8)));
    assertTrue(refused(RawZip.write(entries, true)).contains("mehrfach"));
    List<RawZip.Entry> manifests = new ArrayList<>();
    good().forEach((k, v) -> manifests.add(new RawZip.Entry(k, k, v)));
    manifests.add(new RawZip.Entry("META-INF/MANIFEST.MF", "META-INF/MANIFEST.MF",
        manifest("Bundle-Activator: x").getBytes(StandardCharsets.UTF_8)));
    refused(RawZip.write(manifests, true));
  }

  @Test
  void concatenatedJarsAndBytesAroundTheArchiveAreRefused() throws IOException {
    Map<String, byte[]> evil = good();
    evil.put("de/boese/Boese.class", new byte[] {(byte) 0xCA, (byte) 0xFE});
    byte[] good = jar(good());
    byte[] bad = jar(evil);
    ByteArrayOutputStream both = new ByteArrayOutputStream();
    both.write(good);
    both.write(bad);
    assertTrue(refused(both.toByteArray()).contains("mehreren"));
    both.reset();
    both.write(bad);
    both.write(good);
    refused(both.toByteArray());
    both.reset();
    both.write("#!/bin/sh\nexit 0\n".getBytes(StandardCharsets.UTF_8));
    both.write(good);
    refused(both.toByteArray());
    both.reset();
    both.write(good);
    both.write(new byte[] {1, 2, 3});
    refused(both.toByteArray());
  }

  @Test
  void entriesThatAStreamReaderAndTheCentralDirectorySeeDifferentlyAreRefused() throws IOException {
    // the local header says document, the central directory (the framework's reading) says class
    List<RawZip.Entry> renamed = new ArrayList<>();
    renamed.add(new RawZip.Entry("META-INF/MANIFEST.MF", "META-INF/MANIFEST.MF", manifest().getBytes(StandardCharsets.UTF_8)));
    renamed.add(new RawZip.Entry(DOC, DOC, document(T).getBytes(StandardCharsets.UTF_8)));
    renamed.add(new RawZip.Entry("readme.yaml", "de/boese/Boese.class", new byte[] {(byte) 0xCA, (byte) 0xFE}));
    byte[] crafted = RawZip.write(renamed, true);
    // the two readers really disagree on this file
    List<String> streamed = new ArrayList<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(crafted))) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        streamed.add(e.getName());
      }
    }
    assertTrue(streamed.contains("readme.yaml") && !streamed.contains("de/boese/Boese.class"));
    refused(crafted);

    // a local entry the central directory does not list (hidden from a stream-checker's view of the CD)
    List<RawZip.Entry> hidden = new ArrayList<>();
    good().forEach((k, v) -> hidden.add(new RawZip.Entry(k, k, v)));
    hidden.add(new RawZip.Entry("de/boese/Boese.class", null, new byte[] {(byte) 0xCA, (byte) 0xFE}));
    refused(RawZip.write(hidden, true));
  }

  @Test
  void declaredDataFilesAreKeptAndChecked() throws IOException {
    Map<String, byte[]> withLogo = good();
    withLogo.put(TenantBundles.LETTERHEAD_LOGO_PNG, PNG);
    UploadReader.Upload upload = UploadReader.fromJar(T, jar(withLogo));
    assertArrayEquals(PNG, upload.dataFiles().get(TenantBundles.LETTERHEAD_LOGO_PNG));
    TenantBundleBuilder.Built built = TenantBundleBuilder.build(T, "T", 1, upload.document(), upload.dataFiles());
    List<String> names = new ArrayList<>();
    try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(built.bytes()))) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        names.add(e.getName());
      }
    }
    assertEquals(List.of(TenantBundles.LETTERHEAD_LOGO_PNG, DOC), names);

    Map<String, byte[]> fake = good();
    fake.put(TenantBundles.LETTERHEAD_LOGO_PNG, "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8));
    assertTrue(refused(jar(fake)).contains("kein PNG-Bild"));
    assertThrows(IllegalArgumentException.class, () -> TenantBundleBuilder.build(T, "T", 1, new byte[0],
        Map.of("de/boese/Boese.class", new byte[1])), "the builder takes declared data files only");
  }

  @Test
  void theDocumentItselfIsCheckedTheSameWay() {
    UploadReader.Upload upload = UploadReader.fromDocument(T, document(T).getBytes(StandardCharsets.UTF_8));
    assertEquals(document(T), new String(upload.document(), StandardCharsets.UTF_8));
    DomainException foreign = assertThrows(DomainException.class,
        () -> UploadReader.fromDocument(T, document("t-zwei").getBytes(StandardCharsets.UTF_8)));
    assertEquals(422, foreign.kind().status());
    assertTrue(foreign.detail().contains("andere Kommune"));
    DomainException invalid = assertThrows(DomainException.class,
        () -> UploadReader.fromDocument(T, (document(T) + "sitzungsgeld: 20\n").getBytes(StandardCharsets.UTF_8)));
    assertTrue(invalid.detail().contains("Geschäftsordnung:"), invalid.detail());
    assertEquals(413, assertThrows(DomainException.class,
        () -> UploadReader.fromDocument(T, new byte[UploadReader.MAX_DOCUMENT_BYTES + 1])).kind().status());
  }

  @Test
  void emptyOversizedAndNonJarUploadsAreRefused() {
    refused(new byte[0]);
    refused("kein jar".getBytes(StandardCharsets.UTF_8));
    assertEquals(413, assertThrows(DomainException.class,
        () -> UploadReader.fromJar(T, new byte[UploadReader.MAX_BYTES + 1])).kind().status());
  }

  @Test
  void theConfiguredBundleSizeIsTheLimit() throws IOException {
    // a valid bundle of about 100 KB (a long YAML comment in the document)
    Map<String, byte[]> entries = good();
    entries.put(DOC, (document(T) + "\n# " + "x".repeat(100_000) + "\n").getBytes(StandardCharsets.UTF_8));
    byte[] jar = jar(entries);
    assertTrue(jar.length > 64 * 1024 && jar.length < 200 * 1024, "size " + jar.length);
    UploadReader.fromJar(T, jar); // the default, 5 MB
    UploadReader.fromJar(T, jar, 200 * 1024);
    DomainException refused = assertThrows(DomainException.class, () -> UploadReader.fromJar(T, jar, 64 * 1024));
    assertEquals(413, refused.kind().status());
    assertTrue(refused.detail().contains("größer als 64 KB"), refused.detail());
  }

  /**
   * Writes zip files the way an attacker would: each entry with a name in its local header and a
   * (possibly different, or no) name in the central directory, duplicates allowed.
   */
  static final class RawZip {

    record Entry(String localName, String centralName, byte[] content) {}

    static byte[] write(List<Entry> entries, boolean withCentral) {
      ByteBuffer out = ByteBuffer.allocate(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
      List<int[]> offsets = new ArrayList<>();
      for (Entry e : entries) {
        offsets.add(new int[] {out.position()});
        byte[] name = e.localName().getBytes(StandardCharsets.UTF_8);
        out.putInt(0x04034b50).putShort((short) 10).putShort((short) 0x0800).putShort((short) 0)
            .putShort((short) 0).putShort((short) 0x21).putInt(crc(e.content()))
            .putInt(e.content().length).putInt(e.content().length).putShort((short) name.length)
            .putShort((short) 0).put(name).put(e.content());
      }
      int cdStart = out.position();
      int count = 0;
      for (int i = 0; i < entries.size(); i++) {
        Entry e = entries.get(i);
        if (e.centralName() == null || !withCentral) {
          continue;
        }
        count++;
        byte[] name = e.centralName().getBytes(StandardCharsets.UTF_8);
        out.putInt(0x02014b50).putShort((short) 20).putShort((short) 10).putShort((short) 0x0800)
            .putShort((short) 0).putShort((short) 0).putShort((short) 0x21).putInt(crc(e.content()))
            .putInt(e.content().length).putInt(e.content().length).putShort((short) name.length)
            .putShort((short) 0).putShort((short) 0).putShort((short) 0).putShort((short) 0).putInt(0)
            .putInt(offsets.get(i)[0]).put(name);
      }
      int cdSize = out.position() - cdStart;
      out.putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) count)
          .putShort((short) count).putInt(cdSize).putInt(cdStart).putShort((short) 0);
      byte[] bytes = new byte[out.position()];
      out.flip();
      out.get(bytes);
      return bytes;
    }

    private static int crc(byte[] content) {
      CRC32 crc = new CRC32();
      crc.update(content);
      return (int) crc.getValue();
    }
  }
}
