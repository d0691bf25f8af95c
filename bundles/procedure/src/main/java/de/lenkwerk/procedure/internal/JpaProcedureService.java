package de.lenkwerk.procedure.internal;

import static de.lenkwerk.procedure.internal.ProcedureRecords.attendanceEntities;
import static de.lenkwerk.procedure.internal.ProcedureRecords.facts;
import static de.lenkwerk.procedure.internal.ProcedureRecords.itemEntities;
import static de.lenkwerk.procedure.internal.ProcedureRecords.itemEntity;
import static de.lenkwerk.procedure.internal.ProcedureRecords.meetingEntity;
import static de.lenkwerk.procedure.internal.ProcedureRecords.meetingView;
import static de.lenkwerk.procedure.internal.ProcedureRecords.minutesEntity;
import static de.lenkwerk.procedure.internal.ProcedureRecords.objectionEntities;
import static de.lenkwerk.procedure.internal.ProcedureRecords.presentIds;
import static de.lenkwerk.procedure.internal.ProcedureRecords.requireMinutes;
import static de.lenkwerk.procedure.internal.ProcedureRecords.state;
import static de.lenkwerk.procedure.internal.ProcedureRecords.stored;
import static de.lenkwerk.procedure.internal.ProcedureRecords.toAttendance;
import static de.lenkwerk.procedure.internal.ProcedureRecords.toDecision;
import static de.lenkwerk.procedure.internal.ProcedureRecords.toItem;
import static de.lenkwerk.procedure.internal.ProcedureRecords.toMeeting;
import static de.lenkwerk.procedure.internal.ProcedureRecords.toMinutes;

import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.PlatformClock;
import de.lenkwerk.api.committee.ChairHolder;
import de.lenkwerk.api.committee.Committee;
import de.lenkwerk.api.committee.CommitteeService;
import de.lenkwerk.api.committee.Finding;
import de.lenkwerk.api.committee.SeatComposition;
import de.lenkwerk.api.committee.SeatHolder;
import de.lenkwerk.api.procedure.AgendaItem;
import de.lenkwerk.api.procedure.AgendaReference;
import de.lenkwerk.api.procedure.Attendance;
import de.lenkwerk.api.procedure.ComplianceArea;
import de.lenkwerk.api.procedure.ComplianceFinding;
import de.lenkwerk.api.procedure.ComplianceReport;
import de.lenkwerk.api.procedure.Decision;
import de.lenkwerk.api.procedure.Meeting;
import de.lenkwerk.api.procedure.MeetingKind;
import de.lenkwerk.api.procedure.Minutes;
import de.lenkwerk.api.procedure.MinutesStatus;
import de.lenkwerk.api.procedure.NewAgendaItem;
import de.lenkwerk.api.procedure.NewAttendance;
import de.lenkwerk.api.procedure.NewDecision;
import de.lenkwerk.api.procedure.NewMeeting;
import de.lenkwerk.api.procedure.NewObjection;
import de.lenkwerk.api.procedure.ProcedureService;
import de.lenkwerk.api.procedure.Quorum;
import de.lenkwerk.api.rules.MeetingRules;
import de.lenkwerk.api.rules.MinutesRules;
import de.lenkwerk.api.rules.RuleSource;
import de.lenkwerk.api.rules.RulesOfProcedure;
import de.lenkwerk.api.tenant.Tenant;
import de.lenkwerk.api.tenant.TenantDirectory;
import de.lenkwerk.spi.ItemInput;
import de.lenkwerk.persistence.TenantStore;
import de.lenkwerk.persistence.entity.AgendaItemEntity;
import de.lenkwerk.persistence.entity.AttendanceEntity;
import de.lenkwerk.persistence.entity.DecisionEntity;
import de.lenkwerk.persistence.entity.MeetingEntity;
import de.lenkwerk.persistence.entity.MinutesEntity;
import de.lenkwerk.persistence.entity.ObjectionEntity;
import de.lenkwerk.persistence.entity.VoteEntity;
import de.lenkwerk.procedure.internal.ProcedureRecords.Stored;
import de.lenkwerk.procedure.internal.SeatRepresentation.Resolved;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.persistence.LockModeType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The procedure of each tenant's committee: validates against the tenant's rules with the pure
 * domain classes of this package, then stores through the tenant-bound store. Every check runs
 * before anything is written, and a write re-checks the state it depends on inside its
 * transaction, so that concurrent conflicting writes give one success and one CONFLICT.
 */
