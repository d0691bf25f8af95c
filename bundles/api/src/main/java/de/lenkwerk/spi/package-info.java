/**
 * The policy SPI: what a policy developer implements when a Kommune's rule cannot be said as data
 * in its Geschäftsordnung document ({@link de.lenkwerk.spi.DecisionPolicy}, {@link
 * de.lenkwerk.spi.QuorumPolicy}), and what the platform hands to it ({@link
 * de.lenkwerk.spi.DecisionInput}, {@link de.lenkwerk.spi.QuorumInput} and their parts, all
 * {@code @ProviderType}: the platform implements them and adds context in minor versions).
 *
 * <p><b>Where policy code lives.</b> In its own bundle (e.g. {@code
 * de.lenkwerk.tenant.kreis-borken.policy}, from {@code lenkwerk-policy-archetype}), installed by
 * the hosting provider with {@code bundle:install}. Never in the tenant's data bundle and never in
 * a bundle a tenant admin uploads: the platform refuses uploads with code, because code runs with
 * the platform's rights.
 *
 * <p><b>How it binds to its tenant.</b> A DS component registered as the SPI service with the
 * service property {@value de.lenkwerk.spi.Policies#TENANT} naming the tenant id. The platform
 * picks it up while running (whiteboard) and it takes over that part of that tenant's rules; the
 * rules view ({@code GET /api/v1/tenants/{t}/rules}, {@code lenkwerk:rules}) shows its name,
 * bundle, version and source, and the tenant's rules version includes the bundle's version and
 * digest. Two policies of one kind for one tenant make the tenant INVALID.
 *
 * <p><b>How it gets its tenant's rules.</b> With every call: {@link
 * de.lenkwerk.spi.DecisionInput#rules()} is the Geschäftsordnung in force, and {@link
 * de.lenkwerk.spi.DecisionInput#standard()} the outcome under it. A policy keeps no rules of its
 * own. Implementations must be fast, side-effect free and thread-safe; if one throws, the tenant
 * becomes INVALID with the reason, and every other tenant goes on.
 */
@Export
@Version("2.0.0")
package de.lenkwerk.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
