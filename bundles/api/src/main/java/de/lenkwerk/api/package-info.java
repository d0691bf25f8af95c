/**
 * Types every Lenkwerk bundle shares: the domain exception that carries a German message for the
 * person at the other end, the tenant id rules, the platform's clock and the
 * consistent read of several services.
 */
@Export
@Version("1.3.0")
package de.lenkwerk.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
