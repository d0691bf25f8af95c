package de.lenkwerk.api.committee;

import de.lenkwerk.api.Scope;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/** Keeps the persons of each tenant. Every call is scoped to exactly one tenant. */
@ProviderType
public interface PersonService {

  /** Validates and stores a person; refuses bad input with a German reason, storing nothing. */
  Person create(Scope scope, NewPerson person);

  /** All persons of the tenant, ordered by name. */
  List<Person> list(Scope scope);

  /** One person of the tenant; unknown ids (also those of other tenants) give NOT_FOUND. */
  Person get(Scope scope, long id);

  /**
   * Corrects name, function, institution and e-mail (audited with before and after). CONFLICT for
   * an anonymised person.
   */
  Person update(Scope scope, long id, NewPerson person);

  /**
   * Marks the person as having left today. CONFLICT while the person holds a current or future
   * appointment (naming it).
   */
  Person retire(Scope scope, long id);

  /**
   * Replaces name and contact of a retired person by "gelöschte Person (Nr. …)"; appointments and
   * records stay. CONFLICT for a person not retired.
   */
  Person anonymise(Scope scope, long id);

  /** Everything stored about the person. */
  PersonExport export(Scope scope, long id);
}
