package de.lenkwerk.demo.internal;

import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.Scope;
import de.lenkwerk.api.committee.AppointmentRole;
import de.lenkwerk.api.committee.CommitteeService;
import de.lenkwerk.api.committee.NewAppointment;
import de.lenkwerk.api.committee.NewPerson;
import de.lenkwerk.api.committee.PersonService;
import de.lenkwerk.api.procedure.AgendaItem;
import de.lenkwerk.api.procedure.DecisionMode;
import de.lenkwerk.api.procedure.Meeting;
import de.lenkwerk.api.procedure.MeetingKind;
import de.lenkwerk.api.procedure.NewAgendaItem;
import de.lenkwerk.api.procedure.NewAttendance;
import de.lenkwerk.api.procedure.NewDecision;
import de.lenkwerk.api.procedure.NewMeeting;
import de.lenkwerk.api.procedure.ProcedureService;
import de.lenkwerk.api.mail.DispatchService;
import de.lenkwerk.api.rules.Seat;
import de.lenkwerk.api.security.Caller;
import de.lenkwerk.api.security.NewUser;
import de.lenkwerk.api.security.Roles;
import de.lenkwerk.api.security.UserService;
import de.lenkwerk.api.tenant.Tenant;
import de.lenkwerk.api.tenant.TenantDirectory;
import de.lenkwerk.api.tenant.TenantInfo;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills a new platform with a living committee for a newcomer: invented people on every seat of
 * the demo Kommunen, a held meeting with decisions and released minutes, a planned meeting, and
 * demo logins of Kreis Steinfurt. Only when {@value #ENV} is set (./run sets it on a new data
 * folder and prints it once); an operator's {@code bin/start} has neither demo data nor logins.
 * A Kommune that already has persons is left alone.
 */
@Component(immediate = true)
public final class DemoData {

