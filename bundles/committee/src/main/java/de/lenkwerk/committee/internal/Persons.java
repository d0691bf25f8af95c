package de.lenkwerk.committee.internal;

import de.lenkwerk.api.PlatformClock;
import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.Scope;
import de.lenkwerk.api.committee.NewPerson;
import de.lenkwerk.api.committee.Person;
import de.lenkwerk.api.committee.PersonService;
import de.lenkwerk.audit.Audit;
import de.lenkwerk.persistence.UnitOfWork;
import de.lenkwerk.api.committee.Appointment;
import de.lenkwerk.api.committee.PersonExport;
import de.lenkwerk.persistence.Transaction;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Persons of a tenant, stored through the person repository, every change audited: corrected,
 * retired once they hold no appointment, anonymised when data protection requires, exported.
 */
@Component(service = PersonService.class)
public final class Persons implements PersonService {

  private final UnitOfWork work;
  private final Audit audit;
  private final Clock clock;

  @Activate
  public Persons(@Reference UnitOfWork work, @Reference Audit audit,
      @Reference PlatformClock clock) {
    this.work = work;
    this.audit = audit;
    this.clock = clock.clock();
  }

  @Override
  public Person create(Scope scope, NewPerson person) {
    NewPerson valid = PersonValidation.validate(person);
    return work.write(scope, tx -> {
      Person created = tx.persons().create(valid);
      audit.record(tx, "POST /tenants/{tenant}/persons", target(scope, created.id()), null,
          created);
      return created;
    });
  }

  @Override
  public List<Person> list(Scope scope) {
    return work.read(scope, tx -> tx.persons().list());
  }

  @Override
  public Person get(Scope scope, long id) {
    return work.read(scope, tx -> tx.persons().find(id).orElseThrow(() ->
        DomainException.notFound("Die Person mit der Kennung " + id + " gibt es nicht.")));
  }

  @Override
  public Person update(Scope scope, long id, NewPerson person) {
    NewPerson valid = PersonValidation.validate(person);
    return work.write(scope, tx -> {
      Person before = required(tx, id);
      if (before.anonymised()) {
        throw DomainException.conflict("Die Person " + id + " wurde aus Datenschutzgründen "
            + "anonymisiert; ihre Daten lassen sich nicht mehr ändern.");
      }
      Person after = tx.persons().update(id, valid);
      audit.record(tx, "PUT /tenants/{tenant}/persons/{id}", target(scope, id), before, after);
      return after;
    });
  }

  @Override
  public Person retire(Scope scope, long id) {
    LocalDate today = LocalDate.now(clock);
    return work.write(scope, tx -> {
      Person before = required(tx, id);
      if (before.retiredOn() != null) {
        throw DomainException.conflict("Die Person " + id + " ist bereits seit dem "
            + Dates.german(before.retiredOn()) + " ausgeschieden.");
      }
      List<Appointment> current = tx.appointments().ofPerson(id).stream()
          .filter(a -> a.until() == null || !a.until().isBefore(today)).toList();
      if (!current.isEmpty()) {
        throw DomainException.conflict("Die Person " + id + " hat noch eine laufende oder "
            + "künftige Bestellung (" + current.stream().map(a -> "Bestellung " + a.id()
                + ", Sitz " + a.seat()).collect(Collectors.joining("; ")) + "). Bitte beenden "
            + "Sie zuerst die Bestellung (POST .../appointments/{id}/end).");
      }
      Person after = tx.persons().retire(id, today);
      audit.record(tx, "POST /tenants/{tenant}/persons/{id}/retire", target(scope, id), before,
          after);
      return after;
    });
  }

  @Override
  public Person anonymise(Scope scope, long id) {
    return work.write(scope, tx -> {
      Person before = required(tx, id);
      if (before.anonymised()) {
        throw DomainException.conflict("Die Person " + id + " ist bereits anonymisiert.");
      }
      if (before.retiredOn() == null) {
        throw DomainException.conflict("Anonymisiert wird nur eine ausgeschiedene Person. Bitte "
            + "lassen Sie die Person " + id + " zuerst ausscheiden (POST .../persons/" + id
            + "/retire).");
      }
      Person after = tx.persons().anonymise(id);
      // The trail records that it happened, not the data that was removed.
      audit.record(tx, "POST /tenants/{tenant}/persons/{id}/anonymise", target(scope, id),
          Map.of("id", id, "anonymised", false), after);
      return after;
    });
  }

  @Override
  public PersonExport export(Scope scope, long id) {
    return work.read(scope, tx -> new PersonExport(required(tx, id),
        tx.appointments().ofPerson(id),
        tx.meetings().submittedBy(id).stream().map(i -> new PersonExport.SubmittedItem(
            i.meeting(), i.id(), i.title(), i.submittedAt())).toList(),
        tx.meetings().attendedBy(id), tx.minutes().objectionsBy(id)));
  }

  private static Person required(Transaction tx, long id) {
    return tx.persons().find(id).orElseThrow(() ->
        DomainException.notFound("Die Person mit der Kennung " + id + " gibt es nicht."));
  }

  static String target(Scope scope, long id) {
    return "tenants/" + scope.tenant() + "/persons/" + id;
  }
}
