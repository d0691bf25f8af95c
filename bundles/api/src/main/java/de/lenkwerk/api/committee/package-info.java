/**
 * The committee (Lenkungsgruppe) of a tenant: persons, appointments of members and deputies to
 * seats, and the composition on a given date. Implemented by the core.
 */
@Export
@Version("2.2.0")
package de.lenkwerk.api.committee;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
