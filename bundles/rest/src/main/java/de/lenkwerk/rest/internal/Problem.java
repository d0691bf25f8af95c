package de.lenkwerk.rest.internal;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An RFC 9457 problem document; {@code detail} is German and tells the caller what to do. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String rule) {

  static final String MEDIA_TYPE = "application/problem+json";
}
