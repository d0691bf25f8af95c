package de.lenkwerk.testsupport;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the tests expect of an answer, in one place (each test class had its own copy): the status
 * and the body it carries. Failures are {@link AssertionError}s with the whole answer, as JUnit's
 * would be; the module does not depend on a JUnit version (Pax Exam runs JUnit 4, the rest 5).
 */
public final class Replies {

  /** A word every German sentence of the catalogue has: a {@code detail} a person can act on. */
  private static final String GERMAN = "(?is).*\\b(der|die|das|ist|nicht|bitte|kein|keine|wird|werden)\\b.*";

  private Replies() {}

  /** 201 Created; its body. */
  public static JsonNode created(Http.Reply reply) {
    expect(reply, 201);
    return reply.json();
  }

  /** 200 OK; its body. */
  public static JsonNode ok(Http.Reply reply) {
    expect(reply, 200);
    return reply.json();
  }

  /** A problem+json answer with this status that repeats it and explains it in German. */
  public static void assertProblem(Http.Reply reply, int status) {
    expect(reply, status);
    if (reply.contentType() == null || !reply.contentType().startsWith("application/problem+json")) {
      throw new AssertionError("not problem+json: " + reply);
    }
    if (reply.json().path("status").asInt() != status) {
      throw new AssertionError("the body does not repeat the status " + status + ": " + reply);
    }
    assertGermanDetail(reply);
  }

  /** The answer's {@code detail} is a German sentence (not a length, not an exception's text). */
  public static void assertGermanDetail(Http.Reply reply) {
    JsonNode json = reply.json();
    if (json == null || !json.path("detail").asText().matches(GERMAN)) {
      throw new AssertionError("no German detail: " + reply);
    }
  }

  /** A string as a JSON string literal, for building request bodies. */
  public static String quote(String text) {
    return Json.quote(text);
  }

  private static void expect(Http.Reply reply, int status) {
    if (reply.status() != status) {
      throw new AssertionError("expected " + status + ": " + reply);
    }
  }
}
