package de.lenkwerk.rest.internal;

import de.lenkwerk.api.documents.CalendarFeeds;
import de.lenkwerk.api.security.Public;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Response;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code GET /api/v1/calendar/{token}.ics}: a user's calendar feed for calendar programs, which
 * subscribe without a login form; the secret token is the credential.
 */
@Component(service = CalendarFeedResource.class)
@JaxrsResource
@JaxrsApplicationSelect(LenkwerkApplication.SELECT)
@JSONRequired
@Path("calendar")
public final class CalendarFeedResource {

  private final CalendarFeeds feeds;

  @Activate
  public CalendarFeedResource(@Reference CalendarFeeds feeds) {
    this.feeds = feeds;
  }

  // the secret token in the path is the credential
  @Public
  @GET
  @Path("{token}.ics")
  @Produces(Documents.CALENDAR)
  public Response feed(@PathParam("token") String token) {
    return Documents.calendar(feeds.feed(token), "lenkwerk.ics");
  }
}
