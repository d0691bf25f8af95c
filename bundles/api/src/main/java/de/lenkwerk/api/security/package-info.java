/**
 * Who is calling and what was changed: the caller with its tenant and roles, the access declared
 * on each resource method ({@link Allowed}, {@link Public}), user management and the
 * tamper-evident audit trail of every write.
 */
@Export
@Version("2.0.0")
package de.lenkwerk.api.security;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
