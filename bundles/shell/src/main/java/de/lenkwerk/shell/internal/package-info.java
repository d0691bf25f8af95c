/** Karaf console commands in the scope {@code lenkwerk}. */
@Header(name = "Karaf-Commands", value = "*")
package de.lenkwerk.shell.internal;

import org.osgi.annotation.bundle.Header;