@Component(service = ProcedureService.class)
public final class JpaProcedureService implements ProcedureService {

  /** The committee's finding code for rules whose validity has passed (a validity finding). */
  static final String CONTINUATION_DUE = "CONTINUATION_DUE";

  private final TenantStore store;
  private final TenantDirectory directory;
  private final CommitteeService committees;
  private final Clock clock;

  @Activate
  public JpaProcedureService(@Reference TenantStore store, @Reference TenantDirectory directory,
      @Reference CommitteeService committees, @Reference PlatformClock clock) {
    // "today" is the platform's day (the Kommunen's time zone), the same the tenant directory uses
    this(store, directory, committees, clock.clock());
  }

  JpaProcedureService(TenantStore store, TenantDirectory directory, CommitteeService committees,
      Clock clock) {
    this.store = store;
    this.directory = directory;
    this.committees = committees;
    this.clock = clock;
  }

  private LocalDate today() {
    return LocalDate.now(clock);
  }

  // ---- meetings -------------------------------------------------------------------------------

  @Override
  public Meeting schedule(String tenant, NewMeeting meeting) {
    Tenant t = directory.serving(tenant);
    MeetingValidation.Valid valid = MeetingValidation.validate(meeting, t.rules().meetings());
    return store.write(tenant, em -> {
      if (valid.kind() == MeetingKind.CONSTITUTIVE) {
        List<MeetingEntity> constitutive = em.createQuery(
                "SELECT m FROM MeetingEntity m WHERE m.kind = :kind", MeetingEntity.class)
            .setParameter("kind", MeetingKind.CONSTITUTIVE.name()).getResultList();
        if (!constitutive.isEmpty()) {
          throw DomainException.conflict("Es gibt bereits eine konstituierende Sitzung (am "
              + Texts.date(constitutive.get(0).getDate()) + ", Kennung "
              + constitutive.get(0).getId() + "). Eine Lenkungsgruppe konstituiert sich einmal.");
        }
      }
      MeetingEntity e = new MeetingEntity();
      e.setDate(valid.date());
      e.setStart(valid.start());
      e.setEnd(valid.end());
      e.setDefaultSlot(valid.defaultSlot());
      e.setKind(valid.kind().name());
      e.setPublicMeeting(valid.publicMeeting());
      em.persist(e);
      em.flush();
      return toMeeting(t.rules(), e, List.of(), Map.of(), Map.of());
    });
  }

  @Override
  public List<Meeting> meetings(String tenant, Integer year) {
    Tenant t = directory.serving(tenant);
    if (year != null && (year < 2000 || year > 2999)) {
      throw DomainException.invalid("Das Jahr " + year + " ist nicht plausibel (erwartet z. B. "
          + "\"year=2025\").");
    }
    return store.read(tenant, em -> {
      List<MeetingEntity> meetings = year == null
          ? em.createQuery("SELECT m FROM MeetingEntity m ORDER BY m.date, m.start, m.id",
              MeetingEntity.class).getResultList()
          : em.createQuery("SELECT m FROM MeetingEntity m WHERE m.date >= :from AND m.date <= :to "
                  + "ORDER BY m.date, m.start, m.id", MeetingEntity.class)
              .setParameter("from", LocalDate.of(year, 1, 1))
              .setParameter("to", LocalDate.of(year, 12, 31)).getResultList();
      List<Meeting> result = new ArrayList<>();
      for (MeetingEntity m : meetings) {
        result.add(meetingView(em, t.rules(), m));
      }
      return result;
    });
  }

  @Override
  public Meeting meeting(String tenant, long meeting) {
    Tenant t = directory.serving(tenant);
    return store.read(tenant, em -> meetingView(em, t.rules(), meetingEntity(em, meeting)));
  }

  // ---- agenda ---------------------------------------------------------------------------------

