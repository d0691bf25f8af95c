/**
 * The Geschäftsordnung of a tenant as data: {@link de.lenkwerk.api.rules.RulesOfProcedure} and its
 * parts. Every rule carries a {@link de.lenkwerk.api.rules.RuleSource}: the tenant's own text with
 * its paragraph, or the KIM default where the tenant's text is silent.
 */
@Export
@Version("1.2.0")
package de.lenkwerk.api.rules;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
