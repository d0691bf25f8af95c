package de.lenkwerk.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Test helpers: read documents from strings and test resources. */
final class Docs {

  static final String MINIMAL = """
      tenant: muster-kommune
      name: Muster-Kommune
      composition:
        seats:
          - id: amt-1
            institution: Amt 1
            group: intern
      """;

  private Docs() {}

  static RulesDocument.Result read(String yaml) {
    return RulesDocument.read(yaml.getBytes(StandardCharsets.UTF_8), "test.yaml");
  }

  static RulesDocument.Result resource(String name) {
    try (InputStream in = Docs.class.getResourceAsStream("/documents/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test document " + name);
      }
      return RulesDocument.read(in, name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** MINIMAL with more top-level YAML appended. */
  static RulesDocument.Result minimalWith(String more) {
    return read(MINIMAL + more);
  }
}
