package de.lenkwerk.security.internal;

import de.lenkwerk.api.AnswerBody;
import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.documents.CalendarFeeds;
import de.lenkwerk.api.security.Allowed;
import de.lenkwerk.api.Scope;
import de.lenkwerk.api.security.Caller;
import de.lenkwerk.api.security.Roles;
import java.net.URI;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code POST /api/v1/users/me/calendar-token}: a new secret calendar address for the caller,
 * with the meetings of the caller's tenant; the previous address stops working. Here because only
 * this bundle knows the caller of a request.
 */
@Component(service = CalendarTokenResource.class)
@JaxrsResource
@JaxrsApplicationSelect(AuthFilter.APPLICATION)
@JSONRequired
@Path("users/me/calendar-token")
@Produces(MediaType.APPLICATION_JSON)
public final class CalendarTokenResource {

  /** The answer: the feed's address, absolute and relative to the API. */
  record CalendarToken(String url, String path) {}

  private final CalendarFeeds feeds;
  @Activate
  public CalendarTokenResource(@Reference CalendarFeeds feeds) {
    this.feeds = feeds;
  }

  // the platform admin has no tenant and so no meetings: not listed, 403
  @Allowed({Roles.TENANT_ADMIN, Roles.CHAIR, Roles.MEMBER})
  @POST
  @AnswerBody(CalendarToken.class)
  public Response issue(@Context UriInfo uri, @Context SecurityContext security) {
    Caller caller = RequestSecurity.caller(security);
    if (caller == null || caller.tenant() == null) {
      throw DomainException.conflict("Ein persönlicher Sitzungskalender gehört zu einer Kommune; "
          + "der Plattform-Administrator gehört zu keiner.");
    }
    String token = feeds.issue(Scope.of(caller));
    String path = "calendar/" + token + ".ics";
    URI url = uri.getBaseUriBuilder().path(path).build();
    return Response.created(url).entity(new CalendarToken(url.toString(), "/api/v1/" + path))
        .header("Cache-Control", "no-store").build();
  }
}
