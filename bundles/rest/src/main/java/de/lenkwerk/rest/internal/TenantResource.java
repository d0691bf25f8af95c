package de.lenkwerk.rest.internal;

import de.lenkwerk.api.AnswerBody;
import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.rules.ChairRules;
import de.lenkwerk.api.rules.Composition;
import de.lenkwerk.api.rules.CompositionRequirement;
import de.lenkwerk.api.rules.Letterhead;
import de.lenkwerk.api.rules.MeetingRules;
import de.lenkwerk.api.rules.MinutesRules;
import de.lenkwerk.api.rules.Resolution;
import de.lenkwerk.api.rules.RuleSource;
import de.lenkwerk.api.rules.Seat;
import de.lenkwerk.api.rules.SeatGroup;
import de.lenkwerk.api.rules.Validity;
import de.lenkwerk.api.rules.VotingRules;
import de.lenkwerk.api.tenant.PolicyInfo;
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
import java.util.List;
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

  /**
   * The effective rules of a tenant (on a day): the Geschäftsordnung's parts with their sources,
   * the seats and {@code validUntil} lifted to the top level, the version and the day it took
   * effect, the resolution it cites, and with {@code on} the status the tenant had that day.
   */
  public record RulesView(String tenant, String name, String title, TenantStatus status,
      String rulesVersion, LocalDate takesEffect, List<Seat> seats, List<SeatGroup> groups,
      CompositionView composition, ChairRules chair, VotingRules voting, MeetingRules meetings,
      MinutesRules minutes, Validity validity, LocalDate validUntil, ResolutionView resolution,
      TenantStatus statusOn, List<PolicyInfo> policies, Letterhead letterhead) {}

  /** The composition's rules beside its seats and groups. */
  public record CompositionView(List<CompositionRequirement> requirements,
      Composition.ChangeRule change, RuleSource source) {}

  /** One kept version of the rules: the day it took effect, what changed, the resolution it cites. */
  public record RulesVersionView(String rulesVersion, LocalDate takesEffect, List<String> changes,
      ResolutionView resolution) {}

  /**
   * The resolution a version cites as the one that adopted it: the decision's id, the meeting's
   * day, its TOP, and in words ("Beschluss vom 1. März 2023, TOP 2").
   */
  public record ResolutionView(Long decision, LocalDate meeting, Integer item, String label) {

    static ResolutionView of(Resolution resolution) {
      return resolution == null ? null : new ResolutionView(resolution.decision(), resolution.on(),
          resolution.item(), resolution.label());
    }
  }

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
  public RulesView rules(@PathParam("tenant") String id, @QueryParam("on") String on) {
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
    TenantStatus statusOn = on == null ? null
        : rules.validity().expiredOn(day(on)) ? TenantStatus.EXPIRED : TenantStatus.ACTIVE;
    // Each rule a policy service takes over: the policy's name, bundle, version, digest, source.
    return new RulesView(rules.tenant(), rules.name(), rules.title(), tenant.info().status(),
        rulesVersion, takesEffect, rules.composition().seats(), rules.composition().groups(),
        new CompositionView(rules.composition().requirements(), rules.composition().change(),
            rules.composition().source()),
        rules.chair(), rules.voting(), rules.meetings(), rules.minutes(), rules.validity(),
        rules.validity().validUntil(), ResolutionView.of(rules.resolution()), statusOn,
        tenant.policies(), rules.letterhead());
  }

  /**
   * Every version of the tenant's Geschäftsordnung that took effect, oldest first, each with the
   * day it took effect and what changed from the one before, in plain German.
   */
  @Allowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN, Roles.CHAIR, Roles.MEMBER})
  @GET
  @Path("{tenant}/rules/versions")
  public List<RulesVersionView> rulesVersions(@PathParam("tenant") String id) {
    directory.serving(id);
    return history.versions(id).stream().map(version -> new RulesVersionView(version.rulesVersion(),
        version.takesEffect(), version.changes(), ResolutionView.of(version.rules().resolution())))
        .toList();
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
