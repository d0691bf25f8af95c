package de.lenkwerk.rest.internal;

import de.lenkwerk.api.committee.NewPerson;
import de.lenkwerk.api.committee.Person;
import de.lenkwerk.api.committee.PersonService;
import java.net.URI;
import java.util.List;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
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

  @GET
  public List<Person> list(@Context SecurityContext security, @PathParam("tenant") String tenant) {
    return persons.list(Scopes.of(security));
  }

  @GET
  @Path("{id}")
  public Person get(@Context SecurityContext security, @PathParam("tenant") String tenant, @PathParam("id") long id) {
    return persons.get(Scopes.of(security), id);
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(@Context SecurityContext security, @PathParam("tenant") String tenant, NewPerson person) {
    Person created = persons.create(Scopes.of(security), person);
    return Response.created(URI.create("tenants/" + tenant + "/persons/" + created.id()))
        .entity(created).build();
  }
}
