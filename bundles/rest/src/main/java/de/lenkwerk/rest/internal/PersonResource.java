package de.lenkwerk.rest.internal;

import de.lenkwerk.api.AnswerBody;
import de.lenkwerk.api.committee.NewPerson;
import de.lenkwerk.api.committee.Person;
import de.lenkwerk.api.committee.PersonExport;
import de.lenkwerk.api.committee.PersonService;
import de.lenkwerk.api.security.Allowed;
import de.lenkwerk.api.security.Roles;
import java.net.URI;
import java.util.List;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
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

  @Allowed({Roles.TENANT_ADMIN, Roles.CHAIR, Roles.MEMBER})
  @GET
  public List<Person> list(@Context SecurityContext security, @PathParam("tenant") String tenant) {
    return persons.list(Scopes.of(security));
  }

  @Allowed({Roles.TENANT_ADMIN, Roles.CHAIR, Roles.MEMBER})
  @GET
  @Path("{id}")
  public Person get(@Context SecurityContext security, @PathParam("tenant") String tenant, @PathParam("id") long id) {
    return persons.get(Scopes.of(security), id);
  }

  @Allowed(Roles.TENANT_ADMIN)
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @AnswerBody(Person.class)
  public Response create(@Context SecurityContext security, @PathParam("tenant") String tenant, NewPerson person) {
    Person created = persons.create(Scopes.of(security), person);
    return Response.created(URI.create("tenants/" + tenant + "/persons/" + created.id()))
        .entity(created).build();
  }

  /** Corrects name, function, institution and e-mail. */
  @Allowed(Roles.TENANT_ADMIN)
  @PUT
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Person update(@Context SecurityContext security, @PathParam("id") long id,
      NewPerson person) {
    return persons.update(Scopes.of(security), id, person);
  }

  /** The person left (holds no current appointment). */
  @Allowed(Roles.TENANT_ADMIN)
  @POST
  @Path("{id}/retire")
  public Person retire(@Context SecurityContext security, @PathParam("id") long id) {
    return persons.retire(Scopes.of(security), id);
  }

  /** Name and contact of a retired person replaced; the records stay. */
  @Allowed(Roles.TENANT_ADMIN)
  @POST
  @Path("{id}/anonymise")
  public Person anonymise(@Context SecurityContext security, @PathParam("id") long id) {
    return persons.anonymise(Scopes.of(security), id);
  }

  /** Everything stored about the person (DSGVO Art. 15). */
  @Allowed(Roles.TENANT_ADMIN)
  @GET
  @Path("{id}/export")
  public PersonExport export(@Context SecurityContext security, @PathParam("id") long id) {
    return persons.export(Scopes.of(security), id);
  }
}