  @Override
  public AgendaItem submit(String tenant, long meeting, NewAgendaItem item) {
    if (item == null) {
      throw DomainException.invalid("Bitte senden Sie den Tagesordnungspunkt als JSON-Objekt mit "
          + "\"title\", \"explanation\" und \"submittedBy\".");
    }
    String title = Texts.required("title", item.title(), 300, "den Titel des Tagesordnungspunkts");
    String explanation = Texts.required("explanation", item.explanation(), 8000,
        "die Erläuterung zum Tagesordnungspunkt");
    if (item.submittedBy() == null) {
      throw DomainException.invalid("Das Feld \"submittedBy\" fehlt: bitte die Kennung der Person "
          + "angeben, die den Tagesordnungspunkt anmeldet.");
    }
    AgendaReference reference = null;
    if (item.reference() != null) {
      if (item.reference().kind() == null) {
        throw DomainException.invalid("Im Feld \"reference\" fehlt \"kind\": erwartet wird "
            + "\"CASE_MANAGEMENT_REPORT\" oder \"PAPER\".");
      }
      reference = new AgendaReference(item.reference().kind(), Texts.required("reference.label",
          item.reference().label(), 200, "die Bezeichnung des Berichts oder der Vorlage"));
    }
    Tenant t = directory.serving(tenant);
    LocalDate date = store.read(tenant, em -> meetingEntity(em, meeting).getDate());
    Committee committee = committees.committee(tenant, date);
    MeetingRules.Agenda agenda = t.rules().meetings().agenda();
    long by = item.submittedBy();
    if (!holdsSeat(committee, by)) {
      throw DomainException.ruleViolation("Die Person mit der Kennung " + by + " gehört der "
          + "Lenkungsgruppe am " + Texts.date(date) + " weder als Mitglied noch als "
          + "Stellvertretung an und kann keinen Tagesordnungspunkt anmelden ("
          + agenda.source().label() + ").", agenda.source().label());
    }
    ChairHolder chair = committee.chair();
    boolean isChair = chair != null && chair.id() != null && chair.id() == by;
    if (!agenda.membersMaySubmit() && !isChair) {
      throw DomainException.ruleViolation("Nach der Geschäftsordnung melden die Mitglieder keine "
          + "Tagesordnungspunkte an; die Tagesordnung setzt " + roleName(agenda.setBy()) + " ("
          + agenda.source().label() + ").", agenda.source().label());
    }
    AgendaReference ref = reference;
    return store.write(tenant, em -> {
      meetingEntity(em, meeting);
      AgendaItemEntity e = new AgendaItemEntity();
      e.setMeetingId(meeting);
      e.setTitle(title);
      e.setExplanation(explanation);
      e.setSubmittedBy(by);
      e.setSubmittedAt(Instant.now(clock));
      if (ref != null) {
        e.setReferenceKind(ref.kind().name());
        e.setReferenceLabel(ref.label());
      }
      em.persist(e);
      em.flush();
      return toItem(e, null, List.of());
    });
  }

  @Override
  public Meeting setAgenda(String tenant, long meeting, List<Long> items) {
    if (items == null) {
      throw DomainException.invalid("Das Feld \"items\" fehlt: bitte die Kennungen der "
          + "Tagesordnungspunkte in ihrer Reihenfolge angeben.");
    }
    Set<Long> seen = new HashSet<>();
    for (Long id : items) {
      if (id == null) {
        throw DomainException.invalid("Das Feld \"items\" enthält einen leeren Eintrag.");
      }
      if (!seen.add(id)) {
        throw DomainException.invalid("Der Tagesordnungspunkt " + id + " steht mehrfach in "
            + "\"items\"; jeder Punkt hat genau einen Platz.");
      }
    }
    Tenant t = directory.serving(tenant);
    return store.write(tenant, em -> {
      MeetingEntity m = meetingEntity(em, meeting);
      Map<Long, AgendaItemEntity> all = itemEntities(em, meeting).stream()
          .collect(Collectors.toMap(AgendaItemEntity::getId, Function.identity()));
      for (Long id : items) {
        if (!all.containsKey(id)) {
          throw DomainException.notFound("Den Tagesordnungspunkt " + id + " gibt es in dieser "
              + "Sitzung nicht.");
        }
      }
      for (AgendaItemEntity i : all.values()) {
        if (i.isDecided() && !seen.contains(i.getId())) {
          throw DomainException.conflict("Über den Tagesordnungspunkt " + i.getId() + " (\""
              + i.getTitle() + "\") wurde bereits beschlossen; er bleibt auf der Tagesordnung.");
        }
      }
      for (AgendaItemEntity i : all.values()) {
        int index = items.indexOf(i.getId());
        Integer position = index < 0 ? null : index + 1;
        if (!java.util.Objects.equals(position, i.getPosition())) {
          i.setPosition(position);
        }
      }
      m.touch();
      em.flush();
      return meetingView(em, t.rules(), m);
    });
  }

