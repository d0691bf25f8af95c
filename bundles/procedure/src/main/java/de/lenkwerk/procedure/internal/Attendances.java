package de.lenkwerk.procedure.internal;

import static de.lenkwerk.procedure.internal.ProcedureRecords.meeting;

import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.PlatformClock;
import de.lenkwerk.api.Scope;
import de.lenkwerk.api.committee.Committee;
import de.lenkwerk.api.committee.CommitteeService;
import de.lenkwerk.api.procedure.Attendance;
import de.lenkwerk.api.procedure.AttendanceService;
import de.lenkwerk.api.procedure.AttendanceStatus;
import de.lenkwerk.api.procedure.Decision;
import de.lenkwerk.api.procedure.Guest;
import de.lenkwerk.api.procedure.GuestKind;
import de.lenkwerk.api.procedure.ItemQuorum;
import de.lenkwerk.api.procedure.MeetingKind;
import de.lenkwerk.api.procedure.NewAttendance;
import de.lenkwerk.api.procedure.PersonAttendance;
import de.lenkwerk.api.procedure.Quorum;
import de.lenkwerk.api.rules.RuleSource;
import de.lenkwerk.api.tenant.Tenant;
import de.lenkwerk.api.tenant.TenantDirectory;
import de.lenkwerk.audit.Audit;
import de.lenkwerk.persistence.Attendees;
import de.lenkwerk.persistence.StoredItem;
import de.lenkwerk.persistence.StoredMeeting;
import de.lenkwerk.persistence.Transaction;
import de.lenkwerk.persistence.UnitOfWork;
import de.lenkwerk.procedure.internal.SeatRepresentation.Resolved;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Who attended a meeting, resolved to the seats they represent, and the quorum of the meeting
 * and of each agenda item. A recording is checked and stored in one transaction that also
 * touches the meeting: a concurrent recording, cancellation or decision on it makes one of the
 * two fail with a CONFLICT.
 */
@Component(service = AttendanceService.class)
public final class Attendances implements AttendanceService {

  private final UnitOfWork work;
  private final TenantDirectory directory;
  private final CommitteeService committees;
  private final Audit audit;
  private final Clock clock;

  @Activate
  public Attendances(@Reference UnitOfWork work, @Reference TenantDirectory directory,
      @Reference CommitteeService committees, @Reference Audit audit,
      @Reference PlatformClock clock) {
    // "today" is the platform's day (the Kommunen's time zone), the same the tenant directory uses
    this.work = work;
    this.directory = directory;
    this.committees = committees;
    this.audit = audit;
    this.clock = clock.clock();
  }

  /** A request's entries, checked for form. */
  record Entries(List<PersonAttendance> persons, List<Guest> guests) {}

