/**
 * Recording into the audit trail from inside a service's unit of work: {@link de.lenkwerk.audit.Audit}.
 * Reading and verifying the trail is {@link de.lenkwerk.api.security.AuditLog}.
 */
@Export
@Version("1.0.0")
package de.lenkwerk.audit;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
