package de.lenkwerk.persistence;

import de.lenkwerk.api.committee.NewPerson;
import de.lenkwerk.api.committee.Person;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/** The persons of the transaction's tenant. */
@ProviderType
public interface PersonRepository {

  /** Stores a validated person and returns it with its id. */
  Person create(NewPerson person);

  /** All persons, ordered by name. */
  List<Person> list();

  Optional<Person> find(long id);

  /** The names of these persons by id; unknown ids are left out. */
  Map<Long, String> names(Collection<Long> ids);

  /** Replaces name, function, institution and e-mail of a stored person. */
  Person update(long id, NewPerson person);

  /** Marks the person as retired from this day. */
  Person retire(long id, LocalDate on);

  /** Replaces name and contact by the anonymised name; the id and all records stay. */
  Person anonymise(long id);
}