  // ---- attendance and quorum ------------------------------------------------------------------

  @Override
  public Attendance recordAttendance(String tenant, long meeting, NewAttendance attendance) {
    if (attendance == null || attendance.present() == null) {
      throw DomainException.invalid("Das Feld \"present\" fehlt: bitte die Kennungen der "
          + "anwesenden Personen angeben (eine leere Liste, wenn niemand anwesend ist).");
    }
    Set<Long> present = new LinkedHashSet<>();
    for (Long id : attendance.present()) {
      if (id == null) {
        throw DomainException.invalid("Das Feld \"present\" enthält einen leeren Eintrag.");
      }
      if (!present.add(id)) {
        throw DomainException.invalid("Die Person " + id + " steht mehrfach in \"present\".");
      }
    }
    List<String> guests = new ArrayList<>();
    if (attendance.guests() != null) {
      for (int i = 0; i < attendance.guests().size(); i++) {
        String g = Texts.required("guests[" + i + "]", attendance.guests().get(i), 200,
            "den Namen des Gastes");
        if (guests.contains(g)) {
          throw DomainException.invalid("Der Gast \"" + g + "\" steht mehrfach in \"guests\".");
        }
        guests.add(g);
      }
    }
    Tenant t = directory.serving(tenant);
    LocalDate date = store.read(tenant, em -> meetingEntity(em, meeting).getDate());
    requireHeld(date);
    Committee committee = committees.committee(tenant, date);
    Resolved resolved = SeatRepresentation.resolve(t.rules(), committee, present);
    if (!resolved.strangers().isEmpty()) {
      String ids = resolved.strangers().stream().map(String::valueOf)
          .collect(Collectors.joining(", "));
      RuleSource source = t.rules().composition().source();
      throw DomainException.ruleViolation((resolved.strangers().size() == 1
          ? "Die Person " + ids + " gehört" : "Die Personen " + ids + " gehören")
          + " der Lenkungsgruppe am " + Texts.date(date) + " weder als Mitglied noch als "
          + "Stellvertretung an. Gäste und Referierende tragen Sie bitte mit Namen unter "
          + "\"guests\" ein; sie zählen nicht zur Beschlussfähigkeit.", source.label());
    }
    return store.write(tenant, em -> {
      MeetingEntity m = meetingEntity(em, meeting);
      for (AttendanceEntity old : attendanceEntities(em, meeting)) {
        em.remove(old);
      }
      int index = 0;
      for (Long id : present) {
        AttendanceEntity a = new AttendanceEntity();
        a.setMeetingId(meeting);
        a.setPersonId(id);
        a.setListIndex(index++);
        em.persist(a);
      }
      for (String g : guests) {
        AttendanceEntity a = new AttendanceEntity();
        a.setMeetingId(meeting);
        a.setGuestName(g);
        a.setListIndex(index++);
        em.persist(a);
      }
      m.touch();
      em.flush();
      return toAttendance(meeting, resolved, guests);
    });
  }

  @Override
  public Attendance attendance(String tenant, long meeting) {
    Tenant t = directory.serving(tenant);
    Stored stored = store.read(tenant, em -> stored(em, meeting));
    Committee committee = committees.committee(tenant, stored.date());
    Resolved resolved = SeatRepresentation.resolve(t.rules(), committee, stored.present());
    return toAttendance(meeting, resolved, stored.guests());
  }

  @Override
  public Quorum quorum(String tenant, long meeting) {
    Tenant t = directory.serving(tenant);
    Stored stored = store.read(tenant, em -> stored(em, meeting));
    Committee committee = committees.committee(tenant, stored.date());
    return Quorums.evaluate(t, SeatRepresentation.resolve(t.rules(), committee, stored.present()));
  }

  // ---- decisions ------------------------------------------------------------------------------

