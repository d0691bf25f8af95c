package de.lenkwerk.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.lang.reflect.Method;
import java.util.Set;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import org.junit.jupiter.api.Test;

/** The route a request meets is the one JAX-RS would dispatch it to, whatever the declaration order. */
class DeclaredRoutesTest {

  static final class Resource {
    @GET
    public void get() {}

    @POST
    public void post() {}
  }

  private static final AccessRule BY_ID = new AccessRule(AccessRule.Kind.ROLES, Set.of("by-id"), "tenant", false, null);
  private static final AccessRule EXPORT = new AccessRule(AccessRule.Kind.ROLES, Set.of("export"), "tenant", false, null);

  private static Method get() throws NoSuchMethodException {
    return Resource.class.getMethod("get");
  }

  @Test
  void theTemplateWithMoreLiteralCharactersWinsInEitherOrder() throws Exception {
    DeclaredRoutes idFirst = new DeclaredRoutes();
    idFirst.add(get(), "tenants/{tenant}/meetings/{id}", BY_ID);
    idFirst.add(get(), "tenants/{tenant}/meetings/export", EXPORT);
    DeclaredRoutes exportFirst = new DeclaredRoutes();
    exportFirst.add(get(), "tenants/{tenant}/meetings/export", EXPORT);
    exportFirst.add(get(), "tenants/{tenant}/meetings/{id}", BY_ID);
    for (DeclaredRoutes routes : new DeclaredRoutes[] {idFirst, exportFirst}) {
      assertEquals(EXPORT, routes.find("GET", "/tenants/kreis-kleve/meetings/export/").rule());
      DeclaredRoutes.Match byId = routes.find("GET", "tenants/kreis-kleve/meetings/7");
      assertEquals(BY_ID, byId.rule());
      assertEquals("kreis-kleve", byId.tenant());
    }
  }

  @Test
  void onlyTheRequestsMethodAndAWholePathMatch() throws Exception {
    DeclaredRoutes routes = new DeclaredRoutes();
    routes.add(get(), "tenants/{tenant}/meetings/{id}", BY_ID);
    routes.add(Resource.class.getMethod("post"), "tenants/{tenant}/meetings", EXPORT);
    assertNull(routes.find("POST", "tenants/kreis-kleve/meetings/7"));
    assertNull(routes.find("GET", "tenants/kreis-kleve/meetings/7/decision"));
    assertEquals(EXPORT, routes.find("POST", "tenants/kreis-kleve/meetings").rule());
  }
}
