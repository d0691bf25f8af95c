package de.lenkwerk.persistence.internal;

import de.lenkwerk.api.committee.NewPerson;
import de.lenkwerk.api.committee.Person;
import de.lenkwerk.persistence.PersonRepository;
import de.lenkwerk.persistence.internal.entity.PersonEntity;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.persistence.EntityManager;

/** Persons by tenant-filtered queries (never em.find, which could answer from a cache unfiltered). */
final class JpaPersons implements PersonRepository {

  private final EntityManager em;

  JpaPersons(EntityManager em) {
    this.em = em;
  }

  @Override
  public Person create(NewPerson person) {
    PersonEntity entity = new PersonEntity();
    entity.setName(person.name());
    entity.setFunction(person.function());
    entity.setInstitution(person.institution());
    entity.setEmail(person.email());
    em.persist(entity);
    em.flush();
    return toPerson(entity);
  }

  @Override
  public List<Person> list() {
    return em.createQuery("SELECT p FROM PersonEntity p ORDER BY p.name, p.id", PersonEntity.class)
        .getResultList().stream().map(JpaPersons::toPerson).toList();
  }

  @Override
  public Optional<Person> find(long id) {
    return em.createQuery("SELECT p FROM PersonEntity p WHERE p.id = :id", PersonEntity.class)
        .setParameter("id", id).getResultList().stream().findFirst().map(JpaPersons::toPerson);
  }

  @Override
  public Map<Long, String> names(Collection<Long> ids) {
    Map<Long, String> names = new HashMap<>();
    if (!ids.isEmpty()) {
      em.createQuery("SELECT p FROM PersonEntity p WHERE p.id IN :ids", PersonEntity.class)
          .setParameter("ids", List.copyOf(ids)).getResultList()
          .forEach(p -> names.put(p.getId(), p.getName()));
    }
    return names;
  }

  @Override
  public Person update(long id, NewPerson person) {
    PersonEntity e = required(id);
    e.setName(person.name());
    e.setFunction(person.function());
    e.setInstitution(person.institution());
    e.setEmail(person.email());
    em.flush();
    return toPerson(e);
  }

  @Override
  public Person retire(long id, LocalDate on) {
    PersonEntity e = required(id);
    e.setRetiredOn(on);
    em.flush();
    return toPerson(e);
  }

  @Override
  public Person anonymise(long id) {
    PersonEntity e = required(id);
    e.setName(Person.anonymisedName(id));
    e.setFunction(null);
    e.setInstitution(null);
    e.setEmail(null);
    e.setAnonymised(true);
    em.flush();
    return toPerson(e);
  }

  private PersonEntity required(long id) {
    return em.createQuery("SELECT p FROM PersonEntity p WHERE p.id = :id", PersonEntity.class)
        .setParameter("id", id).getResultList().stream().findFirst()
        .orElseThrow(() -> new IllegalStateException("person " + id + " vanished"));
  }

  static Person toPerson(PersonEntity e) {
    return new Person(e.getId(), e.getName(), e.getFunction(), e.getInstitution(), e.getEmail(),
        e.getRetiredOn(), e.isAnonymised());
  }
}
