/**
 * What the integration tests and the benchmarks share: {@link de.lenkwerk.testsupport.KarafProcess}
 * starts a distribution as an operator does, {@link de.lenkwerk.testsupport.Http} talks to it (as a
 * tenant's admin where the path names a tenant), {@link de.lenkwerk.testsupport.Json} and
 * {@link de.lenkwerk.testsupport.Replies} read its answers, {@link de.lenkwerk.testsupport.TenantJars}
 * builds the jars a Kommune ships, {@link de.lenkwerk.testsupport.PostgresServer} gives the PostgreSQL
 * to run on.
 */
@Export
@Version("1.1.0")
package de.lenkwerk.testsupport;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
