package de.lenkwerk.security.internal;

import de.lenkwerk.api.AnswerBody;
import de.lenkwerk.api.security.Allowed;
import de.lenkwerk.api.security.NewUser;
import de.lenkwerk.api.security.PasswordChange;
import de.lenkwerk.api.security.Roles;
import de.lenkwerk.api.security.User;
import de.lenkwerk.api.security.UserService;
import java.net.URI;
import java.util.List;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code /api/v1/users}: create, list and remove users (platform admin; tenant admin for its own
 * tenant), and set passwords (also users their own).
 */
@Component(service = UserResource.class)
@JaxrsResource
@JaxrsApplicationSelect(AuthFilter.APPLICATION)
@JSONRequired
@Path("users")
@Produces(MediaType.APPLICATION_JSON)
public final class UserResource {

  private final UserService users;

  @Activate
  public UserResource(@Reference UserService users) {
    this.users = users;
  }

  @Allowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN})
  @GET
  public List<User> list(@Context SecurityContext security) {
    return users.list(RequestSecurity.caller(security));
  }

  @Allowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN})
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @AnswerBody(User.class)
  public Response create(@Context SecurityContext security, NewUser user) {
    User created = users.create(RequestSecurity.caller(security), user);
    return Response.created(URI.create("users/" + created.username())).entity(created).build();
  }

  /** {@code {"password", "currentPassword"}}: 204; the current password when users change their own. */
  @Allowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN, Roles.CHAIR, Roles.MEMBER})
  @PUT
  @Path("{username}/password")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response changePassword(@Context SecurityContext security,
      @PathParam("username") String username, PasswordChange change) {
    users.changePassword(RequestSecurity.caller(security), username, change);
    return Response.noContent().build();
  }

  /** The body of {@code PUT /users/{username}/person}: the person's id, or null to unlink. */
  public record PersonLink(Long person) {}

  /** {@code {"person": id}}: the user's login acts as this person of its tenant; 200 with the user. */
  @Allowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN})
  @PUT
  @Path("{username}/person")
  @Consumes(MediaType.APPLICATION_JSON)
  public User linkPerson(@Context SecurityContext security, @PathParam("username") String username,
      PersonLink link) {
    if (link == null) {
      throw de.lenkwerk.api.DomainException.invalid("Bitte senden Sie die Person: {\"person\": 17} "
          + "(oder {\"person\": null}, um die Zuordnung aufzuheben).");
    }
    return users.linkPerson(RequestSecurity.caller(security), username, link.person());
  }

  @Allowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN})
  @DELETE
  @Path("{username}")
  public Response delete(@Context SecurityContext security,
      @PathParam("username") String username) {
    users.delete(RequestSecurity.caller(security), username);
    return Response.noContent().build();
  }
}
