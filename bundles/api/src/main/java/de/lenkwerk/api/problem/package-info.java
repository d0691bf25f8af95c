/**
 * The catalogue of German problem texts: titles, the details of refusals made before any service
 * runs (authentication, access, HTTP itself) and the problem type names. Every problem answer of
 * the platform, including Jetty's own refusals, is built from it. Free of dependencies, so that
 * the Jetty error handler can carry a copy.
 */
@Export
@Version("1.0.0")
package de.lenkwerk.api.problem;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
