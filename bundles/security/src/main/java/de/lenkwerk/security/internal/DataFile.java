package de.lenkwerk.security.internal;

import de.lenkwerk.api.tenant.TenantBundles;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A data file a tenant may ship beside its Geschäftsordnung: its one path in the bundle, the
 * content type it must have (checked by its leading bytes) and its largest size. The list is the
 * whole declaration: a new kind of data file (a second logo, a template) is one more constant.
 */
enum DataFile {

  LETTERHEAD_PNG(TenantBundles.LETTERHEAD_LOGO_PNG, "PNG-Bild", 512 * 1024,
      new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}),
  LETTERHEAD_JPEG(TenantBundles.LETTERHEAD_LOGO_JPEG, "JPEG-Bild", 512 * 1024,
      new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});

  private final String path;
  private final String kind;
  private final int maxBytes;
  private final byte[] magic;

  DataFile(String path, String kind, int maxBytes, byte[] magic) {
    this.path = path;
    this.kind = kind;
    this.maxBytes = maxBytes;
    this.magic = magic;
  }

  String path() {
    return path;
  }

  /** The declared data file at this path, or null. */
  static DataFile at(String path) {
    for (DataFile file : values()) {
      if (file.path.equals(path)) {
        return file;
      }
    }
    return null;
  }

  static String paths() {
    return Arrays.stream(values()).map(DataFile::path).collect(Collectors.joining(", "));
  }

  /** Adds a German reason when the content is not what this data file must be. */
  void check(byte[] content, Set<String> problems) {
    if (content.length > maxBytes) {
      problems.add("Die Datei " + path + " ist größer als " + maxBytes / 1024 + " KB.");
    } else if (content.length < magic.length
        || !Arrays.equals(Arrays.copyOf(content, magic.length), magic)) {
      problems.add("Die Datei " + path + " ist kein " + kind + ".");
    }
  }

  static List<DataFile> all() {
    return List.of(values());
  }
}
