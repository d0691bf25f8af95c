package de.lenkwerk.rules;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import de.lenkwerk.api.rules.RulesOfProcedure;
import de.lenkwerk.rules.internal.DocumentReader;
import de.lenkwerk.rules.internal.Problems;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads a tenant's Geschäftsordnung document: the YAML file a tenant bundle carries (by default at
 * {@code OSGI-INF/lenkwerk/geschaeftsordnung.yaml}). The result is complete rules of procedure in
 * which every rule the document leaves out is the KIM default ({@link KimDefaults}), or the German
 * problems that make the document invalid, each naming its field path. Never throws on bad input.
 *
 * <p>The format is described in {@code docs/policy-developer-guide.md}; the template tenant bundle
 * {@code tenant-configs/template} explains every key.
 */
public final class RulesDocument {

  /** Documents larger than this are refused (a Geschäftsordnung is a few kilobytes). */
  public static final int MAX_BYTES = 1024 * 1024;

  private static final ObjectMapper YAML = createMapper();
  private static final Pattern MARK = Pattern.compile("^ in '.*', line (\\d+), column (\\d+):");

  private RulesDocument() {}

  /**
   * The outcome of reading one document.
   *
   * @param rules the complete rules, or null when the document is invalid
   * @param tenant the tenant id as written in the document ({@code tenant:}), also when the
   *     document is invalid; null if it could not be read
   * @param problems German problems that make the document invalid, each starting with the field
   *     path, e.g. {@code composition.seats[3].members: muss eine ganze Zahl ≥ 1 sein, gefunden: 0}
   *     (list positions count from 1); empty when valid
   * @param warnings German notes on a valid document that a tenant admin should look at (e.g. a
   *     KIM composition requirement no seat can meet); never make the document invalid
   * @param origin where the document came from, as the caller named it (bundle and path)
   */
  public record Result(RulesOfProcedure rules, String tenant, List<String> problems,
      List<String> warnings, String origin) {

    public Result {
      problems = List.copyOf(problems);
      warnings = List.copyOf(warnings);
    }

    /** Whether the document is valid, i.e. {@link #rules()} is not null. */
    public boolean valid() {
      return rules != null;
    }

    /**
     * One German sentence for logs and the tenant directory, e.g. "Die Geschäftsordnung
     * (kreis-kleve.jar!/...) ist ungültig (2 Fehler): a: ...; b: ...".
     */
    public String summary() {
      String where = origin == null ? "" : " (" + origin + ")";
      if (valid()) {
        return "Die Geschäftsordnung" + where + " ist gültig"
            + (warnings.isEmpty() ? "." : " (" + warnings.size() + " Hinweise): "
                + String.join("; ", warnings));
      }
      return "Die Geschäftsordnung" + where + " ist ungültig (" + problems.size() + " Fehler): "
          + String.join("; ", problems);
    }
  }

  /**
   * Reads a document from a stream (UTF-8). The stream is read to its end but not closed.
   *
   * @param yaml the document
   * @param origin where it came from, for messages, e.g. the bundle's symbolic name and the path
   */
  public static Result read(InputStream yaml, String origin) {
    Objects.requireNonNull(yaml, "yaml");
    byte[] bytes;
    try {
      bytes = yaml.readNBytes(MAX_BYTES + 1);
    } catch (IOException e) {
      return failed(origin, "konnte nicht gelesen werden: " + e.getMessage());
    }
    return read(bytes, origin);
  }

  /** Reads a document given as bytes (UTF-8). */
  public static Result read(byte[] document, String origin) {
    Objects.requireNonNull(document, "document");
    if (document.length > MAX_BYTES) {
      return failed(origin, "ist zu groß (mehr als " + MAX_BYTES / 1024 + " KiB)");
    }
    JsonNode root;
    try {
      root = YAML.readTree(document);
    } catch (JsonProcessingException e) {
      return failed(origin, syntax(e));
    } catch (IOException | RuntimeException e) {
      return failed(origin, "ist kein lesbares YAML: " + firstLine(e.getMessage()));
    }
    Problems problems = new Problems();
    DocumentReader reader = new DocumentReader(problems);
    RulesOfProcedure rules;
    try {
      rules = reader.read(root);
    } catch (RuntimeException e) {
      // A bug in the reader must not take the platform down: report it as a problem.
      problems.add("", "konnte nicht verarbeitet werden (interner Fehler: " + e + ")");
      rules = null;
    }
    return new Result(problems.isEmpty() ? rules : null, reader.tenant(), problems.problems(),
        problems.warnings(), origin);
  }

  /**
   * A short, stable fingerprint of a document for rules versions: the first 12 hex digits of its
   * SHA-256 hash. Any change of the document gives another digest.
   */
  public static String digest(byte[] document) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(document);
      return HexFormat.of().formatHex(hash).substring(0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  private static Result failed(String origin, String message) {
    return new Result(null, null, List.of("Dokument: " + message), List.of(), origin);
  }

  private static String syntax(JsonProcessingException e) {
    String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    // SnakeYAML's message: unindented lines say what is wrong, " in 'reader', line 4, column 1:"
    // lines say where (the last one is where the parser stopped), indented lines quote the text.
    StringBuilder what = new StringBuilder();
    int line = -1;
    int column = -1;
    for (String part : original.split("\n")) {
      Matcher mark = MARK.matcher(part);
      if (mark.find()) {
        line = Integer.parseInt(mark.group(1));
        column = Integer.parseInt(mark.group(2));
      } else if (!part.isBlank() && !Character.isWhitespace(part.charAt(0))) {
        what.append(what.length() == 0 ? "" : "; ").append(part.strip());
      }
    }
    JsonLocation location = e.getLocation();
    if (line < 0 && location != null && location.getLineNr() > 0) {
      line = location.getLineNr();
      column = location.getColumnNr();
    }
    String where = line < 0 ? "" : " in Zeile " + line + ", Spalte " + column;
    String message = what.toString();
    if (message.startsWith("Duplicate field")) {
      String field = message.replaceFirst("^Duplicate field '([^']*)'.*$", "$1");
      return "der Schlüssel \"" + field + "\" kommt" + where + " doppelt vor; jeder Schlüssel "
          + "darf in einem Abschnitt nur einmal stehen";
    }
    if (message.contains("\\t(TAB)")) {
      return "enthält" + where + " ein Tabulatorzeichen; bitte nur mit Leerzeichen einrücken";
    }
    return "ist kein gültiges YAML" + where + ": " + message
        + " (Einrückung mit Leerzeichen, Doppelpunkt nach jedem Schlüssel, Texte mit "
        + "Sonderzeichen in Anführungszeichen)";
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int newline = message.indexOf('\n');
    return (newline < 0 ? message : message.substring(0, newline)).strip();
  }

  private static ObjectMapper createMapper() {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(20);
    options.setCodePointLimit(MAX_BYTES);
    YAMLFactory factory = YAMLFactory.builder().loaderOptions(options).build();
    factory.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    return new ObjectMapper(factory);
  }
}
