package de.lenkwerk.rest.internal;

import de.lenkwerk.api.committee.NewPerson;
import de.lenkwerk.api.committee.Person;
import de.lenkwerk.api.committee.PersonService;
import de.lenkwerk.api.security.Allowed;
import de.lenkwerk.api.security.Roles;
import java.net.URI;
import java.util.List;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** {@code /api/v1/tenants/{tenant}/persons}: the persons a tenant may appoint. */
@Component(service = PersonResource.class)
@JaxrsResource
@JaxrsApplicationSelect(LenkwerkApplication.SELECT)
@JSONRequired
@Path("tenants/{tenant}/persons")
@Produces(MediaType.APPLICATION_JSON)
public final class PersonResource {

  private final PersonService persons;

  @Activate
  public PersonResource(@Reference PersonService persons) {
    this.persons = persons;
  }

  @Allowed({Roles.TENANT_ADMIN, Roles.CHAIR, Roles.MEMBER})
  @GET
  public List<Person> list(@PathParam("tenant") String tenant) {
    return persons.list(tenant);
  }

  @Allowed({Roles.TENANT_ADMIN, Roles.CHAIR, Roles.MEMBER})
  @GET
  @Path("{id}")
  public Person get(@PathParam("tenant") String tenant, @PathParam("id") long id) {
    return persons.get(tenant, id);
  }

  @Allowed(Roles.TENANT_ADMIN)
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(@PathParam("tenant") String tenant, NewPerson person) {
    Person created = persons.create(tenant, person);
    return Response.created(URI.create("tenants/" + tenant + "/persons/" + created.id()))
        .entity(created).build();
  }
}
