/**
 * The policy SPI: what a policy developer implements when a Kommune's rule cannot be said as data
 * in its Geschäftsordnung document.
 *
 * <p>Register an implementation as an OSGi service (a DS component in the tenant bundle) with the
 * service property {@value de.lenkwerk.spi.Policies#TENANT} naming the tenant id. The platform
 * picks it up while running (whiteboard) and it wins over the data for that part of the rules.
 * Implementations must be fast, side-effect free and thread-safe; if one throws, the tenant becomes
 * INVALID with the reason, and every other tenant goes on.
 */
@Export
@Version("1.0.0")
package de.lenkwerk.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
