package de.lenkwerk.committee.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.Scope;
import de.lenkwerk.api.committee.ChairTerm;
import de.lenkwerk.api.committee.Committee;
import de.lenkwerk.api.committee.NewChairTerm;
import de.lenkwerk.api.committee.NewPerson;
import de.lenkwerk.api.rules.ChairRules;
import de.lenkwerk.api.rules.RuleSource;
import de.lenkwerk.api.rules.RulesOfProcedure;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Chair terms: recorded with history where the rules are silent (Rheine) or name an office, used
 * by the committee view and its compliance findings; refused where a seat's member chairs.
 */
class ChairTermsTest {

  final Scope rheine = Scope.system("stadt-rheine-c" + CommitteesTest.TENANTS.incrementAndGet());
  final Scope seated = Scope.system("kreis-seat-c" + CommitteesTest.TENANTS.incrementAndGet());
  final Persons persons = new Persons(TestDatabase.WORK, TestDatabase.AUDIT, Clock::systemUTC);
  final RulesOfProcedure bySeat = seatChair(CommitteesTest.as(Kommunen.rheine(), seated.tenant()));
  final ChairTerms chairs = new ChairTerms(TestDatabase.WORK, TestDatabase.directory(
      CommitteesTest.as(Kommunen.rheine(), rheine.tenant()), bySeat), TestDatabase.AUDIT,
      () -> Clock.fixed(Instant.parse("2025-01-10T09:00:00Z"), ZoneId.of("Europe/Berlin")));
  final Committees committees = new Committees(TestDatabase.WORK, TestDatabase.directory(
      CommitteesTest.as(Kommunen.rheine(), rheine.tenant()), bySeat), TestDatabase.AUDIT);

  static RulesOfProcedure seatChair(RulesOfProcedure r) {
    String seat = r.composition().seats().get(0).id();
    ChairRules chair = new ChairRules(new ChairRules.Holder(ChairRules.HolderKind.SEAT, null, seat,
        RuleSource.tenant("§2")), r.chair().deputyChair());
    return new RulesOfProcedure(r.tenant(), r.name(), r.title(), r.composition(), chair,
        r.voting(), r.meetings(), r.minutes(), r.validity());
  }

  long person(Scope tenant, String name) {
    return persons.create(tenant, new NewPerson(name, null, null, null)).id();
  }

  @Test
  void rheineRecordsItsChairWithHistoryAndTheCommitteeNamesThem() {
    long anna = person(rheine, "Anna Amt");
    long bernd = person(rheine, "Bernd Beirat");
    long clara = person(rheine, "Clara Chef");
    LocalDate before = LocalDate.of(2024, 12, 31);
    Committee silent = committees.committee(rheine, before);
    assertNull(silent.chair().id());
    assertTrue(silent.compliance().findings().stream()
        .anyMatch(f -> f.code().equals("CHAIR_NOT_DETERMINED")));

    ChairTerm first = chairs.record(rheine, new NewChairTerm(anna, bernd,
        LocalDate.of(2025, 1, 1)));
    assertEquals("Anna Amt", first.chairName());
    assertEquals("Bernd Beirat", first.deputyChairName());
    assertEquals("system", first.recordedBy());
    chairs.record(rheine, new NewChairTerm(clara, null, LocalDate.of(2025, 7, 1)));

    Committee january = committees.committee(rheine, LocalDate.of(2025, 3, 1));
    assertEquals(anna, january.chair().id());
    assertEquals("Anna Amt", january.chair().name());
    assertEquals(bernd, january.deputyChair().id());
    assertTrue(january.compliance().findings().stream()
        .noneMatch(f -> f.code().equals("CHAIR_NOT_DETERMINED")), january.compliance().toString());
    assertEquals(clara, committees.committee(rheine, LocalDate.of(2025, 7, 1)).chair().id());
    assertTrue(committees.committee(rheine, before).compliance().findings().stream()
        .anyMatch(f -> f.code().equals("CHAIR_NOT_DETERMINED")), "before the first term");

    List<ChairTerm> history = chairs.history(rheine);
    assertEquals(List.of(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 7, 1)),
        history.stream().map(ChairTerm::from).toList());
    assertEquals(clara, chairs.on(rheine, LocalDate.of(2026, 1, 1)).orElseThrow().chair());
    assertTrue(chairs.on(rheine, before).isEmpty());

    assertEquals(DomainException.Kind.CONFLICT, assertThrows(DomainException.class,
        () -> chairs.record(rheine, new NewChairTerm(bernd, null, LocalDate.of(2025, 7, 1))))
        .kind());
    assertEquals(DomainException.Kind.INVALID_INPUT, assertThrows(DomainException.class,
        () -> chairs.record(rheine, new NewChairTerm(anna, anna, LocalDate.of(2025, 9, 1))))
        .kind());
    assertEquals(DomainException.Kind.INVALID_INPUT, assertThrows(DomainException.class,
        () -> chairs.record(rheine, new NewChairTerm(999_999L, null, LocalDate.of(2025, 9, 1))))
        .kind());
    assertEquals(DomainException.Kind.INVALID_INPUT, assertThrows(DomainException.class,
        () -> chairs.record(rheine, new NewChairTerm(anna, null, null))).kind());
    assertEquals(2, chairs.history(rheine).size(), "refusals change nothing");
  }

  @Test
  void whereASeatsMemberChairsNothingIsRecorded() {
    long dora = person(seated, "Dora Sitz");
    DomainException e = assertThrows(DomainException.class, () -> chairs.record(seated,
        new NewChairTerm(dora, null, LocalDate.of(2025, 1, 1))));
    assertEquals(DomainException.Kind.RULE_VIOLATION, e.kind());
    assertTrue(e.detail().contains("nach der Geschäftsordnung (§2)"), e.detail());
    assertTrue(chairs.history(seated).isEmpty());
  }
}
