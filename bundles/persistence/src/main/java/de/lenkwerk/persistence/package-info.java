/**
 * The tenant-bound store. Every database access of the core goes through
 * {@link de.lenkwerk.persistence.TenantStore}, which binds the tenant before any query runs, so
 * that no query can see another tenant's rows.
 */
@Export
@Version("2.1.0")
@Header(name = "Meta-Persistence", value = "META-INF/persistence.xml")
package de.lenkwerk.persistence;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.bundle.Header;
import org.osgi.annotation.versioning.Version;
