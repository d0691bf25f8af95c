/** The JPA entities. Each is tenant-scoped through {@link de.lenkwerk.persistence.entity.TenantScoped}. */
@Export
@Version("1.0.0")
package de.lenkwerk.persistence.entity;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
