/**
 * Types every Lenkwerk bundle shares: the domain exception that carries a German message for the
 * person at the other end, and the tenant id rules.
 */
@Export
@Version("1.2.0")
package de.lenkwerk.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
