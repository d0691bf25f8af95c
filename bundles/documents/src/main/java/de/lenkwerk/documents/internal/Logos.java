package de.lenkwerk.documents.internal;

import de.lenkwerk.api.tenant.TenantBundles;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Base64;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * The letterhead logo of a tenant: the declared data file of its ACTIVE tenant bundle (PNG or
 * JPEG, checked by the upload when the platform built the bundle, and checked here again by its
 * leading bytes), as a data URI for the document's HTML.
 */
final class Logos {

  private static final int MAX_BYTES = 512 * 1024;

  private final BundleContext context;

  /** @param context the documents bundle's context, or null (then no document has a logo) */
  Logos(BundleContext context) {
    this.context = context;
  }

  /** The logo as {@code data:image/...;base64,...}, or null when the tenant has none. */
  String dataUri(String tenant) {
    if (context == null) {
      return null;
    }
    for (Bundle bundle : context.getBundles()) {
      String header = bundle.getHeaders("").get(TenantBundles.TENANT_HEADER);
      if (bundle.getState() != Bundle.ACTIVE || header == null || !header.strip().equals(tenant)) {
        continue;
      }
      String png = read(bundle.getEntry(TenantBundles.LETTERHEAD_LOGO_PNG));
      if (png != null) {
        return png;
      }
      return read(bundle.getEntry(TenantBundles.LETTERHEAD_LOGO_JPEG));
    }
    return null;
  }

  static String dataUri(byte[] image) {
    if (image == null || image.length < 4 || image.length > MAX_BYTES) {
      return null;
    }
    String type = image[0] == (byte) 0x89 && image[1] == 'P' && image[2] == 'N' && image[3] == 'G'
        ? "image/png"
        : image[0] == (byte) 0xFF && image[1] == (byte) 0xD8 ? "image/jpeg" : null;
    return type == null ? null
        : "data:" + type + ";base64," + Base64.getEncoder().encodeToString(image);
  }

  private static String read(URL entry) {
    if (entry == null) {
      return null;
    }
    try (InputStream in = entry.openStream()) {
      return dataUri(in.readNBytes(MAX_BYTES + 1));
    } catch (IOException e) {
      return null;
    }
  }
}
