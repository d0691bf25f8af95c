package de.lenkwerk.documents.internal;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder.PdfAConformance;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * XHTML to PDF/A-2b with openhtmltopdf on PDFBox: the DejaVu fonts shipped in this bundle are
 * embedded (PDF/A allows no unembedded font) and the output intent is the JDK's sRGB profile.
 * Holds only immutable bytes, so one instance serves concurrent requests.
 */
final class PdfA {

  private static final String FONTS = "fonts/";

  private final byte[] regular;
  private final byte[] bold;
  private final byte[] srgb;

  PdfA() {
    this.regular = resource(FONTS + "DejaVuSans.ttf");
    this.bold = resource(FONTS + "DejaVuSans-Bold.ttf");
    this.srgb = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
  }

  byte[] render(String xhtml) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    // openhtmltopdf and PDFBox look up their own resources through the context class loader;
    // in OSGi that is whatever the HTTP thread carries, so it is set to this bundle's loader.
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(PdfA.class.getClassLoader());
    try {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      builder.usePdfAConformance(PdfAConformance.PDFA_2_B);
      builder.useColorProfile(srgb);
      builder.useFont(() -> new ByteArrayInputStream(regular), Templates.FONT, 400,
          FontStyle.NORMAL, true);
      builder.useFont(() -> new ByteArrayInputStream(bold), Templates.FONT, 700,
          FontStyle.NORMAL, true);
      builder.withProducer("Lenkwerk");
      builder.withHtmlContent(xhtml, null);
      builder.toStream(out);
      builder.run();
    } catch (IOException e) {
      throw new UncheckedIOException("PDF/A could not be written", e);
    } finally {
      thread.setContextClassLoader(previous);
    }
    return out.toByteArray();
  }

  private static byte[] resource(String name) {
    try (InputStream in = PdfA.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name + " in de.lenkwerk.documents");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
