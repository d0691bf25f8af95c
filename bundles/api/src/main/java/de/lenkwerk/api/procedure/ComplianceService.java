package de.lenkwerk.api.procedure;

import de.lenkwerk.api.Scope;
import org.osgi.annotation.versioning.ProviderType;

/** Whether a tenant's committee worked by its rules in a year. */
@ProviderType
public interface ComplianceService {

  /** Cadence, validity and composition findings of one year. */
  ComplianceReport compliance(Scope scope, int year);
}