  @Override
  public Decision decide(String tenant, long meeting, long item, NewDecision request) {
    Voting.validateShape(request);
    Tenant t = directory.serving(tenant);
    LocalDate date = store.read(tenant, em -> {
      LocalDate d = meetingEntity(em, meeting).getDate();
      itemEntity(em, meeting, item);
      return d;
    });
    Committee committee = committees.committee(tenant, date);
    String chairSeat = committee.chair() == null ? null : committee.chair().seat();
    try {
      return store.write(tenant, em -> {
        MeetingEntity m = meetingEntity(em, meeting);
        AgendaItemEntity i = itemEntity(em, meeting, item);
        if (i.isDecided()) {
          throw DomainException.conflict("Über den Tagesordnungspunkt \"" + i.getTitle()
              + "\" wurde bereits beschlossen. Ein Beschluss wird nicht geändert.");
        }
        if (i.getPosition() == null) {
          throw DomainException.conflict("Der Tagesordnungspunkt \"" + i.getTitle() + "\" steht "
              + "nicht auf der Tagesordnung. Bitte nehmen Sie ihn zuerst in die Tagesordnung auf.");
        }
        requireHeld(m.getDate());
        Resolved resolved = SeatRepresentation.resolve(t.rules(), committee,
            presentIds(attendanceEntities(em, meeting)));
        Voting.Taken taken = Voting.decide(t, resolved, chairSeat, request, new PolicyInput.Item(
            ItemInput.Kind.AGENDA_ITEM, item, i.getTitle(), m.getKind()), m.getDate());
        // The decision rests on this attendance: a concurrent change of it makes this one fail.
        em.lock(m, LockModeType.OPTIMISTIC);
        i.setDecided(true);
        DecisionEntity d = new DecisionEntity();
        d.setItemId(item);
        d.setMeetingId(meeting);
        d.setMode(taken.mode().name());
        d.setOutcome(taken.result().outcome().name());
        d.setReason(taken.result().reason());
        if (taken.tally() != null) {
          d.setYes(taken.tally().yes());
          d.setNo(taken.tally().no());
          d.setAbstain(taken.tally().abstain());
        }
        d.setVotingSeats(taken.votingSeats());
        d.setVotesPresent(taken.votesPresent());
        d.setRulesVersion(t.rulesVersion() == null ? "unbekannt" : t.rulesVersion());
        RuleSource source = taken.result().source() == null
            ? RuleSource.kimDefault() : taken.result().source();
        d.setSourceKind(source.kind().name());
        d.setSourceReference(source.reference());
        d.setRecordedAt(Instant.now(clock));
        em.persist(d);
        em.flush();
        List<VoteEntity> votes = new ArrayList<>();
        for (Voting.WeightedVote v : taken.votes()) {
          VoteEntity ve = new VoteEntity();
          ve.setDecisionId(d.getId());
          ve.setSeat(v.seat());
          ve.setVote(v.vote().name());
          ve.setWeight(v.weight());
          em.persist(ve);
          votes.add(ve);
        }
        em.flush();
        return toDecision(d, votes);
      });
    } catch (RuntimeException e) {
      if (isConstraintViolation(e)) {
        throw new DomainException(DomainException.Kind.CONFLICT, "Über diesen "
            + "Tagesordnungspunkt wurde gleichzeitig bereits beschlossen. Ein Beschluss wird nicht "
            + "geändert.", null, e);
      }
      throw e;
    }
  }

  // ---- minutes --------------------------------------------------------------------------------

  @Override
  public Minutes draftMinutes(String tenant, long meeting, String text) {
    String valid = Texts.required("text", text, 32000, "den Text des Protokolls");
    Tenant t = directory.serving(tenant);
    try {
      return store.write(tenant, em -> {
        meetingEntity(em, meeting);
        MinutesEntity minutes = minutesEntity(em, meeting);
        if (minutes == null) {
          minutes = new MinutesEntity();
          minutes.setMeetingId(meeting);
          minutes.setRelease(0);
          minutes.setText(valid);
          minutes.setChangedAt(Instant.now(clock));
          em.persist(minutes);
        } else {
          List<ObjectionEntity> objections = objectionEntities(em, meeting);
          MinutesLifecycle.checkDraftable(state(t.rules(), minutes, objections, today()));
          minutes.setText(valid);
          minutes.setChangedAt(Instant.now(clock));
        }
        em.flush();
        return toMinutes(t.rules(), minutes, objectionEntities(em, meeting), today());
      });
    } catch (RuntimeException e) {
      if (isConstraintViolation(e)) {
        throw new DomainException(DomainException.Kind.CONFLICT, "Der Protokollentwurf wurde "
            + "gleichzeitig von jemand anderem angelegt. Bitte laden Sie ihn neu.", null, e);
      }
      throw e;
    }
  }

