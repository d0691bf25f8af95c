package de.lenkwerk.tenancy.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import org.osgi.framework.Bundle;

/**
 * A fingerprint of a bundle's content for rules versions: the first 12 hex digits of SHA-256 over
 * every entry's path and bytes, in path order. A rebuilt bundle with other code gets another
 * digest even where its version stays the same (a SNAPSHOT).
 */
final class BundleDigest {

  private BundleDigest() {}

  static String of(Bundle bundle) {
    if (bundle == null) {
      return null;
    }
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      TreeMap<String, URL> entries = new TreeMap<>();
      Enumeration<URL> found = bundle.findEntries("/", "*", true);
      while (found != null && found.hasMoreElements()) {
        URL url = found.nextElement();
        if (!url.getPath().endsWith("/")) {
          entries.put(url.getPath(), url);
        }
      }
      List<String> unreadable = new ArrayList<>();
      for (var entry : entries.entrySet()) {
        sha.update(entry.getKey().getBytes(StandardCharsets.UTF_8));
        try (InputStream in = entry.getValue().openStream()) {
          sha.update(in.readAllBytes());
        } catch (IOException e) {
          unreadable.add(entry.getKey());
        }
      }
      sha.update(String.join(",", unreadable).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
