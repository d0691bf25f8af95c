package de.lenkwerk.openapi.internal;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * OpenAPI 3.0 schemas of the bodies the API reads and writes, derived from their Java types by
 * reflection: records become named components (one property per record component), enums string
 * enumerations, collections arrays, maps free objects, and the java.time types ISO strings the way
 * the platform's Jackson mapper writes them. swagger-core's ModelConverters would do this too, but
 * no release that understands records runs on the platform's Jackson 2.17; what the mapper writes
 * for records is simple enough to describe here.
 *
 * <p>One instance per document: it collects the components that the operations referenced.
 */
final class Schemas {

  private final Map<String, Object> components = new TreeMap<>();
  private final Map<String, Class<?>> named = new LinkedHashMap<>();

  /** The components referenced so far, by name, in a stable order. */
  Map<String, Object> components() {
    return components;
  }

  /** The schema of a body of this (possibly generic) Java type; records are referenced by name. */
  Map<String, Object> of(Type type) {
    if (type instanceof WildcardType wildcard) {
      return of(wildcard.getUpperBounds()[0]);
    }
    if (type instanceof GenericArrayType array) {
      return array(of(array.getGenericComponentType()));
    }
    if (type instanceof ParameterizedType parameterized && parameterized.getRawType() instanceof Class<?> raw) {
      Type[] args = parameterized.getActualTypeArguments();
      if (Collection.class.isAssignableFrom(raw)) {
        return array(of(args[0]));
      }
      if (Map.class.isAssignableFrom(raw)) {
        return args[1] == Object.class ? freeObject() : map(of(args[1]));
      }
      if (raw == Optional.class) {
        return of(args[0]);
      }
      return of(raw);
    }
    if (!(type instanceof Class<?> c)) {
      return freeObject();
    }
    if (c.isArray()) {
      return c == byte[].class ? scalar("string", "byte") : array(of(c.getComponentType()));
    }
    Map<String, Object> scalar = scalar(c);
    if (scalar != null) {
      return scalar;
    }
    if (c.isEnum()) {
      List<String> values = new ArrayList<>();
      for (Object constant : c.getEnumConstants()) {
        values.add(((Enum<?>) constant).name());
      }
      Map<String, Object> schema = new LinkedHashMap<>();
      schema.put("type", "string");
      schema.put("enum", values);
      return schema;
    }
    if (c.isRecord()) {
      return Map.of("$ref", "#/components/schemas/" + component(c));
    }
    if (Map.class.isAssignableFrom(c)) {
      return freeObject();
    }
    if (Collection.class.isAssignableFrom(c)) {
      return array(Map.of());
    }
    return freeObject();
  }

  /** The name of the component for a record, registering it (and what it refers to) once. */
  private String component(Class<?> record) {
    for (Map.Entry<String, Class<?>> e : named.entrySet()) {
      if (e.getValue() == record) {
        return e.getKey();
      }
    }
    String name = record.getSimpleName();
    if (named.containsKey(name)) {
      // the same simple name in two packages: qualify the second by its enclosing type or package
      Class<?> outer = record.getEnclosingClass();
      name = (outer != null ? outer.getSimpleName()
          : record.getPackageName().replaceAll("^.*\\.", "")) + name;
    }
    named.put(name, record);
    components.put(name, Map.of()); // placeholder, so that a record that refers to itself ends
    Map<String, Object> properties = new LinkedHashMap<>();
    List<String> required = new ArrayList<>();
    for (RecordComponent rc : record.getRecordComponents()) {
      Map<String, Object> property = new LinkedHashMap<>(of(rc.getGenericType()));
      if (rc.getType().isPrimitive()) {
        required.add(jsonName(rc));
      } else if (!property.containsKey("$ref")) {
        property.put("nullable", true);
      }
      properties.put(jsonName(rc), property);
    }
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("type", "object");
    if (!required.isEmpty()) {
      schema.put("required", required);
    }
    schema.put("properties", properties);
    components.put(name, schema);
    return name;
  }

  /**
   * The name Jackson writes: the component's, or that of a {@code @JsonProperty} on it (read by
   * name, so that this bundle does not need Jackson for one annotation).
   */
  private static String jsonName(RecordComponent rc) {
    for (java.lang.annotation.Annotation a : rc.getAccessor().getAnnotations()) {
      if (a.annotationType().getName().equals("com.fasterxml.jackson.annotation.JsonProperty")) {
        try {
          Object value = a.annotationType().getMethod("value").invoke(a);
          if (value instanceof String name && !name.isEmpty()) {
            return name;
          }
        } catch (ReflectiveOperationException e) {
          return rc.getName();
        }
      }
    }
    return rc.getName();
  }

  /** Path and query parameters: the scalar schema of their type, text for anything else. */
  static Map<String, Object> parameter(Class<?> type) {
    Map<String, Object> scalar = scalar(type);
    return scalar == null || type == Object.class ? Map.of("type", "string") : scalar;
  }

  private static Map<String, Object> scalar(Class<?> c) {
    if (c == long.class || c == Long.class) {
      return scalar("integer", "int64");
    }
    if (c == int.class || c == Integer.class || c == short.class || c == Short.class
        || c == byte.class || c == Byte.class) {
      return scalar("integer", "int32");
    }
    if (c == double.class || c == Double.class) {
      return scalar("number", "double");
    }
    if (c == float.class || c == Float.class) {
      return scalar("number", "float");
    }
    if (c == boolean.class || c == Boolean.class) {
      return Map.of("type", "boolean");
    }
    if (c == String.class || c == char.class || c == Character.class) {
      return Map.of("type", "string");
    }
    if (c == LocalDate.class) {
      return scalar("string", "date");
    }
    if (c == LocalTime.class) {
      // no "time" format in OpenAPI 3.0's registry; the pattern tells clients what to send
      Map<String, Object> schema = new LinkedHashMap<>(scalar("string", "time"));
      schema.put("pattern", "^\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?$");
      schema.put("example", "18:00:00");
      return schema;
    }
    if (c == Instant.class || c == OffsetDateTime.class || c == LocalDateTime.class) {
      return scalar("string", "date-time");
    }
    if (c == UUID.class) {
      return scalar("string", "uuid");
    }
    return null;
  }

  private static Map<String, Object> scalar(String type, String format) {
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("type", type);
    schema.put("format", format);
    return schema;
  }

  private static Map<String, Object> array(Map<String, Object> items) {
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("type", "array");
    schema.put("items", items);
    return schema;
  }

  private static Map<String, Object> map(Map<String, Object> values) {
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("type", "object");
    schema.put("additionalProperties", values);
    return schema;
  }

  private static Map<String, Object> freeObject() {
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("type", "object");
    schema.put("additionalProperties", true);
    return schema;
  }
}
