/**
 * Mail the platform sends for a Kommune: the dispatch (Versand) of invitations, change notices and
 * minutes to the members and deputies, through an outbox that loses nothing acknowledged.
 * Implemented by the core (bundle {@code de.lenkwerk.mail}).
 */
@Export
@Version("1.1.0")
package de.lenkwerk.api.mail;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
