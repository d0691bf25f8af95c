package de.lenkwerk.documents.internal;

import de.lenkwerk.api.committee.ChairHolder;
import de.lenkwerk.api.committee.Committee;
import de.lenkwerk.api.committee.Compliance;
import de.lenkwerk.api.committee.SeatComposition;
import de.lenkwerk.api.committee.SeatHolder;
import de.lenkwerk.api.procedure.AgendaItem;
import de.lenkwerk.api.procedure.AgendaItemStatus;
import de.lenkwerk.api.procedure.AgendaReference;
import de.lenkwerk.api.procedure.Attendance;
import de.lenkwerk.api.procedure.Attendee;
import de.lenkwerk.api.procedure.Decision;
import de.lenkwerk.api.procedure.DecisionMode;
import de.lenkwerk.api.procedure.Meeting;
import de.lenkwerk.api.procedure.MeetingKind;
import de.lenkwerk.api.procedure.Minutes;
import de.lenkwerk.api.procedure.MinutesStatus;
import de.lenkwerk.api.procedure.Representation;
import de.lenkwerk.api.rules.Role;
import de.lenkwerk.api.rules.RuleSource;
import de.lenkwerk.api.rules.RulesOfProcedure;
import de.lenkwerk.api.rules.Seat;
import de.lenkwerk.rules.RulesDocument;
import de.lenkwerk.spi.DecisionResult.Outcome;
import de.lenkwerk.spi.Tally;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A Kreis Steinfurt meeting as the services return it: the seed Geschäftsordnung read by the real
 * reader, every seat held by a member and a deputy with umlauts in their names, two TOPs (a vote
 * and a consensus), attendance with a deputy and a guest, released minutes.
 */
final class SteinfurtMeeting {

  static final LocalDate DAY = LocalDate.of(2026, 3, 12);

  private SteinfurtMeeting() {}

  static RulesOfProcedure rules() {
    Path seed = Path.of("../../tenant-configs/kreis-steinfurt/src/main/resources/OSGI-INF/lenkwerk/"
        + "geschaeftsordnung.yaml");
    try {
      RulesDocument.Result read = RulesDocument.read(Files.readAllBytes(seed), seed.toString());
      if (!read.valid()) {
        throw new IllegalStateException(read.summary());
      }
      return read.rules();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static MeetingFacts facts(boolean released) {
    RulesOfProcedure rules = rules();
    List<SeatComposition> seats = new ArrayList<>();
    List<Representation> represented = new ArrayList<>();
    List<Representation> advisory = new ArrayList<>();
    List<Attendee> attendees = new ArrayList<>();
    long id = 100;
    int n = 0;
    for (Seat seat : rules.composition().seats()) {
      n++;
      SeatHolder member = new SeatHolder(id++, "Jürgen Müller-" + n, null, id);
      SeatHolder deputy = new SeatHolder(id++, "Änne Öztürk-" + n, 1, id);
      seats.add(new SeatComposition(seat.id(), seat.institution(), seat.group(), seat.voting(),
          seat.standing(), List.of(member), List.of(deputy), false));
      boolean byDeputy = n == 2;
      SeatHolder present = byDeputy ? deputy : member;
      Representation r = new Representation(seat.id(), seat.institution(), seat.voting(),
          byDeputy ? Representation.By.DEPUTY : Representation.By.MEMBER, present.id(),
          present.name(), present.rank(), seat.voting() ? 1 : 0);
      (seat.voting() ? represented : advisory).add(r);
    }
    ChairHolder chair = new ChairHolder(100L, "Jürgen Müller-1", "Dezernent/in Dezernat II",
        rules.composition().seats().get(0).id(), RuleSource.tenant("§3"));
    Committee committee = new Committee(DAY, "1.0.0", chair, null, seats,
        new Compliance(true, List.of()));
    int voting = (int) represented.stream().filter(Representation::voting).count();
    Attendance attendance = new Attendance(7, "SEAT", RuleSource.tenant("§6"), represented,
        advisory, attendees, List.of("Dr. Gül Şahin (Referentin)"), voting, voting);
    Decision vote = new Decision(11, DecisionMode.VOTE, Outcome.ADOPTED, "angenommen: einfache "
        + "Mehrheit", new Tally(9, 2, 1), List.of(), voting, voting, "1.0.0",
        RuleSource.tenant("§6"), Instant.parse("2026-03-12T15:00:00Z"));
    Decision consensus = new Decision(12, DecisionMode.CONSENSUS, Outcome.ADOPTED,
        "konsensuale Verständigung", null, List.of(), voting, voting, "1.0.0",
        RuleSource.tenant("§6"), Instant.parse("2026-03-12T15:30:00Z"));
    List<AgendaItem> agenda = List.of(
        new AgendaItem(11, 7, 1, released ? AgendaItemStatus.DECIDED : AgendaItemStatus.ACCEPTED,
            "Fortschreibung des Integrationskonzepts", "Die Lenkungsgruppe empfiehlt dem "
            + "Kreistag, das Integrationskonzept fortzuschreiben.", 100,
            new AgendaReference(AgendaReference.Kind.PAPER, "Vorlage 525/21"),
            released ? vote : null),
        new AgendaItem(12, 7, 2, released ? AgendaItemStatus.DECIDED : AgendaItemStatus.ACCEPTED,
            "Berichterstattung aus dem Case Management", null, 101,
            new AgendaReference(AgendaReference.Kind.CASE_MANAGEMENT_REPORT, "Bericht 1/2026"),
            released ? consensus : null),
        new AgendaItem(13, 7, null, AgendaItemStatus.SUBMITTED, "Nicht angenommener Vorschlag",
            null, 102, null, null));
    Meeting meeting = new Meeting(7, DAY, LocalTime.of(14, 0), LocalTime.of(16, 0), null,
        MeetingKind.REGULAR, false, RuleSource.tenant("§5"), Role.CHAIR, RuleSource.tenant("§5"),
        agenda);
    Minutes minutes = new Minutes(7, released ? MinutesStatus.RELEASED : MinutesStatus.DRAFT,
        "Frau Öztürk berichtet über die Fälle des ersten Quartals.\n\nDie Sitzung endet um 15:45 Uhr.",
        released ? 1 : 0, released ? DAY.plusDays(2) : null, released ? DAY.plusDays(9) : null,
        null, true, Role.SECRETARIAT, Role.CHAIR, List.of(), RuleSource.tenant("§7"),
        RuleSource.tenant("§7"));
    return new MeetingFacts(rules, meeting, committee, attendance, minutes);
  }
}
