package de.lenkwerk.rest.internal;

import de.lenkwerk.api.AnswerBody;
import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.rules.Resolution;
import de.lenkwerk.api.rules.RulesOfProcedure;
import de.lenkwerk.api.security.Allowed;
import de.lenkwerk.api.security.Public;
import de.lenkwerk.api.security.Roles;
import de.lenkwerk.api.tenant.RulesHistory;
import de.lenkwerk.api.tenant.Tenant;
import de.lenkwerk.api.tenant.TenantAdministration;
import de.lenkwerk.api.tenant.TenantDirectory;
import de.lenkwerk.api.tenant.TenantInfo;
import de.lenkwerk.api.tenant.TenantStatus;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.net.URI;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.QueryParam;
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

/** {@code /api/v1/tenants}: the tenant directory and each tenant's effective rules. */
@Component(service = TenantResource.class)
@JaxrsResource
@JaxrsApplicationSelect(LenkwerkApplication.SELECT)
@JSONRequired
@Path("tenants")
@Produces(MediaType.APPLICATION_JSON)
public final class TenantResource {

  private final TenantDirectory directory;
  private final TenantAdministration administration;
  private final RulesHistory history;

  /** The body of {@code POST /tenants}. */
  public record NewTenant(String id, String name) {}

  @Activate
  public TenantResource(@Reference TenantDirectory directory, @Reference TenantAdministration administration,
      @Reference RulesHistory history) {
    this.directory = directory;
    this.administration = administration;
    this.history = history;
  }

  @Public
  @GET
  public List<TenantInfo> tenants() {
    return directory.list();
  }

  /** Platform admin: creates a Kommune, PENDING until its Geschäftsstelle uploads the document. */
  @Allowed(Roles.PLATFORM_ADMIN)
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @AnswerBody(TenantInfo.class)
  public Response create(@Context SecurityContext security, NewTenant tenant) {
    if (tenant == null) {
      throw DomainException.invalid("Bitte senden Sie die Kommune: {\"id\": \"kreis-borken\", \"name\": \"Kreis Borken\"}.");
    }
    TenantInfo created = administration.create(Scopes.caller(security), tenant.id(), tenant.name());
    return Response.created(URI.create("tenants/" + created.id())).entity(created).build();
  }

  /**
   * The effective rules: the tenant's own and the KIM defaults, each with its source. The seats
   * and {@code validUntil} are also lifted to the top level, where clients look for them;
   * {@code policies} lists the policy services that take over rules (empty: standard policies).
   * With {@code on=YYYY-MM-DD}: the version in force on that day; {@code takesEffect} is the day
   * the version shown took effect (null where the platform kept no record of it).
   */
  @Allowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN, Roles.CHAIR, Roles.MEMBER})
  @GET
  @Path("{tenant}/rules")
  public Map<String, Object> rules(@PathParam("tenant") String id, @QueryParam("on") String on) {
    Tenant tenant = directory.serving(id);
    RulesOfProcedure rules = tenant.rules();
    String rulesVersion = tenant.rulesVersion();
    LocalDate takesEffect = null;
    List<RulesHistory.RulesVersion> versions = history.versions(id);
    if (on == null) {
      for (RulesHistory.RulesVersion version : versions) {
        if (serves(rulesVersion, version)) {
          takesEffect = version.takesEffect();
        }
      }
    } else {
      LocalDate day = day(on);
      RulesHistory.RulesVersion version = null;
      for (RulesHistory.RulesVersion v : versions) {
        if (!v.takesEffect().isAfter(day)) {
          version = v;
        }
      }
      if (version == null) {
        throw DomainException.notFound("Für den " + GERMAN_DAY.format(day) + " ist keine Fassung der "
            + "Geschäftsordnung von \"" + id + "\" erfasst"
            + (versions.isEmpty() ? "." : "; die älteste erfasste gilt ab dem "
                + GERMAN_DAY.format(versions.get(0).takesEffect()) + ". Bitte ein späteres Datum wählen."));
      }
      if (!serves(rulesVersion, version)) {
        rules = version.rules();
        rulesVersion = version.rulesVersion();
      }
      takesEffect = version.takesEffect();
    }
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("tenant", rules.tenant());
    view.put("name", rules.name());
    view.put("title", rules.title());
    view.put("status", tenant.info().status());
    view.put("rulesVersion", rulesVersion);
    view.put("takesEffect", takesEffect);
    view.put("seats", rules.composition().seats());
    view.put("groups", rules.composition().groups());
    view.put("composition", Map.of(
        "requirements", rules.composition().requirements(),
        "change", rules.composition().change(),
        "source", rules.composition().source()));
    view.put("chair", rules.chair());
    view.put("voting", rules.voting());
    view.put("meetings", rules.meetings());
    view.put("minutes", rules.minutes());
    view.put("validity", rules.validity());
    view.put("validUntil", rules.validity().validUntil());
    view.put("letterhead", rules.letterhead());
    // the resolution this version cites as the one that adopted it (checked at upload), or null
    view.put("resolution", resolution(rules.resolution()));
    if (on != null) {
      // the status the tenant had on that day: EXPIRED stays in the history before a continuation
      view.put("statusOn", rules.validity().expiredOn(day(on)) ? TenantStatus.EXPIRED : TenantStatus.ACTIVE);
    }
    // Each rule a policy service takes over: the policy's name, bundle, version, digest, source.
    view.put("policies", tenant.policies());
    return view;
  }

  /**
   * Every version of the tenant's Geschäftsordnung that took effect, oldest first, each with the
   * day it took effect and what changed from the one before, in plain German.
   */
  @Allowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN, Roles.CHAIR, Roles.MEMBER})
  @GET
  @Path("{tenant}/rules/versions")
  public List<Map<String, Object>> rulesVersions(@PathParam("tenant") String id) {
    directory.serving(id);
    return history.versions(id).stream().map(version -> {
      Map<String, Object> view = new LinkedHashMap<>();
      view.put("rulesVersion", version.rulesVersion());
      view.put("takesEffect", version.takesEffect());
      view.put("changes", version.changes());
      view.put("resolution", resolution(version.rules().resolution()));
      return view;
    }).toList();
  }

  private static Map<String, Object> resolution(Resolution resolution) {
    if (resolution == null) {
      return null;
    }
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("decision", resolution.decision());
    view.put("meeting", resolution.on());
    view.put("item", resolution.item());
    view.put("label", resolution.label());
    return view;
  }

  /** Whether the tenant's rules version is this kept document's (followed by its policies, if any). */
  private static boolean serves(String rulesVersion, RulesHistory.RulesVersion version) {
    return rulesVersion != null && (rulesVersion.equals(version.rulesVersion())
        || rulesVersion.startsWith(version.rulesVersion() + "+"));
  }

  private static final DateTimeFormatter GERMAN_DAY = DateTimeFormatter.ofPattern("d.M.yyyy");

  private static LocalDate day(String on) {
    try {
      return LocalDate.parse(on.strip());
    } catch (DateTimeParseException e) {
      throw DomainException.invalid("Der Parameter on muss ein Datum im Format JJJJ-MM-TT sein, z. B. "
          + "on=2024-03-01; gefunden: \"" + on + "\".");
    }
  }
}
