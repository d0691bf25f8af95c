package de.lenkwerk.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.lenkwerk.api.security.Allowed;
import de.lenkwerk.api.security.Caller;
import de.lenkwerk.api.security.Public;
import de.lenkwerk.api.security.Roles;
import de.lenkwerk.security.internal.AccessRule.Kind;
import de.lenkwerk.security.internal.AccessRule.Outcome;
import java.lang.reflect.Method;
import java.util.Set;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import org.junit.jupiter.api.Test;

class AccessRuleTest {

  private static final String ST = "kreis-steinfurt";
  private static final Caller PLATFORM = new Caller("admin", null, Set.of(Roles.PLATFORM_ADMIN));
  private static final Caller ADMIN = new Caller("ga", ST, Set.of(Roles.TENANT_ADMIN));
  private static final Caller CHAIR = new Caller("vorsitz", ST, Set.of(Roles.CHAIR));
  private static final Caller MEMBER = new Caller("mitglied", ST, Set.of(Roles.MEMBER));
  private static final Caller FOREIGN = new Caller("rh-ga", "stadt-rheine", Set.of(Roles.TENANT_ADMIN));

  /** Resource methods declared as the platform's are, and the mistakes a new one could make. */
  @Path("tenants/{tenant}/things")
  static final class Things {
    @GET
    @Allowed({Roles.TENANT_ADMIN, Roles.CHAIR, Roles.MEMBER})
    public void list() {}

    @POST
    @Allowed(Roles.TENANT_ADMIN)
    public void create() {}

    @PUT
    @Path("{id}/agenda")
    @Allowed({Roles.TENANT_ADMIN, Roles.CHAIR})
    public void agenda() {}

    @GET
    @Path("{id}/minutes")
    @Allowed(value = {Roles.TENANT_ADMIN, Roles.CHAIR, Roles.MEMBER}, anonymous = true)
    public void minutes() {}

    @GET
    @Path("rules")
    @Allowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN, Roles.CHAIR, Roles.MEMBER})
    public void rules() {}

    @GET
    @Path("forgotten")
    public void undeclared() {}

    @GET
    @Path("open")
    @Public
    public void publicTenantPath() {}

    @GET
    @Path("both")
    @Public
    @Allowed(Roles.MEMBER)
    public void both() {}

    @GET
    @Path("typo")
    @Allowed(Roles.MEMBER + "s")
    public void unknownRole() {}
  }

  @Path("tenants/{id}/bundle")
  static final class Upload {
    @PUT
    @Allowed(value = {Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN}, tenant = "id")
    public void upload() {}

    @PUT
    @Path("other")
    @Allowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN})
    public void wrongTenantParameter() {}
  }

  @Path("/health")
  static final class Health {
    @GET
    @Public
    public void health() {}

    @GET
    @Path("users")
    @Allowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN})
    public void users() {}
  }

  private static AccessRule rule(Class<?> type, String method) throws NoSuchMethodException {
    Method m = type.getMethod(method);
    return AccessRule.of(type, m);
  }

  @Test
  void aPublicMethodIsOpenToEverybody() throws Exception {
    AccessRule health = rule(Health.class, "health");
    assertEquals(Kind.PUBLIC, health.kind());
    for (Caller c : new Caller[] {null, PLATFORM, ADMIN, MEMBER, FOREIGN}) {
      assertEquals(Outcome.ALLOW, health.decide(c, null));
    }
  }

  @Test
  void rolesOfTheOwnTenant() throws Exception {
    assertEquals(Outcome.ALLOW, rule(Things.class, "list").decide(MEMBER, ST));
    assertEquals(Outcome.FORBIDDEN, rule(Things.class, "create").decide(MEMBER, ST));
    assertEquals(Outcome.FORBIDDEN, rule(Things.class, "create").decide(CHAIR, ST));
    assertEquals(Outcome.ALLOW, rule(Things.class, "create").decide(ADMIN, ST));
    assertEquals(Outcome.ALLOW, rule(Things.class, "agenda").decide(CHAIR, ST));
    assertEquals(Outcome.FORBIDDEN, rule(Things.class, "agenda").decide(MEMBER, ST));
    assertEquals(Outcome.AUTHENTICATE, rule(Things.class, "list").decide(null, ST));
  }

  @Test
  void aForeignTenantIsNotFoundWhateverTheRole() throws Exception {
    for (String method : new String[] {"list", "create", "agenda", "minutes", "rules"}) {
      assertEquals(Outcome.NOT_FOUND, rule(Things.class, method).decide(FOREIGN, ST), method);
    }
    assertEquals(Outcome.NOT_FOUND, rule(Upload.class, "upload").decide(FOREIGN, ST));
    assertEquals(Outcome.ALLOW, rule(Upload.class, "upload").decide(ADMIN, ST));
    assertEquals(Outcome.FORBIDDEN, rule(Upload.class, "upload").decide(MEMBER, ST));
  }

  @Test
  void thePlatformAdminPassesOnlyWhereItIsNamed() throws Exception {
    assertEquals(Outcome.ALLOW, rule(Things.class, "rules").decide(PLATFORM, ST));
    assertEquals(Outcome.ALLOW, rule(Upload.class, "upload").decide(PLATFORM, ST));
    assertEquals(Outcome.ALLOW, rule(Health.class, "users").decide(PLATFORM, null));
    assertEquals(Outcome.FORBIDDEN, rule(Things.class, "list").decide(PLATFORM, ST));
    assertEquals(Outcome.FORBIDDEN, rule(Things.class, "minutes").decide(PLATFORM, ST));
    // a platform admin that also held a tenant role still passes only where it is named
    Caller mixed = new Caller("admin2", ST, Set.of(Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN));
    assertEquals(Outcome.FORBIDDEN, rule(Things.class, "create").decide(mixed, ST));
  }

  @Test
  void anonymousCallersReachOnlyMethodsThatSaySo() throws Exception {
    assertEquals(Outcome.ALLOW, rule(Things.class, "minutes").decide(null, ST));
    assertEquals(Outcome.AUTHENTICATE, rule(Things.class, "rules").decide(null, ST));
    assertEquals(Outcome.AUTHENTICATE, rule(Health.class, "users").decide(null, null));
    assertEquals(Outcome.FORBIDDEN, rule(Health.class, "users").decide(MEMBER, null));
  }

  @Test
  void aMethodWithoutOrWithAnInconsistentDeclarationIsRefusedForEverybody() throws Exception {
    for (AccessRule refused : new AccessRule[] {rule(Things.class, "undeclared"),
        rule(Things.class, "publicTenantPath"), rule(Things.class, "both"), rule(Things.class, "unknownRole"),
        rule(Upload.class, "wrongTenantParameter")}) {
      assertEquals(Kind.REFUSED, refused.kind(), refused.toString());
      assertEquals(Outcome.AUTHENTICATE, refused.decide(null, ST));
      for (Caller c : new Caller[] {PLATFORM, ADMIN, CHAIR, MEMBER, FOREIGN}) {
        assertEquals(Outcome.FORBIDDEN, refused.decide(c, ST), refused + " " + c);
      }
    }
    assertTrue(rule(Upload.class, "wrongTenantParameter").problem().contains("'id'"));
  }

  @Test
  void theTemplateJoinsClassAndMethodPaths() throws Exception {
    assertEquals("tenants/{tenant}/things/{id}/agenda",
        AccessRule.template(Things.class, Things.class.getMethod("agenda")));
    assertEquals("health", AccessRule.template(Health.class, Health.class.getMethod("health")));
  }
}
