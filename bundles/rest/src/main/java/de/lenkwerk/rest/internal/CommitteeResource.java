package de.lenkwerk.rest.internal;

import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.committee.Committee;
import de.lenkwerk.api.committee.CommitteeService;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code GET /api/v1/tenants/{tenant}/committee?on=YYYY-MM-DD}: the committee on a day (default
 * today in Germany): chair, deputy chair, every seat with members and ranked deputies, and the
 * compliance report.
 */
@Component(service = CommitteeResource.class)
@JaxrsResource
@JaxrsApplicationSelect(LenkwerkApplication.SELECT)
@JSONRequired
@Path("tenants/{tenant}/committee")
@Produces(MediaType.APPLICATION_JSON)
public final class CommitteeResource {

  static final ZoneId GERMANY = ZoneId.of("Europe/Berlin");

  private final CommitteeService committee;

  @Activate
  public CommitteeResource(@Reference CommitteeService committee) {
    this.committee = committee;
  }

  @GET
  public Committee committee(@Context SecurityContext security, @PathParam("tenant") String tenant, @QueryParam("on") String on) {
    return committee.committee(Scopes.of(security), day(on));
  }

  static LocalDate day(String on) {
    if (on == null || on.isBlank()) {
      return LocalDate.now(GERMANY);
    }
    try {
      return LocalDate.parse(on.strip());
    } catch (DateTimeParseException e) {
      String shown = on.length() > 40 ? on.substring(0, 40) + "…" : on;
      throw DomainException.invalid("Der Stichtag \"on\" (\"" + shown + "\") ist kein gültiges "
          + "Datum: erwartet wird das Format JJJJ-MM-TT, z. B. 2024-05-31.");
    }
  }
}
