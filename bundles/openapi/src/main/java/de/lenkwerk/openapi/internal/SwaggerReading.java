package de.lenkwerk.openapi.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JavaType;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.converter.ResolvedSchema;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.jackson.TypeNameResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.jaxrs2.Reader;
import io.swagger.v3.oas.integration.SwaggerConfiguration;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One document's reading with swagger-core's JAX-RS reader (swagger-jaxrs2): the operations,
 * parameters and body schemas of the resource classes it is given (no scanning), and the schemas
 * of the answers a method declares with {@code @AnswerBody}. Three additions where swagger does
 * not know what the platform's Jackson mapper writes: {@code LocalTime} is an ISO time string, a
 * record's primitive components are required and its other components may be null, and a record
 * whose simple name another record already has is named with its enclosing type.
 *
 * <p>swagger-core resolves schemas through its process-wide {@link ModelConverters}; the
 * converters of this reading are registered there only while {@link #read} runs, one reading at a
 * time, so two documents never share names. Its default resolver stays registered behind them.
 */
final class SwaggerReading {

  private static final String TIME_PATTERN = "^\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?$";

  private final Names names = new Names();
  private final Additions additions = new Additions();
  private final Map<String, Schema> components = new TreeMap<>();

  /**
   * Runs {@code work} with this reading's converters in swagger-core's registry, twice: the first
   * run only finds which records share a simple name, so that the names of the second (whose
   * result counts) do not depend on the order in which swagger-core meets the types.
   */
  <T> T read(Supplier<T> work) {
    synchronized (ModelConverters.class) {
      names.collecting = true;
      once(work);
      components.clear();
      names.collecting = false;
      return once(work);
    }
  }

  private <T> T once(Supplier<T> work) {
    ModelConverters converters = ModelConverters.getInstance();
    ModelResolver resolver = new ModelResolver(Json.mapper(), names);
    converters.addConverter(resolver);
    converters.addConverter(additions); // added last: asked first
    ClassLoader before = Thread.currentThread().getContextClassLoader();
    // swagger-core looks up its extensions with the context class loader: this bundle's
    Thread.currentThread().setContextClassLoader(SwaggerReading.class.getClassLoader());
    try {
      return work.get();
    } finally {
      Thread.currentThread().setContextClassLoader(before);
      converters.removeConverter(additions);
      converters.removeConverter(resolver);
    }
  }

  /** The operations of one resource class by {@code "VERB /path"} (path as {@code normalise} gives). */
  Map<String, Operation> operations(Class<?> type, Function<String, String> normalise) {
    OpenAPI api = new Reader(new SwaggerConfiguration().openAPI(new OpenAPI()).readAllResources(true))
        .read(Set.of(type));
    if (api.getComponents() != null && api.getComponents().getSchemas() != null) {
      components.putAll(api.getComponents().getSchemas());
    }
    Map<String, Operation> operations = new LinkedHashMap<>();
    if (api.getPaths() != null) {
      for (Map.Entry<String, PathItem> path : api.getPaths().entrySet()) {
        for (Map.Entry<PathItem.HttpMethod, Operation> op : path.getValue().readOperationsMap().entrySet()) {
          operations.put(op.getKey().name() + " " + normalise.apply(path.getKey()), op.getValue());
        }
      }
    }
    return operations;
  }

  /** The schema of an answer body whose type the method cannot say (it returns a Response). */
  Schema<?> schema(Type type) {
    ResolvedSchema resolved = ModelConverters.getInstance()
        .resolveAsResolvedSchema(new AnnotatedType(type).resolveAsRef(true));
    if (resolved.referencedSchemas != null) {
      components.putAll(resolved.referencedSchemas);
    }
    return resolved.schema;
  }

  /** The component schemas read so far, by name. */
  Map<String, Schema> components() {
    return components;
  }

  /**
   * Simple names. Of records that share one, the least nested (then the first by full name) keeps
   * it; the others get their enclosing type's (or package's) name in front.
   */
  private static final class Names extends TypeNameResolver {
    private final Map<String, Set<Class<?>>> seen = new HashMap<>();
    private boolean collecting;

    @Override
    protected String nameForClass(Class<?> cls, Set<Options> options) {
      String name = super.nameForClass(cls, options);
      if (collecting) {
        seen.computeIfAbsent(name, n -> new HashSet<>()).add(cls);
        return name;
      }
      Set<Class<?>> sharing = seen.getOrDefault(name, Set.of());
      Class<?> keeper = sharing.stream().min(Comparator.comparingInt(Names::depth)
          .thenComparing(Class::getName)).orElse(cls);
      if (keeper == cls) {
        return name;
      }
      Class<?> outer = cls.getEnclosingClass();
      return (outer != null ? outer.getSimpleName() : cls.getPackageName().replaceAll("^.*\\.", "")) + name;
    }

    private static int depth(Class<?> cls) {
      int depth = 0;
      for (Class<?> c = cls.getEnclosingClass(); c != null; c = c.getEnclosingClass()) {
        depth++;
      }
      return depth;
    }
  }

  /** What the platform's mapper writes and swagger-core does not describe by itself. */
  private static final class Additions implements ModelConverter {
    @Override
    public Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
      JavaType java = Json.mapper().constructType(type.getType());
      Class<?> raw = java.getRawClass();
      if (raw == LocalTime.class) {
        // no "time" format in OpenAPI 3.0's registry; the pattern tells clients what to send
        StringSchema time = new StringSchema();
        time.format("time").pattern(TIME_PATTERN).example("18:00:00");
        return time;
      }
      if (!chain.hasNext()) {
        return null;
      }
      Schema<?> result = chain.next().resolve(type, context, chain);
      if (result != null && raw.isRecord()) {
        Schema<?> model = result.get$ref() == null ? result
            : context.getDefinedModels().get(result.get$ref().replaceAll("^.*/", ""));
        if (model != null && model.getProperties() != null) {
          nullableAndRequired(raw, model);
        }
      }
      return result;
    }

    /** Primitive components are always written; the others may be null (Jackson writes nulls). */
    private static void nullableAndRequired(Class<?> record, Schema<?> model) {
      for (RecordComponent rc : record.getRecordComponents()) {
        JsonProperty renamed = rc.getAccessor().getAnnotation(JsonProperty.class);
        String name = renamed != null && !renamed.value().isEmpty() ? renamed.value() : rc.getName();
        Schema<?> property = model.getProperties().get(name);
        if (property == null) {
          continue;
        }
        if (rc.getType().isPrimitive()) {
          if (model.getRequired() == null || !model.getRequired().contains(name)) {
            model.addRequiredItem(name);
          }
        } else if (property.get$ref() == null) {
          property.setNullable(true);
        }
      }
    }
  }
}
