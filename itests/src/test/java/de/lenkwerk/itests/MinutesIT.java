package de.lenkwerk.itests;

import de.lenkwerk.testsupport.Http;
import static de.lenkwerk.testsupport.Replies.assertProblem;
import static de.lenkwerk.testsupport.Replies.created;
import static de.lenkwerk.testsupport.Replies.ok;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import javax.inject.Inject;
import javax.sql.DataSource;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;

/**
 * The minutes part of a year of Stadt Rheine over HTTP (Derby; PostgreSQL in the postgresql
 * profile): the chair recorded where the Vorlage is silent and named by the committee view, an
 * item added late by the Geschäftsstelle, the draft built from the record, released, objected to
 * and amended with both versions kept (each with who released it and when), the approval by a
 * decision refused where silence approves, and the released text unchanged in the database.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class MinutesIT {

  private static final String RH = "/tenants/stadt-rheine";
  private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Berlin"));

  @Inject
  @Filter(value = "(osgi.jndi.service.name=lenkwerk)", timeout = 60_000)
  private DataSource dataSource;

  private final Http http = Http.tenantAdmins();

  @Configuration
  public Option[] config() {
    return LenkwerkContainer.options();
  }

  @Test
  public void minutesObjectedToAndAmendedKeepBothVersions() throws Exception {
    http.await("/health", 200, Duration.ofSeconds(90));
    http.await(RH + "/committee", 200, Duration.ofSeconds(60));

    // every seat of Rheine's Vorlage gets a member
    List<Long> members = new ArrayList<>();
    for (JsonNode seat : ok(http.get(RH + "/rules")).get("seats")) {
      String id = seat.get("id").asText();
      long person = created(http.post(RH + "/persons", "{\"name\":\"Mitglied " + id + "\"}"))
          .get("id").asLong();
      created(http.post(RH + "/appointments", "{\"seat\":\"" + id + "\",\"person\":" + person
          + ",\"role\":\"MEMBER\",\"from\":\"2021-07-01\",\"appointedBy\":\""
          + (seat.hasNonNull("appointedBy") ? seat.get("appointedBy").asText() : "Stadt Rheine")
          + "\"}"));
      if (seat.get("voting").asBoolean()) {
        members.add(person);
      }
    }
    JsonNode submission = ok(http.get(RH + "/rules")).get("meetings").get("submissionDeadline");
    assertEquals(submission.toString(), "DEFAULT", submission.get("source").get("kind").asText());

    // the Vorlage is silent on the chair: the committee asks for it until it is recorded
    assertTrue(ok(http.get(RH + "/committee")).toString().contains("CHAIR_NOT_DETERMINED"));
    JsonNode chair = ok(http.put(RH + "/chair", "{\"chair\":" + members.get(0)
        + ",\"deputyChair\":" + members.get(1) + ",\"from\":\"2022-01-01\"}"));
    assertEquals(members.get(0).longValue(), chair.get("chair").asLong());
    assertProblem(http.put(RH + "/chair", "{\"chair\":" + members.get(0) + ",\"deputyChair\":"
        + members.get(0) + ",\"from\":\"2023-01-01\"}"), 400);
    JsonNode chairs = ok(http.get(RH + "/chair"));
    assertEquals(1, chairs.get("history").size());
    assertEquals(members.get(0).longValue(), chairs.get("current").get("chair").asLong());
    JsonNode committee = ok(http.get(RH + "/committee"));
    assertEquals(members.get(0).longValue(), committee.get("chair").get("id").asLong());
    assertTrue(committee.toString(), !committee.toString().contains("CHAIR_NOT_DETERMINED"));

    // a meeting three weeks ago; the Geschäftsstelle adds an item late, with its reason
    LocalDate day = TODAY.minusDays(21);
    long id = created(http.post(RH + "/meetings", "{\"date\":\"" + day + "\",\"kind\":\"REGULAR\","
        + "\"location\":\"Rathaus, Raum 101\"}")).get("id").asLong();
    String m = RH + "/meetings/" + id;
    JsonNode item = created(http.post(m + "/agenda-items", "{\"title\":\"Sprachkurse\","
        + "\"explanation\":\"Angebot 2026\",\"submittedBy\":" + members.get(2) + ",\"proposal\":"
        + "\"Die Lenkungsgruppe empfiehlt die Ausweitung.\",\"lateReason\":\"Förderfrist\"}"));
    assertTrue(item.toString(), item.get("addedLate").asBoolean());
    assertEquals("Förderfrist", item.get("lateReason").asText());
    ok(http.put(m + "/agenda", "{\"items\":[" + item.get("id").asLong() + "]}"));
    StringBuilder present = new StringBuilder();
    for (int i = 0; i < members.size() - 1; i++) {
      present.append(i == 0 ? "" : ",").append(members.get(i));
    }
    ok(http.put(m + "/attendance", "{\"present\":[" + present + "],\"guests\":[\"Dr. Gast\"]}"));
    created(http.post(m + "/agenda-items/" + item.get("id").asLong() + "/decision",
        "{\"mode\":\"VOTE\",\"yes\":9,\"no\":2,\"abstain\":1}"));

    // the draft from the record, released, objected to, amended and released again
    JsonNode draft = ok(http.post(m + "/minutes/draft", ""));
    String text = draft.get("text").asText();
    assertEquals("DRAFT", draft.get("status").asText());
    assertTrue(text, text.contains("Ort: Rathaus, Raum 101"));
    assertTrue(text, text.contains("TOP 1: Sprachkurse"));
    assertTrue(text, text.contains("Beschluss: Die Lenkungsgruppe empfiehlt die Ausweitung."));
    assertTrue(text, text.contains("(9 Ja, 2 Nein, 1 Enthaltungen)"));
    assertTrue(text, text.contains("Gäste:\n- Dr. Gast"));
    assertEquals(0, ok(http.get(m + "/minutes/versions")).size());
    JsonNode first = ok(http.post(m + "/minutes/release", "{\"sentOn\":\"" + TODAY.minusDays(5)
        + "\"}"));
    assertEquals(1, first.get("currentVersion").get("version").asInt());
    assertTrue(first.toString(), first.get("currentVersion").get("releasedBy").hasNonNull("name"));
    created(http.post(m + "/minutes/objections", "{\"by\":" + members.get(3) + ",\"receivedOn\":\""
        + TODAY.minusDays(2) + "\",\"text\":\"TOP 1: bitte den Träger nennen\"}"));
    ok(http.put(m + "/minutes", "{\"text\":" + Http.JSON.writeValueAsString(text
        + "\nTräger: Volkshochschule Rheine") + "}"));
    assertEquals(text, ok(http.get(m + "/minutes")).get("currentVersion").get("text").asText());
    JsonNode second = ok(http.post(m + "/minutes/release", "{\"sentOn\":\"" + TODAY + "\"}"));
    assertEquals("RELEASED", second.get("status").asText());
    assertEquals(2, second.get("currentVersion").get("version").asInt());

    JsonNode versions = ok(http.get(m + "/minutes/versions"));
    assertEquals(versions.toString(), 2, versions.size());
    assertEquals(text, versions.get(0).get("text").asText());
    assertEquals(TODAY.minusDays(5).toString(), versions.get(0).get("sentOn").asText());
    assertTrue(versions.get(1).get("text").asText().endsWith("Träger: Volkshochschule Rheine"));
    for (JsonNode v : versions) {
      assertTrue(v.toString(), v.hasNonNull("releasedAt") && v.get("releasedBy").hasNonNull("user"));
    }
    // silence approves under the KIM default: an approval by decision is refused
    assertProblem(http.post(m + "/minutes/approve", "{\"meeting\":" + id + ",\"item\":"
        + item.get("id").asLong() + "}"), 422);

    // the first version's text is in the database unchanged, tagged with the tenant
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT VERSION_TEXT, TENANT_ID FROM "
            + "LW_MINUTES_VERSION WHERE MEETING_ID = ? ORDER BY VERSION_NO")) {
      s.setLong(1, id);
      try (ResultSet row = s.executeQuery()) {
        assertTrue(row.next());
        assertEquals(text, row.getString(1));
        assertEquals("stadt-rheine", row.getString(2));
        assertTrue(row.next());
      }
    }
  }
}