  @Override
  public Minutes releaseMinutes(String tenant, long meeting, LocalDate sentOn) {
    Tenant t = directory.serving(tenant);
    LocalDate today = today();
    return store.write(tenant, em -> {
      MeetingEntity m = meetingEntity(em, meeting);
      MinutesEntity minutes = requireMinutes(em, meeting);
      List<ObjectionEntity> objections = objectionEntities(em, meeting);
      MinutesLifecycle.State state = state(t.rules(), minutes, objections, today());
      LocalDate lastObjection = objections.stream().map(ObjectionEntity::getReceivedOn)
          .max(Comparator.naturalOrder()).orElse(null);
      MinutesLifecycle.checkRelease(state, facts(minutes, objections), sentOn, m.getDate(), today,
          lastObjection);
      minutes.setRelease(minutes.getRelease() + 1);
      minutes.setSentOn(sentOn);
      minutes.setChangedAt(Instant.now(clock));
      em.flush();
      return toMinutes(t.rules(), minutes, objections, today());
    });
  }

  @Override
  public Minutes object(String tenant, long meeting, NewObjection objection) {
    if (objection == null) {
      throw DomainException.invalid("Bitte senden Sie den Änderungswunsch als JSON-Objekt mit "
          + "\"by\", \"receivedOn\" und \"text\".");
    }
    if (objection.by() == null) {
      throw DomainException.invalid("Das Feld \"by\" fehlt: bitte die Kennung der Person angeben, "
          + "die den Änderungswunsch einreicht.");
    }
    if (objection.receivedOn() == null) {
      throw DomainException.invalid("Das Feld \"receivedOn\" fehlt: bitte das Eingangsdatum des "
          + "Änderungswunsches angeben (JJJJ-MM-TT).");
    }
    String text = Texts.required("text", objection.text(), 8000, "den Änderungswunsch");
    Tenant t = directory.serving(tenant);
    LocalDate today = today();
    LocalDate date = store.read(tenant, em -> meetingEntity(em, meeting).getDate());
    Committee committee = committees.committee(tenant, date);
    if (!holdsSeat(committee, objection.by())) {
      MinutesRules.Objections rule = t.rules().minutes().objections();
      throw DomainException.ruleViolation("Die Person mit der Kennung " + objection.by()
          + " gehört der Lenkungsgruppe am " + Texts.date(date) + " weder als Mitglied noch als "
          + "Stellvertretung an; Änderungswünsche zum Protokoll reichen Mitglieder ein ("
          + rule.source().label() + ").", rule.source().label());
    }
    return store.write(tenant, em -> {
      meetingEntity(em, meeting);
      MinutesEntity minutes = requireMinutes(em, meeting);
      List<ObjectionEntity> objections = objectionEntities(em, meeting);
      MinutesLifecycle.State state = state(t.rules(), minutes, objections, today());
      MinutesLifecycle.checkObjection(state, minutes.getSentOn(), objection.receivedOn(), today,
          t.rules().minutes().objections());
      ObjectionEntity o = new ObjectionEntity();
      o.setMeetingId(meeting);
      o.setRelease(minutes.getRelease());
      o.setBy(objection.by());
      o.setReceivedOn(objection.receivedOn());
      o.setText(text);
      em.persist(o);
      // A release racing with this objection must not pass unnoticed.
      minutes.setChangedAt(Instant.now(clock));
      em.flush();
      List<ObjectionEntity> all = new ArrayList<>(objections);
      all.add(o);
      return toMinutes(t.rules(), minutes, all, today());
    });
  }

  @Override
  public Minutes minutes(String tenant, long meeting) {
    Tenant t = directory.serving(tenant);
    return store.read(tenant, em -> {
      meetingEntity(em, meeting);
      MinutesEntity minutes = requireMinutes(em, meeting);
      return toMinutes(t.rules(), minutes, objectionEntities(em, meeting), today());
    });
  }

  // ---- compliance -----------------------------------------------------------------------------

