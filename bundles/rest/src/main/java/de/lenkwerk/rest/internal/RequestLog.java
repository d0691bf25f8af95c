package de.lenkwerk.rest.internal;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.container.PreMatching;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One DEBUG line per request: method, path, status and duration (never bodies: personal data). */
@Component(service = {ContainerRequestFilter.class, ContainerResponseFilter.class})
@JaxrsExtension
@JaxrsApplicationSelect(LenkwerkApplication.SELECT)
@PreMatching
public final class RequestLog implements ContainerRequestFilter, ContainerResponseFilter {

  private static final Logger LOG = LoggerFactory.getLogger("de.lenkwerk.rest.access");
  private static final String STARTED = RequestLog.class.getName() + ".started";

  @Override
  public void filter(ContainerRequestContext request) {
    request.setProperty(STARTED, System.nanoTime());
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (LOG.isDebugEnabled()) {
      Object started = request.getProperty(STARTED);
      long millis = started instanceof Long s ? (System.nanoTime() - s) / 1_000_000 : -1;
      LOG.debug("{} /{} -> {} ({} ms)", request.getMethod(),
          request.getUriInfo().getPath(), response.getStatus(), millis);
    }
  }
}
