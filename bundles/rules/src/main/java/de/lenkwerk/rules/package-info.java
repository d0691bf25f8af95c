/**
 * Reading a tenant's Geschäftsordnung document and applying it: {@link de.lenkwerk.rules.RulesDocument}
 * parses the YAML document of a tenant bundle into a complete
 * {@link de.lenkwerk.api.rules.RulesOfProcedure} (what the document leaves out is the KIM default,
 * see {@link de.lenkwerk.rules.KimDefaults}); {@link de.lenkwerk.rules.StandardQuorumPolicy} and
 * {@link de.lenkwerk.rules.StandardDecisionPolicy} apply the voting rules as the standard policies;
 * {@link de.lenkwerk.rules.PoliciesInForce} wires a tenant's policy services as the container does.
 */
@Export
@Version("1.2.0")
package de.lenkwerk.rules;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
