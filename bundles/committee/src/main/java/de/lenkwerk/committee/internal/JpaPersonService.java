package de.lenkwerk.committee.internal;

import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.committee.NewPerson;
import de.lenkwerk.api.committee.Person;
import de.lenkwerk.api.committee.PersonService;
import de.lenkwerk.persistence.TenantStore;
import de.lenkwerk.persistence.entity.PersonEntity;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Persons of a tenant, stored through the tenant-bound store. */
@Component(service = PersonService.class)
public final class JpaPersonService implements PersonService {

  private final TenantStore store;

  @Activate
  public JpaPersonService(@Reference TenantStore store) {
    this.store = store;
  }

  @Override
  public Person create(String tenant, NewPerson person) {
    NewPerson valid = PersonValidation.validate(person);
    return store.write(tenant, em -> {
      PersonEntity entity = new PersonEntity();
      entity.setName(valid.name());
      entity.setFunction(valid.function());
      entity.setInstitution(valid.institution());
      entity.setEmail(valid.email());
      em.persist(entity);
      em.flush();
      return toPerson(entity);
    });
  }

  @Override
  public List<Person> list(String tenant) {
    return store.read(tenant, em -> em
        .createQuery("SELECT p FROM PersonEntity p ORDER BY p.name, p.id", PersonEntity.class)
        .getResultList().stream().map(JpaPersonService::toPerson).toList());
  }

  @Override
  public Person get(String tenant, long id) {
    return store.read(tenant, em -> {
      // A query, not em.find: find could answer from a cache without the tenant filter.
      List<PersonEntity> found = em
          .createQuery("SELECT p FROM PersonEntity p WHERE p.id = :id", PersonEntity.class)
          .setParameter("id", id).getResultList();
      if (found.isEmpty()) {
        throw DomainException.notFound("Die Person mit der Kennung " + id + " gibt es nicht.");
      }
      return toPerson(found.get(0));
    });
  }

  static Person toPerson(PersonEntity e) {
    return new Person(e.getId(), e.getName(), e.getFunction(), e.getInstitution(), e.getEmail());
  }
}
