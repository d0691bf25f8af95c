package de.lenkwerk.web.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the web application (PID {@code de.lenkwerk.web}). */
@ObjectClassDefinition(name = "Lenkwerk Web", description = "Die Weboberfläche unter /")
public @interface WebConfig {

  @AttributeDefinition(name = "Sitzungsdauer ohne Aktivität (Minuten)",
      description = "Nach so vielen Minuten ohne Anfrage endet die Anmeldung.", min = "1")
  int idleMinutes() default 30;
}