  static final String ENV = "LENKWERK_DEMO_PASSWORD";
  static final String LOGIN_TENANT = "kreis-steinfurt";
  private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);
  private static final String[] FIRST = {"Anna", "Ben", "Clara", "David", "Elif", "Frank", "Greta", "Hakan",
      "Ines", "Jonas", "Katrin", "Lukas", "Mara", "Nils", "Olga", "Paul", "Rana", "Stefan", "Tanja", "Uwe",
      "Vera", "Yusuf", "Zoe", "Milan"};
  private static final String[] LAST = {"Albers", "Brinkmann", "Demir", "Eilers", "Feldkamp", "Günther",
      "Hölscher", "Irmer", "Janssen", "Kowalski", "Lammers", "Möllers", "Nowak", "Ostendorf", "Pieper",
      "Quast", "Reckers", "Schulte", "Terhaar", "Uhlenbrock", "Voss", "Wessels", "Yilmaz", "Zurhorst"};

  private final TenantDirectory tenants;
  private final PersonService persons;
  private final CommitteeService committee;
  private final ProcedureService procedure;
  private final UserService users;
  private final DispatchService dispatches;
  private final Thread worker;

  @Activate
  public DemoData(@Reference TenantDirectory tenants, @Reference PersonService persons,
      @Reference CommitteeService committee, @Reference ProcedureService procedure, @Reference UserService users,
      @Reference DispatchService dispatches) {
    this.dispatches = dispatches;
    this.tenants = tenants;
    this.persons = persons;
    this.committee = committee;
    this.procedure = procedure;
    this.users = users;
    String password = System.getenv(ENV);
    if (password == null || password.length() < 12) {
      worker = null;
      return;
    }
    // the tenant bundles start on their own time: wait for them beside the activation
    worker = new Thread(() -> seed(password), "lenkwerk-demo-data");
    worker.setDaemon(true);
    worker.start();
  }

  @Deactivate
  void deactivate() {
    if (worker != null) {
      worker.interrupt();
    }
  }

  private void seed(String password) {
    long end = System.currentTimeMillis() + 180_000;
    List<String> done = new ArrayList<>();
    boolean loginsDone = false;
    try {
      while (System.currentTimeMillis() < end && !Thread.currentThread().isInterrupted()) {
        for (TenantInfo info : tenants.list()) {
          if (done.contains(info.id())) {
            continue;
          }
          try {
            Tenant tenant = tenants.serving(info.id());
            if (persons.list(Scope.system(info.id())).isEmpty()) {
              seedTenant(tenant, done.size());
              LOG.info("demo data written for {}", info.id());
            }
            done.add(info.id());
          } catch (RuntimeException e) {
            LOG.info("demo data for {} not yet: {}", info.id(), e.getMessage());
          }
        }
        if (done.contains(LOGIN_TENANT) && !loginsDone) {
          logins(password, tenants.serving(LOGIN_TENANT));
          loginsDone = true;
        }
        if (done.size() >= 4) {
          return;
        }
        Thread.sleep(2_000);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.warn("demo data incomplete: {}", e.getMessage());
    }
  }

  private void logins(String password, Tenant tenant) {
    Caller system = new Caller("demo", null, Set.of(Roles.PLATFORM_ADMIN));
    for (String[] u : new String[][] {{"geschaeftsstelle", Roles.TENANT_ADMIN}, {"vorsitz", Roles.CHAIR},
        {"mitglied", Roles.MEMBER}}) {
      try {
        users.create(system, new NewUser(u[0], password, LOGIN_TENANT, List.of(u[1])));
      } catch (DomainException e) {
        LOG.info("demo login {}: {}", u[0], e.getMessage());
      }
    }
    // the member's login is the member on the first seat, so that what it submits is that person's
    try {
      Seat first = tenant.rules().composition().seats().get(0);
      committee.committee(Scope.system(LOGIN_TENANT), LocalDate.now(ZoneId.of("Europe/Berlin"))).seats().stream()
          .filter(s -> s.seat().equals(first.id())).flatMap(s -> s.members().stream()).findFirst()
          .ifPresent(member -> users.linkPerson(system, "mitglied", member.id()));
    } catch (DomainException e) {
      LOG.info("demo login mitglied not linked to a person: {}", e.getMessage());
    }
  }

  private void seedTenant(Tenant tenant, int offset) {
    // the platform seeds the demo: its own work, audited as "system"
    Scope t = Scope.system(tenant.id());
    LocalDate from = LocalDate.now(ZoneId.of("Europe/Berlin")).minusYears(1).withDayOfMonth(1);
    int n = offset * 7;
    List<Long> present = new ArrayList<>();
    long firstMember = -1;
    for (Seat seat : tenant.rules().composition().seats()) {
      for (int m = 0; m < Math.max(1, seat.members()); m++) {
        long member = person(t, n++, seat.institution());
        if (appoint(t, seat, member, AppointmentRole.MEMBER, null, from)) {
          present.add(member);
          firstMember = firstMember < 0 ? member : firstMember;
        }
        // a seat's deputy ranks run across its members: 1..members*deputies (Kleve's and Aachen's
        // seats of two members each have two deputies, ranks 1 and 2)
        for (int d = 1; d <= seat.deputies(); d++) {
          appoint(t, seat, person(t, n++, seat.institution()), AppointmentRole.DEPUTY, m * seat.deputies() + d, from);
        }
      }
    }
    if (firstMember < 0) {
      return;
    }
    try {
      meetings(t, firstMember, present, tenant.rules().voting().consensus().normal());
    } catch (DomainException e) {
      LOG.info("demo meetings of {} incomplete: {}", t.tenant(), e.getMessage());
    }
  }

  /** A held meeting with two decisions and released minutes, and a planned one; by consensus where the rules know it. */
  private void meetings(Scope t, long firstMember, List<Long> present, boolean consensus) {
    LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
    Meeting held = procedure.schedule(t, new NewMeeting(today.minusDays(21), LocalTime.of(14, 0),
        LocalTime.of(16, 0), MeetingKind.REGULAR, null));
    AgendaItem report = procedure.submit(t, held.id(), new NewAgendaItem("Bericht aus dem Case Management",
        "Auswertung des ersten Halbjahres", firstMember, null));
    AgendaItem courses = procedure.submit(t, held.id(), new NewAgendaItem("Sprachkurse für Eltern",
        "Vorschlag: zwei zusätzliche Kurse ab dem nächsten Quartal", firstMember, null));
    procedure.setAgenda(t, held.id(), List.of(report.id(), courses.id()));
    procedure.recordAttendance(t, held.id(), new NewAttendance(present, List.of("Referentin Dr. Gast")));
    int votes = procedure.quorum(t, held.id()).votingSeatsPresent();
    // Kleve, Rheine and Aachen decide by vote only: there the report is taken by a unanimous vote
    procedure.decide(t, held.id(), report.id(), consensus
        ? new NewDecision(DecisionMode.CONSENSUS, null, null, null, null)
        : new NewDecision(DecisionMode.VOTE, Math.max(1, votes), 0, 0, null));
    procedure.decide(t, held.id(), courses.id(), new NewDecision(DecisionMode.VOTE, Math.max(1, votes - 2),
        votes >= 3 ? 1 : 0, votes >= 3 ? 1 : 0, null));
    procedure.draftMinutes(t, held.id(), "Ergebnisprotokoll der Sitzung vom " + held.date()
        + "\n\nTOP 1: Bericht aus dem Case Management – zur Kenntnis genommen.\n"
        + "TOP 2: Sprachkurse für Eltern – empfohlen.");
    // released as the Geschäftsstelle does: with its dispatch (demo persons have no address)
    dispatches.releaseMinutes(t, held.id(), today.minusDays(3));
    procedure.schedule(t, new NewMeeting(today.plusDays(28), LocalTime.of(14, 0), LocalTime.of(16, 0),
        MeetingKind.REGULAR, null));
  }

  private long person(Scope tenant, int n, String institution) {
    String name = FIRST[n % FIRST.length] + " " + LAST[(n * 7 + n / LAST.length) % LAST.length];
    return persons.create(tenant, new NewPerson(name, null, institution, null)).id();
  }

  private boolean appoint(Scope tenant, Seat seat, long person, AppointmentRole role, Integer rank, LocalDate from) {
    try {
      committee.appoint(tenant, new NewAppointment(seat.id(), person, role, role == AppointmentRole.DEPUTY ? rank : null,
          from, null, seat.appointedBy() != null ? seat.appointedBy() : "Demo", "Demo-Beschluss 1/25"));
      return true;
    } catch (DomainException e) {
      LOG.info("demo appointment {} {}: {}", tenant.tenant(), seat.id(), e.getMessage());
      return false;
    }
  }
}
