/**
 * What a Kommune exchanges about a meeting, in its standard formats: the Einladung, the
 * Niederschrift and the Anwesenheitsliste as PDF/A-2b, the meeting as iCalendar (RFC 5545).
 * Implemented by the core (bundle {@code de.lenkwerk.documents}).
 */
@Export
@Version("1.0.0")
package de.lenkwerk.api.documents;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