  /** Checks the request's form and merges its short and full form; nothing is looked up. */
  static Entries entries(NewAttendance attendance) {
    if (attendance == null || attendance.present() == null && attendance.persons() == null) {
      throw DomainException.invalid("Das Feld \"present\" fehlt: bitte die Kennungen der "
          + "anwesenden Personen angeben (eine leere Liste, wenn niemand anwesend ist), oder "
          + "unter \"persons\" je Person {\"person\", \"status\"}.");
    }
    Map<Long, PersonAttendance> persons = new LinkedHashMap<>();
    if (attendance.present() != null) {
      for (Long id : attendance.present()) {
        if (id == null) {
          throw DomainException.invalid("Das Feld \"present\" enthält einen leeren Eintrag.");
        }
        if (persons.put(id, new PersonAttendance(id, AttendanceStatus.PRESENT, null, null))
            != null) {
          throw DomainException.invalid("Die Person " + id + " steht mehrfach in \"present\".");
        }
      }
    }
    if (attendance.persons() != null) {
      for (int i = 0; i < attendance.persons().size(); i++) {
        PersonAttendance p = attendance.persons().get(i);
        if (p == null || p.person() == null) {
          throw DomainException.invalid("In \"persons[" + i + "]\" fehlt die Person "
              + "(\"person\": ihre Kennung).");
        }
        if (p.status() == null) {
          throw DomainException.invalid("In \"persons[" + i + "]\" fehlt \"status\": erwartet "
              + "wird \"PRESENT\" (anwesend), \"EXCUSED\" (entschuldigt) oder \"ABSENT\" "
              + "(abwesend).");
        }
        if (p.status() != AttendanceStatus.PRESENT
            && (p.fromItem() != null || p.untilItem() != null)) {
          throw DomainException.invalid("In \"persons[" + i + "]\": späteres Kommen "
              + "(\"fromItem\") und früheres Gehen (\"untilItem\") gibt es nur bei "
              + "\"PRESENT\".");
        }
        if (persons.put(p.person(), p) != null) {
          throw DomainException.invalid("Die Person " + p.person() + " steht mehrfach in "
              + "\"present\" und \"persons\"; bitte jede Person nur einmal angeben.");
        }
      }
    }
    List<Guest> guests = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    if (attendance.guests() != null) {
      for (int i = 0; i < attendance.guests().size(); i++) {
        String g = Texts.required("guests[" + i + "]", attendance.guests().get(i), 200,
            "den Namen des Gastes");
        guests.add(guest(seen, new Guest(g, null, GuestKind.GUEST), "guests"));
      }
    }
    if (attendance.guestList() != null) {
      for (int i = 0; i < attendance.guestList().size(); i++) {
        Guest g = attendance.guestList().get(i);
        String name = Texts.required("guestList[" + i + "].name", g == null ? null : g.name(),
            200, "den Namen des Gastes");
        String institution = Texts.optional("guestList[" + i + "].institution",
            g.institution(), 200);
        guests.add(guest(seen, new Guest(name, institution,
            g.kind() == null ? GuestKind.GUEST : g.kind()), "guestList"));
      }
    }
    return new Entries(List.copyOf(persons.values()), List.copyOf(guests));
  }

  private static Guest guest(Set<String> seen, Guest g, String field) {
    if (!seen.add(g.name() + "\u0000" + (g.institution() == null ? "" : g.institution()))) {
      throw DomainException.invalid("Der Gast \"" + g.name() + "\" steht mehrfach in \""
          + field + "\".");
    }
    return g;
  }

  @Override
  public Attendance recordAttendance(Scope scope, long meeting, NewAttendance attendance) {
    Entries entries = entries(attendance);
    directory.serving(scope.tenant());
    return work.write(scope, tx -> {
      // checked inside the write: a cancellation committed meanwhile is seen, and touching the
      // meeting below makes a concurrent one (or a second recording) fail instead of both winning
      StoredMeeting m = meeting(tx, meeting);
      // judged under the rules in force on the meeting's day
      Tenant t = directory.servingOn(scope.tenant(), m.date());
      if (m.cancelled()) {
        throw DomainException.conflict("Die Sitzung am " + Texts.date(m.date()) + " wurde "
            + "abgesagt; für sie wird keine Anwesenheit erfasst.");
      }
      Procedures.requireHeld(m.date(), Procedures.today(clock));
      Committee committee = committees.composition(scope, m.date(), t);
      Set<Long> everyone = entries.persons().stream().map(PersonAttendance::person)
          .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
      Resolved all = SeatRepresentation.resolve(t.rules(), committee, everyone);
      if (!all.strangers().isEmpty()) {
        String ids = all.strangers().stream().map(String::valueOf)
            .collect(Collectors.joining(", "));
        RuleSource source = t.rules().composition().source();
        throw DomainException.ruleViolation((all.strangers().size() == 1
            ? "Die Person " + ids + " gehört" : "Die Personen " + ids + " gehören")
            + " der Lenkungsgruppe am " + Texts.date(m.date()) + " weder als Mitglied noch als "
            + "Stellvertretung an. Gäste und Referierende tragen Sie bitte mit Namen unter "
            + "\"guests\" oder \"guestList\" ein; sie zählen nicht zur Beschlussfähigkeit.",
            source.label());
      }
      List<StoredItem> items = tx.meetings().items(meeting);
      ItemPresence.validate(entries.persons(), positions(items), items.stream()
          .collect(Collectors.toMap(StoredItem::id, StoredItem::title)));
      Attendance before = view(tx, t, m, committee, tx.meetings().attendance(meeting));
      tx.meetings().touch(meeting);
      tx.meetings().replaceAttendance(meeting, new Attendees(entries.persons(), entries.guests(),
          0));
      Attendance after = view(tx, t, m, committee, tx.meetings().attendance(meeting));
      audit.record(tx, "PUT /tenants/{tenant}/meetings/{id}/attendance",
          Procedures.target(scope, meeting, "attendance"), before, after);
      return after;
    });
  }

