package de.lenkwerk.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.procedure.NewAgendaItem;
import de.lenkwerk.api.procedure.NewObjection;
import de.lenkwerk.api.security.Caller;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ActingPersonTest {

  private static final Caller MEMBER = new Caller("m.muster", "kreis-steinfurt", Set.of("member"), 17L);
  private static final Caller UNLINKED = new Caller("m.neu", "kreis-steinfurt", Set.of("member"));
  private static final Caller CHAIR = new Caller("vorsitz", "kreis-steinfurt", Set.of("chair"), 5L);
  private static final Caller SECRETARIAT = new Caller("ga", "kreis-steinfurt", Set.of("tenant-admin"), 3L);

  private static NewAgendaItem item(Long by) {
    return new NewAgendaItem("Bericht", "Erläuterung", by, null);
  }

  @Test
  void theKindAndProposalOfAnItemSurviveTheFilling() {
    NewAgendaItem report = new NewAgendaItem("Bericht", "Erläuterung", null, null,
        de.lenkwerk.api.procedure.AgendaItemKind.INFORMATION, "Vorschlag", "eilbedürftig");
    NewAgendaItem filled = (NewAgendaItem) ActingPerson.apply(MEMBER, report);
    assertEquals(de.lenkwerk.api.procedure.AgendaItemKind.INFORMATION, filled.kind());
    assertEquals("Vorschlag", filled.proposal());
    assertEquals("eilbedürftig", filled.lateReason(), "every field survives, not just the known ones");
  }

  @Test
  void aMemberSubmitsAsItsOwnPersonAndOnlyAsThat() {
    assertEquals(17L, ((NewAgendaItem) ActingPerson.apply(MEMBER, item(null))).submittedBy());
    assertEquals(17L, ((NewAgendaItem) ActingPerson.apply(MEMBER, item(17L))).submittedBy());
    DomainException other = assertThrows(DomainException.class, () -> ActingPerson.apply(MEMBER, item(18L)));
    assertEquals(403, other.kind().status());
    assertTrue(other.detail().contains("eigenen Namen"), other.detail());
    assertThrows(DomainException.class, () -> ActingPerson.apply(CHAIR, item(17L)), "a chair neither");
    NewObjection objection = (NewObjection) ActingPerson.apply(MEMBER,
        new NewObjection(null, LocalDate.of(2026, 12, 1), "Bitte ändern"));
    assertEquals(17L, objection.by());
    assertThrows(DomainException.class, () -> ActingPerson.apply(MEMBER, new NewObjection(18L, null, "x")));
  }

  @Test
  void aMemberWithoutPersonSubmitsNothing() {
    DomainException e = assertThrows(DomainException.class, () -> ActingPerson.apply(UNLINKED, item(null)));
    assertEquals(409, e.kind().status());
    assertTrue(e.detail().contains("keiner Person"), e.detail());
  }

  @Test
  void theSecretariatRecordsForOthersOrInItsOwnName() {
    assertEquals(18L, ((NewAgendaItem) ActingPerson.apply(SECRETARIAT, item(18L))).submittedBy());
    assertEquals(3L, ((NewAgendaItem) ActingPerson.apply(SECRETARIAT, item(null))).submittedBy());
    Object other = "anything else";
    assertSame(other, ActingPerson.apply(MEMBER, other));
  }
}
