/**
 * The platform's persistence as the other bundles see it: a {@link de.lenkwerk.persistence.UnitOfWork}
 * runs work in one transaction bound to the tenant of a {@link de.lenkwerk.api.Scope}, and hands it
 * a {@link de.lenkwerk.persistence.Transaction} with one repository per aggregate. Entities, JPQL
 * and SQL stay inside this bundle; repositories return the API's records (or, where the API's
 * record is a view computed with the tenant's rules, the stored facts as a record of this package).
 */
@Export
@Version("3.3.0")
@Header(name = "Meta-Persistence", value = "META-INF/persistence.xml")
package de.lenkwerk.persistence;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.bundle.Header;
import org.osgi.annotation.versioning.Version;