  @Override
  public Attendance attendance(Scope scope, long meeting) {
    directory.serving(scope.tenant());
    return work.read(scope, tx -> {
      StoredMeeting m = meeting(tx, meeting);
      // judged under the rules in force on the meeting's day
      Tenant t = directory.servingOn(scope.tenant(), m.date());
      return view(tx, t, m, committees.composition(scope, m.date(), t),
          tx.meetings().attendance(meeting));
    });
  }

  @Override
  public Quorum quorum(Scope scope, long meeting) {
    directory.serving(scope.tenant());
    return work.read(scope, tx -> {
      StoredMeeting m = meeting(tx, meeting);
      // judged under the rules in force on the meeting's day
      Tenant t = directory.servingOn(scope.tenant(), m.date());
      Committee committee = committees.composition(scope, m.date(), t);
      return Quorums.evaluate(t, SeatRepresentation.resolve(t.rules(), committee,
          tx.meetings().attendance(meeting).present()));
    });
  }

  @Override
  public ItemQuorum itemQuorum(Scope scope, long meeting, long item) {
    directory.serving(scope.tenant());
    return work.read(scope, tx -> {
      StoredMeeting m = meeting(tx, meeting);
      // judged under the rules in force on the meeting's day
      Tenant t = directory.servingOn(scope.tenant(), m.date());
      StoredItem i = ProcedureRecords.item(tx, meeting, item);
      Committee committee = committees.composition(scope, m.date(), t);
      List<StoredItem> items = tx.meetings().items(meeting);
      return itemQuorum(t, m, committee, tx.meetings().attendance(meeting), positions(items), i,
          tx.meetings().decisions(meeting).get(item));
    });
  }

  /** The attendance view of a recording with each agenda item's quorum. */
  private static Attendance view(Transaction tx, Tenant t, StoredMeeting m, Committee committee,
      Attendees attendees) {
    Resolved resolved = SeatRepresentation.resolve(t.rules(), committee, attendees.present());
    List<StoredItem> items = tx.meetings().items(m.id()).stream()
        .filter(i -> i.position() != null)
        .sorted(Comparator.comparing(StoredItem::position)).toList();
    Map<Long, Integer> positions = positions(items);
    Map<Long, Decision> decisions = tx.meetings().decisions(m.id());
    List<ItemQuorum> quorums = items.stream().map(i -> itemQuorum(t, m, committee, attendees,
        positions, i, decisions.get(i.id()))).toList();
    return new Attendance(m.id(), resolved.unit().name(), resolved.unitSource(), resolved.seats(),
        resolved.advisory(), resolved.attendees(), attendees.guests(), resolved.votingSeats(),
        resolved.votesPresent(), attendees.persons(), attendees.guestList(), quorums,
        Quorums.evaluate(t, resolved));
  }

  /** The quorum of one item from who was present for it. */
  static ItemQuorum itemQuorum(Tenant t, StoredMeeting m, Committee committee,
      Attendees attendees, Map<Long, Integer> positions, StoredItem item, Decision decision) {
    List<Long> present = ItemPresence.presentFor(attendees.persons(), positions, item.position());
    boolean repeated = repeated(m, item);
    Quorum now = Quorums.evaluate(t, SeatRepresentation.resolve(t.rules(), committee, present),
        repeated);
    return new ItemQuorum(item.id(), item.position(), item.title(), present, now,
        decision == null ? null : decision.quorum(), repeated);
  }

  /** Whether the repeat-meeting rule may apply to the item: a REPEAT meeting's repeated item. */
  static boolean repeated(StoredMeeting m, StoredItem item) {
    return m.kind() == MeetingKind.REPEAT && item.repeats() != null;
  }

  static Map<Long, Integer> positions(List<StoredItem> items) {
    Map<Long, Integer> positions = new LinkedHashMap<>();
    for (StoredItem i : items) {
      if (i.position() != null) {
        positions.put(i.id(), i.position());
      }
    }
    return positions;
  }
}
