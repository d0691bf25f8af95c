package de.lenkwerk.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The type of the JSON body a resource method answers with when it builds its own JAX-RS
 * {@code Response} (to set 201 and a Location, or to choose between JSON and PDF): the OpenAPI
 * document derives the answer's schema from it, as it does from a method's return type, so that
 * a generated client gets a typed answer.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AnswerBody {

  /** The record (or other bean) serialised as the success answer's JSON body. */
  Class<?> value();
}
