/**
 * The tenant directory: which tenants (Kommunen) the platform serves, in what state, under which
 * rules. Implemented by the core (the tenancy bundle).
 */
@Export
@Version("2.1.0")
package de.lenkwerk.api.tenant;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
