/**
 * The test kit for tenant bundles and policies: {@link de.lenkwerk.testkit.TenantRulesKit} loads a
 * Geschäftsordnung document in a JUnit 5 test, checks that the rules are complete and consistent,
 * and evaluates quorum and decisions with the standard policies. Use it test-scoped.
 */
@Export
@Version("1.0.0")
package de.lenkwerk.testkit;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
