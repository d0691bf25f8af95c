package de.lenkwerk.rest.internal;

import javax.ws.rs.core.Application;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationBase;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

/**
 * The one JAX-RS application of the platform; resources and extensions select it by name. It
 * requires the authentication filter ({@code lenkwerk.auth}) and the access feature
 * ({@code lenkwerk.access}) of de.lenkwerk.security: without them the application is not served
 * at all, so the API never runs unprotected.
 */
@Component(service = Application.class)
@JaxrsName(LenkwerkApplication.NAME)
@JaxrsApplicationBase("api/v1")
@JaxrsExtensionSelect({"(osgi.jaxrs.name=lenkwerk.auth)", "(osgi.jaxrs.name=lenkwerk.access)"})
public final class LenkwerkApplication extends Application {

  static final String NAME = "lenkwerk";
  static final String SELECT = "(osgi.jaxrs.name=" + NAME + ")";
}
