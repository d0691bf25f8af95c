/** The web application's implementation: servlet, sessions, templates. Not exported. */
package de.lenkwerk.web.internal;
