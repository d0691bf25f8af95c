package de.lenkwerk.api.committee;

import java.util.List;
import de.lenkwerk.api.Scope;
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
}