  @Override
  public ComplianceReport compliance(String tenant, int year) {
    if (year < 2000 || year > 2999) {
      throw DomainException.invalid("Das Jahr " + year + " ist nicht plausibel (erwartet z. B. "
          + "\"year=2025\").");
    }
    Tenant t = directory.serving(tenant);
    LocalDate today = today();
    LocalDate asOf = ComplianceChecks.asOf(year, today);
    RulesOfProcedure rules = t.rules();
    record Held(LocalDate date, MinutesStatus minutes) {}
    List<Held> held = store.read(tenant, em -> {
      List<MeetingEntity> meetings = em.createQuery("SELECT m FROM MeetingEntity m WHERE "
              + "m.date >= :from AND m.date <= :to ORDER BY m.date, m.id", MeetingEntity.class)
          .setParameter("from", LocalDate.of(year, 1, 1))
          .setParameter("to", LocalDate.of(year, 12, 31)).getResultList();
      List<Held> result = new ArrayList<>();
      for (MeetingEntity m : meetings) {
        MinutesEntity minutes = minutesEntity(em, m.getId());
        result.add(new Held(m.getDate(), minutes == null ? null
            : state(rules, minutes, objectionEntities(em, m.getId()), today()).status()));
      }
      return result;
    });
    ComplianceChecks.Cadence cadence = ComplianceChecks.cadence(rules.meetings().cadence(),
        held.stream().map(Held::date).toList(), year, today);
    List<ComplianceFinding> findings = new ArrayList<>(cadence.findings());
    Committee committee = committees.committee(tenant, asOf);
    List<Finding> composition = committee.compliance() == null ? List.of()
        : committee.compliance().findings();
    // The committee reports an expired Geschäftsordnung itself; do not say it twice.
    if (composition.stream().noneMatch(f -> CONTINUATION_DUE.equals(f.code()))) {
      findings.addAll(ComplianceChecks.validity(rules.validity(), year, asOf));
    }
    RuleSource drafting = rules.minutes().drafting().source();
    for (Held h : held) {
      if (h.date().isAfter(asOf) || h.date().equals(asOf)) {
        continue;
      }
      if (h.minutes() == null || h.minutes() == MinutesStatus.DRAFT) {
        findings.add(new ComplianceFinding(ComplianceArea.MINUTES, "MINUTES_NOT_RELEASED",
            Finding.Severity.WARNING, "Das Protokoll der Sitzung am " + Texts.date(h.date())
                + " ist noch nicht freigegeben (" + drafting.label() + ").", drafting));
      } else if (h.minutes() == MinutesStatus.OBJECTED) {
        findings.add(new ComplianceFinding(ComplianceArea.MINUTES, "MINUTES_OBJECTED",
            Finding.Severity.WARNING, "Zum Protokoll der Sitzung am " + Texts.date(h.date())
                + " liegt ein Änderungswunsch vor; bitte überarbeiten und erneut freigeben ("
                + drafting.label() + ").", drafting));
      }
    }
    for (Finding f : composition) {
      findings.add(new ComplianceFinding(CONTINUATION_DUE.equals(f.code())
          ? ComplianceArea.VALIDITY : ComplianceArea.COMPOSITION, f.code(), f.severity(),
          f.detail(), f.source()));
    }
    boolean compliant = findings.stream().noneMatch(f -> f.severity() == Finding.Severity.ERROR);
    return new ComplianceReport(year, asOf, t.rulesVersion(), compliant, cadence.periods(),
        List.copyOf(findings));
  }

  // ---- helpers --------------------------------------------------------------------------------

  private void requireHeld(LocalDate date) {
    if (date.isAfter(today())) {
      throw DomainException.conflict("Die Sitzung findet erst am " + Texts.date(date) + " statt. "
          + "Anwesenheit und Beschlüsse werden ab dem Sitzungstag erfasst.");
    }
  }

  private static boolean holdsSeat(Committee committee, long person) {
    for (SeatComposition seat : committee.seats()) {
      for (SeatHolder h : seat.members()) {
        if (h.id() == person) {
          return true;
        }
      }
      for (SeatHolder h : seat.deputies()) {
        if (h.id() == person) {
          return true;
        }
      }
    }
    return false;
  }

  private static String roleName(de.lenkwerk.api.rules.Role role) {
    if (role == null) {
      return "der Vorsitz";
    }
    return switch (role) {
      case CHAIR -> "der/die Vorsitzende";
      case SECRETARIAT -> "die Geschäftsstelle";
      case COMMITTEE -> "die Lenkungsgruppe";
    };
  }

  /** A unique constraint refused a second row: a concurrent write won. */
  static boolean isConstraintViolation(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.sql.SQLIntegrityConstraintViolationException) {
        return true;
      }
      if (t instanceof SQLException sql && sql.getSQLState() != null
          && sql.getSQLState().startsWith("23")) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }
}
