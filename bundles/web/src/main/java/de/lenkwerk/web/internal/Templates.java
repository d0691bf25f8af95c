package de.lenkwerk.web.internal;

import freemarker.cache.ClassTemplateLoader;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * FreeMarker with the templates of this bundle ({@code templates/*.ftlh}, HTML auto-escaping):
 * parsed once and cached, record components readable as properties ({@code seat.institution}).
 */
final class Templates {

  private final Configuration config = new Configuration(Configuration.VERSION_2_3_34);

  Templates() {
    config.setTemplateLoader(new ClassTemplateLoader(Templates.class.getClassLoader(), "templates"));
    config.setDefaultEncoding("UTF-8");
    config.setOutputEncoding("UTF-8");
    config.setLocale(Locale.GERMANY);
    config.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    config.setLogTemplateExceptions(false);
    config.setWrapUncheckedExceptions(true);
    config.setFallbackOnNullLoopVariable(false);
    config.setNumberFormat("computer");
    config.setObjectWrapper(new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34).build());
  }

  /** The page as it is sent: UTF-8, encoded while it is written (no page-sized string in between). */
  byte[] render(String template, Map<String, Object> model) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 * 1024);
      try (Writer out = new BufferedWriter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8), 8 * 1024)) {
        config.getTemplate(template).process(model, out);
      }
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (TemplateException e) {
      throw new IllegalStateException("template " + template + ": " + e.getMessage(), e);
    }
  }
}
