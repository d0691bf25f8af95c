/**
 * The procedure of a tenant's committee: meetings (Sitzungen), the agenda (Tagesordnung),
 * attendance (Anwesenheit), quorum (Beschlussfähigkeit), decisions (Beschlüsse) and minutes
 * (Niederschrift), each under the tenant's rules of procedure. Implemented by the core.
 */
@Export
@Version("2.2.0")
package de.lenkwerk.api.procedure;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
