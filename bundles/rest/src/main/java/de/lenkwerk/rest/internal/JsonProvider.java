package de.lenkwerk.rest.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import de.lenkwerk.api.DomainException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import javax.ws.rs.Consumes;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.ext.MessageBodyReader;
import javax.ws.rs.ext.MessageBodyWriter;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsMediaType;

/**
 * Reads and writes JSON with one strictly configured mapper: unknown fields and wrong types are
 * refused with a German message naming the field, and bodies above a size limit are refused
 * before they are parsed.
 */
@Component(service = {MessageBodyReader.class, MessageBodyWriter.class}, configurationPid = JsonProvider.PID)
@Designate(ocd = JsonProvider.Config.class)
@JaxrsExtension
@JaxrsMediaType(MediaType.APPLICATION_JSON)
@JaxrsApplicationSelect(LenkwerkApplication.SELECT)
@Consumes({MediaType.APPLICATION_JSON, "application/*+json"})
@Produces({MediaType.APPLICATION_JSON, "application/problem+json", "application/*+json"})
public final class JsonProvider implements MessageBodyReader<Object>, MessageBodyWriter<Object> {

  static final String PID = "de.lenkwerk.rest";
  /** Large enough for any Geschäftsordnung or attendance list, small enough to stop floods. */
  static final int MAX_BODY_KIB = 1024;

  /** Limits of the REST application's JSON bodies. */
  @ObjectClassDefinition(id = PID, name = "Lenkwerk: REST-Schnittstelle")
  public @interface Config {
    @AttributeDefinition(name = "Größter JSON-Inhalt einer Anfrage (KiB)", min = "1",
        description = "Größere Inhalte werden vor dem Lesen mit 413 abgelehnt.")
    int request_body_max_kib() default MAX_BODY_KIB;
  }

  private final ObjectMapper mapper = mapper();
  private final int maxBodyBytes;

  @Activate
  public JsonProvider(Config config) {
    this.maxBodyBytes = Math.max(1, config.request_body_max_kib()) * 1024;
  }

  /** With the default limit (unit tests). */
  JsonProvider() {
    this.maxBodyBytes = MAX_BODY_KIB * 1024;
  }

  static ObjectMapper mapper() {
    JsonMapper mapper = JsonMapper.builder()
        // a record is bound through its canonical constructor, whatever shorter ones it has
        .annotationIntrospector(new CanonicalRecords())
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .addModule(new JavaTimeModule())
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        // 1.5 where a whole number (a rank, an id) is expected is an error, not 1
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        // {"name":"a","name":"b"}: which one counts is not the client's guess to make
        .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        // dates and times only as ISO text: the module would also take [10,0] for 10:00
        .addModule(new com.fasterxml.jackson.databind.module.SimpleModule("lenkwerk-strict-time")
            .addDeserializer(java.time.LocalDate.class, textOnly(java.time.LocalDate.class,
                com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer.INSTANCE))
            .addDeserializer(java.time.LocalTime.class, textOnly(java.time.LocalTime.class,
                com.fasterxml.jackson.datatype.jsr310.deser.LocalTimeDeserializer.INSTANCE))
            .addDeserializer(java.time.Instant.class, textOnly(java.time.Instant.class,
                com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer.INSTANT)))
        .build();
    // "true" where true or false is expected is a client error too
    mapper.coercionConfigFor(LogicalType.Boolean)
        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
    // A number or boolean where text is expected is a client error, not something to guess at.
    mapper.coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    return mapper;
  }

