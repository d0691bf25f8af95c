package de.lenkwerk.committee.internal;

import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.Scope;
import de.lenkwerk.api.committee.NewPerson;
import de.lenkwerk.api.committee.Person;
import de.lenkwerk.api.committee.PersonService;
import de.lenkwerk.audit.Audit;
import de.lenkwerk.persistence.UnitOfWork;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Persons of a tenant, stored through the person repository, every change audited. */
@Component(service = PersonService.class)
public final class Persons implements PersonService {

  private final UnitOfWork work;
  private final Audit audit;

  @Activate
  public Persons(@Reference UnitOfWork work, @Reference Audit audit) {
    this.work = work;
    this.audit = audit;
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

  static String target(Scope scope, long id) {
    return "tenants/" + scope.tenant() + "/persons/" + id;
  }
}
