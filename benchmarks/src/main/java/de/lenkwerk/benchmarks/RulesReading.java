package de.lenkwerk.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import de.lenkwerk.rules.RulesDocument;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * In-process (JMH): what reading one Geschäftsordnung costs, the work the platform does for every
 * tenant bundle at start-up and at every hot deploy. Kreis Steinfurt's document (the largest of
 * the four) is read as the tenant extender reads it; the baseline parses the same bytes into a
 * plain YAML tree with the same Jackson YAML parser, without validating or building the rules.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RulesReading {

  static final String DOCUMENT = "/de/lenkwerk/benchmarks/kreis-steinfurt/geschaeftsordnung.yaml";

  private final YAMLMapper yaml = new YAMLMapper();
  private byte[] document;

  @Setup
  public void load() {
    try (InputStream in = RulesReading.class.getResourceAsStream(DOCUMENT)) {
      document = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    RulesDocument.Result check = RulesDocument.read(document, "benchmark");
    if (!check.valid()) {
      throw new IllegalStateException("the benchmark's document is not valid: " + check.problems());
    }
  }

  /** Baseline: the same bytes parsed into a YAML tree. */
  @Benchmark
  public JsonNode yamlTree() throws IOException {
    return yaml.readTree(document);
  }

  /** Parse, validate and build the rules, and the document's digest for the rules version. */
  @Benchmark
  public Object readGeschaeftsordnung() {
    RulesDocument.Result result = RulesDocument.read(document, "benchmark");
    return RulesDocument.digest(document) + result.tenant();
  }
}
