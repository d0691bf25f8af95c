package de.lenkwerk.itests;

import de.lenkwerk.testsupport.Http;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Pattern;
import javax.inject.Inject;
import javax.sql.DataSource;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;

/**
 * A deterministic (seeded) stream of thousands of malformed requests against every endpoint:
 * broken JSON, wrong types, unknown fields, huge bodies, odd Unicode, injection strings, wrong
 * ids, wrong tenants, wrong content types and bad query parameters. No answer may be a 5xx, every
 * refusal is application/problem+json with a German detail, and no refused request changes a
 * single row (the content of every table is hashed after each write request).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class BadInputIT {

  static final long SEED = Long.getLong("lenkwerk.fuzz.seed", 20261124L);
  static final int REQUESTS = Integer.getInteger("lenkwerk.fuzz.requests", 3000);

  private static final String ST = "/tenants/kreis-steinfurt";
  private static final Pattern ENGLISH = Pattern.compile(
      "Exception|Unrecognized|Cannot |Unexpected character|not allowed|Internal Server|at \\[Source");
  private static final Pattern GERMAN = Pattern.compile(
      "\\b(der|die|das|ist|nicht|Bitte|bitte|ein|eine|gibt|Sie|kein|keine|für|wurde|erwartet)\\b");

  @Inject
  @Filter(value = "(osgi.jndi.service.name=lenkwerk)", timeout = 60_000)
  private DataSource dataSource;

  private final Http http = Http.tenantAdmins();

  @Configuration
  public Option[] config() {
    return LenkwerkContainer.options();
  }

  @Before
  public void platformIsUp() throws InterruptedException {
    http.await("/health", 200, Duration.ofSeconds(90));
    http.await(ST + "/committee", 200, Duration.ofSeconds(60));
  }

  /** A valid template for each endpoint, with real ids where the endpoint needs them. */
  private record Endpoint(String method, String path, String body) {}

  @Test
  public void thousandsOfMalformedRequestsAreRefusedCleanlyAndChangeNothing() throws Exception {
    LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
    JsonNode seats = http.get(ST + "/rules").json().get("seats");
    String seat = seats.get(seats.size() - 1).get("id").asText();
    long person = created(http.post(ST + "/persons", "{\"name\":\"Fuzz Person\"}"));
    long appointment = created(http.post(ST + "/appointments", "{\"seat\":\"" + seat + "\",\"person\":"
        + person + ",\"role\":\"MEMBER\",\"from\":\"2021-07-01\",\"appointedBy\":"
        + Http.JSON.writeValueAsString(seats.get(seats.size() - 1).get("institution").asText()) + "}"));
    long meeting = created(http.post(ST + "/meetings", "{\"date\":\"" + today.minusDays(3)
        + "\",\"start\":\"10:00\",\"end\":\"12:00\",\"kind\":\"EXTRA\"}"));
    long item = created(http.post(ST + "/meetings/" + meeting + "/agenda-items",
        "{\"title\":\"Fuzz\",\"explanation\":\"x\",\"submittedBy\":" + person + "}"));
    String m = "/meetings/" + meeting;

    List<Endpoint> endpoints = List.of(
        new Endpoint("GET", "/health", null),
        new Endpoint("GET", "/tenants", null),
        new Endpoint("GET", "/tenants/{t}/rules", null),
        new Endpoint("GET", "/openapi.json", null),
        new Endpoint("GET", "/tenants/{t}/persons", null),
        new Endpoint("GET", "/tenants/{t}/persons/{id:" + person + "}", null),
        new Endpoint("POST", "/tenants/{t}/persons",
            "{\"name\":\"Neu\",\"function\":\"f\",\"institution\":\"i\",\"email\":\"a@b.de\"}"),
        new Endpoint("GET", "/tenants/{t}/appointments", null),
        new Endpoint("GET", "/tenants/{t}/appointments/{id:" + appointment + "}", null),
        new Endpoint("POST", "/tenants/{t}/appointments", "{\"seat\":\"" + seat + "\",\"person\":" + person
            + ",\"role\":\"DEPUTY\",\"rank\":1,\"from\":\"2021-07-01\",\"until\":\"2021-12-31\","
            + "\"appointedBy\":\"X\",\"decisionReference\":\"V 1\"}"),
        new Endpoint("POST", "/tenants/{t}/appointments/{id:" + appointment + "}/end", "{\"on\":\"2020-01-01\"}"),
        new Endpoint("GET", "/tenants/{t}/committee?on={q:2022-06-01}", null),
        new Endpoint("GET", "/tenants/{t}/compliance?year={q:2024}", null),
        new Endpoint("POST", "/tenants/{t}/meetings",
            "{\"date\":\"2031-02-03\",\"start\":\"10:00\",\"end\":\"09:00\",\"kind\":\"REGULAR\",\"public\":true}"),
        new Endpoint("GET", "/tenants/{t}/meetings?year={q:2024}", null),
        new Endpoint("GET", "/tenants/{t}/meetings/{id:" + meeting + "}", null),
        new Endpoint("POST", "/tenants/{t}/meetings/{id:" + meeting + "}/agenda-items",
            "{\"title\":\"T\",\"explanation\":\"E\",\"submittedBy\":999999999,\"reference\":{\"kind\":\"PAPER\",\"label\":\"L\"}}"),
        new Endpoint("PUT", "/tenants/{t}/meetings/{id:" + meeting + "}/agenda", "{\"items\":[999999999]}"),
        new Endpoint("PUT", "/tenants/{t}/meetings/{id:" + meeting + "}/attendance",
            "{\"present\":[999999999],\"guests\":[\"Gast\"]}"),
        new Endpoint("GET", "/tenants/{t}/meetings/{id:" + meeting + "}/attendance", null),
        new Endpoint("GET", "/tenants/{t}/meetings/{id:" + meeting + "}/quorum", null),
        new Endpoint("PUT", "/tenants/{t}/meetings/{id:" + meeting + "}/attendance",
            "{\"persons\":[{\"person\":999999999,\"status\":\"EXCUSED\"}],\"guestList\":[{\"name\":"
            + "\"Gast\",\"institution\":\"Uni\",\"kind\":\"EXPERT\"}]}"),
        new Endpoint("GET", "/tenants/{t}/meetings/{id:" + meeting + "}/agenda-items/{id:" + item + "}/quorum", null),
        new Endpoint("POST", "/tenants/{t}/meetings/{id:" + meeting + "}/agenda-items/{id:" + item
            + "}/decision/corrections", "{\"text\":\"T\",\"reason\":\"R\"}"),
        new Endpoint("POST", "/tenants/{t}/meetings/{id:" + meeting + "}/agenda-items/{id:" + item + "}/decision",
            "{\"mode\":\"VOTE\",\"yes\":1,\"no\":0,\"abstain\":0,\"votes\":[{\"seat\":\"" + seat + "\",\"vote\":\"YES\"}]}"),
        new Endpoint("GET", "/tenants/{t}/meetings/{id:" + meeting + "}/minutes", null),
        new Endpoint("PUT", "/tenants/{t}/meetings/{id:" + meeting + "}/minutes", "{\"text\":null}"),
        new Endpoint("POST", "/tenants/{t}/meetings/{id:" + meeting + "}/minutes/release", "{\"sentOn\":\"1999-01-01\"}"),
        new Endpoint("POST", "/tenants/{t}/meetings/{id:" + meeting + "}/minutes/objections",
            "{\"by\":999999999,\"receivedOn\":\"1999-01-01\",\"text\":\"Einspruch\"}"));

    // The client creates each tenant's admin on first use, a write of its own (also for a tenant
    // still to be deployed, such as "gibt-es-nicht"): do that for every tenant id the fuzzer uses
    // before the first snapshot, so that only the fuzzed requests are compared.
    for (String tenant : Fuzzer.TENANTS) {
      http.request("GET", "/tenants/" + Fuzzer.segment(tenant) + "/rules", null, null);
    }
    assertEquals(200, http.get("/tenants/kreis-steinfurt/rules").status());
    Random random = new Random(SEED);
    Fuzzer fuzz = new Fuzzer(random);
    String state = snapshot();
    int refused = 0;
    int accepted = 0;
    int writes = 0;
    int jettyRefusals = 0;
    Map<Integer, Integer> statuses = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    long started = System.nanoTime();
    for (int n = 0; n < REQUESTS; n++) {
      Endpoint e = endpoints.get(random.nextInt(endpoints.size()));
      String method = random.nextInt(40) == 0 ? fuzz.method() : e.method();
      String path = fuzz.path(e.path());
      boolean mutateBody = e.body() != null || random.nextInt(8) == 0;
      byte[] body = mutateBody ? fuzz.body(e.body() == null ? "{}" : e.body()) : null;
      String contentType = body == null ? null : fuzz.contentType();
      String label = "#" + n + " " + method + " " + path + " [" + contentType + "] "
          + (body == null ? "" : abbreviate(new String(body, StandardCharsets.UTF_8)));
      Http.Reply reply;
      try {
        reply = http.request(method, path, contentType, body);
      } catch (RuntimeException ex) {
        if (path.contains("%00")) {
          jettyRefusals++; // Jetty answered 400 to the request line and closed while the body was sent
        } else {
          failures.add(label + " -> no answer: " + ex);
        }
        continue;
      }
      statuses.merge(reply.status(), 1, Integer::sum);
      boolean write = !"GET".equals(method) && !"HEAD".equals(method) && !"OPTIONS".equals(method);
      if (reply.status() >= 500) {
        failures.add(label + " -> " + abbreviate(reply.toString()));
      } else if (reply.status() >= 400) {
        refused++;
        String problem = "HEAD".equals(method) ? headError(reply) : problemError(reply);
        if (problem != null) {
          failures.add(label + " -> " + problem + ": " + abbreviate(reply.toString()));
        } else if (path.contains("%00")) {
          // Jetty refuses a NUL byte in the path before any application code runs; its error
          // handler (de.lenkwerk.jetty.errors) answers with problem+json too
          jettyRefusals++;
        }
      } else {
        accepted++;
      }
      if (write) {
        writes++;
        String after = snapshot();
        if (reply.status() >= 400 && !after.equals(state)) {
          failures.add(label + " -> refused with " + reply.status() + " but changed the database");
        }
        state = after;
      }
      if (failures.size() > 20) {
        break;
      }
    }
    long millis = (System.nanoTime() - started) / 1_000_000;
    System.out.println("BadInputIT: seed " + SEED + ", " + REQUESTS + " requests (" + writes
        + " writes) in " + millis + " ms, refused " + refused + ", accepted " + accepted
        + ", statuses " + statuses + ", refused by Jetty before routing (NUL in path): " + jettyRefusals);
    assertTrue("failures (seed " + SEED + "):\n" + String.join("\n", failures), failures.isEmpty());
    assertTrue("most requests are refused: " + statuses, refused > REQUESTS / 2);
  }

  /** A refused HEAD has no body by definition: only the content type of the problem is checked. */
  private static String headError(Http.Reply reply) {
    return reply.contentType() != null && reply.contentType().startsWith("application/problem+json")
        ? null : "HEAD refusal not problem+json";
  }

  /** Null when the refusal is a German problem+json, otherwise what is wrong with it. */
  private static String problemError(Http.Reply reply) {
    if (reply.contentType() == null || !reply.contentType().startsWith("application/problem+json")) {
      return "not problem+json";
    }
    JsonNode json;
    try {
      json = reply.json();
    } catch (AssertionError e) {
      return "problem is not JSON";
    }
    if (json == null || !json.hasNonNull("detail") || json.get("status").asInt() != reply.status()) {
      return "problem without detail or status";
    }
    String detail = json.get("detail").asText();
    if (detail.length() < 15 || ENGLISH.matcher(detail).find() || !GERMAN.matcher(detail).find()) {
      return "detail is not plain German";
    }
    return null;
  }

  /** Every row of every Lenkwerk table (but the id generator), hashed. */
  private String snapshot() throws Exception {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    try (Connection c = dataSource.getConnection()) {
      DatabaseMetaData meta = c.getMetaData();
      List<String> tables = new ArrayList<>();
      try (ResultSet r = meta.getTables(null, null, "LW_%", new String[] {"TABLE"})) {
        while (r.next()) {
          if (!"LW_ID".equals(r.getString("TABLE_NAME"))) {
            tables.add(r.getString("TABLE_SCHEM") + "." + r.getString("TABLE_NAME"));
          }
        }
      }
      tables.sort(null);
      for (String table : tables) {
        digest.update(table.getBytes(StandardCharsets.UTF_8));
        List<String> rows = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT * FROM " + table);
            ResultSet r = s.executeQuery()) {
          ResultSetMetaData columns = r.getMetaData();
          while (r.next()) {
            StringBuilder row = new StringBuilder();
            for (int i = 1; i <= columns.getColumnCount(); i++) {
              Object value = r.getObject(i);
              if (value instanceof java.sql.Clob clob) {
                value = clob.getSubString(1, (int) clob.length());
              } else if (value instanceof java.sql.Blob blob) {
                value = HexFormat.of().formatHex(blob.getBytes(1, (int) blob.length()));
              } else if (value instanceof byte[] bytes) {
                value = HexFormat.of().formatHex(bytes);
              }
              row.append(columns.getColumnName(i)).append('=').append(value).append('\u0000');
            }
            rows.add(row.toString());
          }
        }
        rows.sort(null);
        for (String row : rows) {
          digest.update(row.getBytes(StandardCharsets.UTF_8));
        }
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private long created(Http.Reply reply) {
    assertEquals(reply.toString(), 201, reply.status());
    return reply.json().get("id").asLong();
  }

  private static String abbreviate(String s) {
    return s.length() > 300 ? s.substring(0, 300) + "…(" + s.length() + ")" : s;
  }

  /** The generator: every choice comes from the seeded random, so a failure can be replayed. */
  static final class Fuzzer {

    static final String[] ODD = {
        "", " ", "\u0000", "\u202Eevil", "\u200B\u200D", "ｆｕｌｌｗｉｄｔｈ", "😀👩‍👩‍👧", "Ä̈̈̈",
        "\uFEFF", "\\ud800", "\r\n", "\t", "%00", "%ZZ", "..", "../../etc/passwd",
        "' OR '1'='1", "1; DROP TABLE LW_PERSON; --", "\" OR \"\"=\"", "<script>alert(1)</script>",
        "${jndi:ldap://127.0.0.1/x}", "{{7*7}}", "$(reboot)", "null", "NaN", "-0", "1e309",
        "99999999999999999999999", "-1", "0", "0x10", "true", "[]", "{}", "\\", "\"", "Ω≈ç√∫",
        "ﷺ", "𝕳𝖊𝖑𝖑𝖔", "a".repeat(300)};
    static final String[] BAD_JSON = {
        "", "{", "}", "{\"a\":", "[", "null", "true", "42", "\"text\"", "{\"a\":1,}", "{'a':1}",
        "{\"a\":1}}", "{\"a\" 1}", "\u0000\u0001", "{\"a\":\"\\uZZZZ\"}", "{\"a\":01}",
        "{\"a\":NaN}", "{\"a\":[1,2,}", "<xml/>", "a=1&b=2", "{\"a\":1}{\"b\":2}"};
    static final String[] WRONG_VALUES = {
        "null", "true", "false", "0", "-1", "1.5", "1e400", "99999999999999999999", "\"\"",
        "\"x\"", "\"2024-02-30\"", "\"25:61\"", "\"MEMBER\"", "[]", "[1,\"a\"]", "{}",
        "{\"nested\":{\"deep\":[[[[[]]]]]}}", "\"' OR 1=1 --\"", "\"\\u0000\"", "\"\\ud800\""};
    static final String[] CONTENT_TYPES = {
        "application/json", "application/json", "application/json; charset=UTF-8",
        "application/json; charset=ISO-8859-1", "text/plain", "application/xml",
        "application/x-www-form-urlencoded", "application/problem+json", "*/*", "application/json;;;",
        "multipart/form-data; boundary=x"};
    static final String[] METHODS = {"GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD"};
    static final String[] TENANTS = {
        "kreis-steinfurt", "kreis-steinfurt", "kreis-steinfurt", "stadt-rheine", "kreis-kleve",
        "gibt-es-nicht", "KREIS-STEINFURT", "kreis-steinfurt ", "a".repeat(200), "ä-ö-ü", "-", "..",
        "kreis%2Fsteinfurt", "kreis-steinfurt;x=1", "%00", "😀"};
    static final String[] IDS = {"0", "-1", "999999999", "9223372036854775807",
        "9223372036854775808", "1.5", "abc", "1e3", "0x1F", " 1", "%20", "😀", "null", "' OR 1=1"};

    private final Random random;

    Fuzzer(Random random) {
      this.random = random;
    }

    String method() {
      return METHODS[random.nextInt(METHODS.length)];
    }

    String contentType() {
      return random.nextInt(20) == 0 ? null : CONTENT_TYPES[random.nextInt(CONTENT_TYPES.length)];
    }

    /** Fills the template's placeholders: mostly valid, often wrong. */
    String path(String template) {
      StringBuilder out = new StringBuilder();
      int i = 0;
      while (i < template.length()) {
        int open = template.indexOf('{', i);
        if (open < 0) {
          out.append(template.substring(i));
          break;
        }
        out.append(template, i, open);
        int close = template.indexOf('}', open);
        String placeholder = template.substring(open + 1, close);
        out.append(fill(placeholder));
        i = close + 1;
      }
      if (random.nextInt(30) == 0) {
        out.append(random.nextBoolean() ? "/extra" : "/");
      }
      return out.toString();
    }

    private String fill(String placeholder) {
      if (placeholder.equals("t")) {
        // mostly the tenant whose ids the templates carry, so that most requests reach validation
        return random.nextInt(10) < 6 ? "kreis-steinfurt" : segment(TENANTS[random.nextInt(TENANTS.length)]);
      }
      String valid = placeholder.substring(placeholder.indexOf(':') + 1);
      boolean query = placeholder.startsWith("q:");
      int dice = random.nextInt(10);
      if (dice < 4) {
        return valid;
      }
      String wrong = dice < 7 ? (query ? ODD[random.nextInt(ODD.length)] : IDS[random.nextInt(IDS.length)])
          : ODD[random.nextInt(ODD.length)];
      return query ? URLEncoder.encode(wrong, StandardCharsets.UTF_8) : segment(wrong);
    }

    /** A path segment, percent-encoded as a client library would (no raw '/' or '?'). */
    static String segment(String value) {
      if (value.matches("[A-Za-z0-9._~-]+|%[0-9A-F]{2}.*")) {
        return value;
      }
      return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    byte[] body(String valid) {
      int dice = random.nextInt(100);
      String text;
      if (dice < 15) {
        text = BAD_JSON[random.nextInt(BAD_JSON.length)];
      } else if (dice < 25) {
        text = valid.substring(0, random.nextInt(Math.max(1, valid.length())));
      } else if (dice < 60) {
        text = replaceValue(valid, WRONG_VALUES[random.nextInt(WRONG_VALUES.length)]);
      } else if (dice < 70) {
        text = replaceValue(valid, quote(ODD[random.nextInt(ODD.length)]));
      } else if (dice < 78) {
        text = valid.substring(0, valid.length() - 1) + ",\"" + ODD[random.nextInt(ODD.length)]
            .replace("\"", "").replace("\\", "") + "x\":1}";
      } else if (dice < 82) {
        // a huge body: above the 1 MiB limit, or a huge string value just below it
        String big = "x".repeat(random.nextBoolean() ? 1_100_000 : 200_000);
        text = replaceValue(valid, "\"" + big + "\"");
      } else if (dice < 85) {
        text = "[" + "[".repeat(5000) + "]".repeat(5000) + "]";
      } else if (dice < 90) {
        byte[] bytes = valid.getBytes(StandardCharsets.UTF_8);
        byte[] broken = bytes.clone();
        for (int k = 0; k < 1 + random.nextInt(4) && broken.length > 0; k++) {
          broken[random.nextInt(broken.length)] = (byte) (0x80 + random.nextInt(0x80));
        }
        return broken;
      } else if (dice < 95) {
        text = removeField(valid);
      } else {
        text = valid.replace("{", "{\"" + "a".repeat(10) + "\":" + valid + ",");
      }
      return text.getBytes(StandardCharsets.UTF_8);
    }

    private String replaceValue(String json, String value) {
      List<int[]> spots = new ArrayList<>();
      for (int i = json.indexOf("\":"); i >= 0; i = json.indexOf("\":", i + 1)) {
        int start = i + 2;
        int end = valueEnd(json, start);
        spots.add(new int[] {start, end});
      }
      if (spots.isEmpty()) {
        return json;
      }
      int[] spot = spots.get(random.nextInt(spots.size()));
      return json.substring(0, spot[0]) + value + json.substring(spot[1]);
    }

    private String removeField(String json) {
      List<int[]> spots = new ArrayList<>();
      for (int i = json.indexOf("{\""); i >= 0; i = json.indexOf(",\"", i + 1)) {
        int colon = json.indexOf("\":", i);
        if (colon < 0) {
          break;
        }
        spots.add(new int[] {i + 1, valueEnd(json, colon + 2)});
        if (json.indexOf(",\"", i + 1) < 0) {
          break;
        }
      }
      if (spots.isEmpty()) {
        return json;
      }
      int[] spot = spots.get(random.nextInt(spots.size()));
      String cut = json.substring(0, spot[0]) + json.substring(spot[1]);
      return cut.replace("{,", "{").replace(",}", "}").replace(",,", ",");
    }

    private static int valueEnd(String json, int start) {
      int depth = 0;
      boolean string = false;
      for (int i = start; i < json.length(); i++) {
        char c = json.charAt(i);
        if (string) {
          if (c == '\\') {
            i++;
          } else if (c == '"') {
            string = false;
          }
        } else if (c == '"') {
          string = true;
        } else if (c == '{' || c == '[') {
          depth++;
        } else if (c == '}' || c == ']') {
          if (depth == 0) {
            return i;
          }
          depth--;
        } else if (c == ',' && depth == 0) {
          return i;
        }
      }
      return json.length();
    }

    private static String quote(String s) {
      try {
        return Http.JSON.writeValueAsString(s);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