  /**
   * Binds every record through its canonical constructor, its parameters named by the record's
   * components. Why: Jackson may pick a record's shorter convenience constructor instead and
   * drop the other fields silently (an agenda item's proposal, a late item's reason). With this,
   * an API record needs no REST copy with one constructor, and a field added to a record is read
   * as soon as it is declared.
   */
  static final class CanonicalRecords
      extends com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector {
    private static final long serialVersionUID = 1L;

    @Override
    public com.fasterxml.jackson.annotation.JsonCreator.Mode findCreatorAnnotation(
        com.fasterxml.jackson.databind.cfg.MapperConfig<?> config,
        com.fasterxml.jackson.databind.introspect.Annotated annotated) {
      if (annotated instanceof com.fasterxml.jackson.databind.introspect.AnnotatedConstructor
          && canonical((java.lang.reflect.Constructor<?>) annotated.getAnnotated()) != null) {
        return com.fasterxml.jackson.annotation.JsonCreator.Mode.PROPERTIES;
      }
      return super.findCreatorAnnotation(config, annotated);
    }

    @Override
    public String findImplicitPropertyName(
        com.fasterxml.jackson.databind.introspect.AnnotatedMember member) {
      if (member instanceof com.fasterxml.jackson.databind.introspect.AnnotatedParameter) {
        com.fasterxml.jackson.databind.introspect.AnnotatedParameter parameter =
            (com.fasterxml.jackson.databind.introspect.AnnotatedParameter) member;
        if (parameter.getOwner().getAnnotated() instanceof java.lang.reflect.Constructor) {
          java.lang.reflect.RecordComponent[] components =
              canonical((java.lang.reflect.Constructor<?>) parameter.getOwner().getAnnotated());
          if (components != null) {
            return components[parameter.getIndex()].getName();
          }
        }
      }
      return super.findImplicitPropertyName(member);
    }

    /** The record's components when {@code constructor} is its canonical one, else null. */
    private static java.lang.reflect.RecordComponent[] canonical(
        java.lang.reflect.Constructor<?> constructor) {
      Class<?> type = constructor.getDeclaringClass();
      if (!type.isRecord()) {
        return null;
      }
      java.lang.reflect.RecordComponent[] components = type.getRecordComponents();
      Class<?>[] parameters = constructor.getParameterTypes();
      if (parameters.length != components.length) {
        return null;
      }
      for (int i = 0; i < parameters.length; i++) {
        if (parameters[i] != components[i].getType()) {
          return null;
        }
      }
      return components;
    }
  }

  /** A deserializer that accepts only a JSON string and hands it to {@code delegate}. */
  private static <T> com.fasterxml.jackson.databind.JsonDeserializer<T> textOnly(Class<T> type,
      com.fasterxml.jackson.databind.JsonDeserializer<? extends T> delegate) {
    return new com.fasterxml.jackson.databind.deser.std.StdDeserializer<T>(type) {
      private static final long serialVersionUID = 1L;

      @Override
      public T deserialize(com.fasterxml.jackson.core.JsonParser p,
          com.fasterxml.jackson.databind.DeserializationContext ctxt) throws IOException {
        if (!p.hasToken(com.fasterxml.jackson.core.JsonToken.VALUE_STRING)) {
          @SuppressWarnings("unchecked")
          T refused = (T) ctxt.handleUnexpectedToken(type, p);
          return refused;
        }
        return delegate.deserialize(p, ctxt);
      }
    };
  }

  @Override
  public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
    return type != String.class && type != InputStream.class && type != byte[].class;
  }

  @Override
  public Object readFrom(Class<Object> type, Type genericType, Annotation[] annotations,
      MediaType mediaType, MultivaluedMap<String, String> httpHeaders, InputStream entityStream)
      throws IOException {
    byte[] body = entityStream.readNBytes(maxBodyBytes + 1);
    if (body.length > maxBodyBytes) {
      int kib = maxBodyBytes / 1024;
      throw new DomainException(DomainException.Kind.TOO_LARGE, "Der Inhalt der Anfrage ist größer als "
          + (kib % 1024 == 0 ? kib / 1024 + " MiB" : kib + " KiB") + " und wurde nicht angenommen.");
    }
    if (body.length == 0) {
      throw DomainException.invalid("Der Inhalt der Anfrage fehlt: erwartet wird ein JSON-Objekt.");
    }
    try {
      Object value = mapper.readValue(body, mapper.constructType(genericType));
      if (value == null) {
        throw DomainException.invalid("Der Inhalt der Anfrage ist leer (null): erwartet wird ein JSON-Objekt.");
      }
      return value;
    } catch (JsonProcessingException e) {
      throw JsonErrors.toDomain(e);
    }
  }

  @Override
  public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
    return type != String.class && type != byte[].class && !InputStream.class.isAssignableFrom(type);
  }

  @Override
  public void writeTo(Object value, Class<?> type, Type genericType, Annotation[] annotations,
      MediaType mediaType, MultivaluedMap<String, Object> httpHeaders, OutputStream entityStream)
      throws IOException {
    mapper.writeValue(new NonClosingOutputStream(entityStream), value);
  }

  /** Jackson closes the stream it writes to; the container owns it. */
  private static final class NonClosingOutputStream extends java.io.FilterOutputStream {
    NonClosingOutputStream(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      out.flush();
    }
  }
}
