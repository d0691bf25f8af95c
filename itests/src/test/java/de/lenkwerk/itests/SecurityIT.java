package de.lenkwerk.itests;

import de.lenkwerk.testsupport.Http;
import de.lenkwerk.testsupport.TenantJars;
import static de.lenkwerk.testsupport.Replies.created;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import de.lenkwerk.api.security.Allowed;
import de.lenkwerk.api.security.Public;
import de.lenkwerk.api.security.Roles;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Set;
import javax.ws.rs.GET;
import javax.ws.rs.HttpMethod;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.jaxrs.runtime.JaxrsServiceRuntime;
import org.osgi.service.jaxrs.runtime.dto.ApplicationDTO;
import org.osgi.service.jaxrs.runtime.dto.ResourceDTO;
import org.osgi.service.jaxrs.runtime.dto.ResourceMethodInfoDTO;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;
import javax.sql.DataSource;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;

/**
 * Security against the running container: authentication, the isolation matrix (every endpoint,
 * every role, own and foreign tenant, anonymous), users, bundle upload refusals and the audit
 * chain with tamper detection.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SecurityIT {

  private static final String ST = "kreis-steinfurt";
  private static final String RH = "stadt-rheine";
  /** Appears only in Steinfurt's data: no answer to anyone else may contain it. */
  private static final String SECRET = "Geheimnis-Steinfurt-4711";
  private static final String NOT_SET_UP = "ist auf dieser Plattform nicht eingerichtet";
  /** The access declaration's refusals (a service's own 403 says something else). */
  private static final String ROLE_REFUSED = "Ihre Rolle erlaubt diese Aktion nicht.";
  private static final String PLATFORM_REFUSED = "Die Plattformverwaltung hat keinen Zugang";
  private static final LocalDate TODAY = LocalDate.now(java.time.ZoneId.of("Europe/Berlin"));

  @Inject
  @Filter(value = "(osgi.jndi.service.name=lenkwerk)", timeout = 60_000)
  private DataSource dataSource;

  @Inject
  private SessionFactory sessions;

  @Inject
  private JaxrsServiceRuntime runtime;

  @Inject
  private BundleContext context;

  private final Http anonymous = new Http();
  private final Http admin = Http.admin();
  private final Http stAdmin = Http.as("st-ga", Http.PASSWORD);
  private final Http stChair = Http.as("st-chair", Http.PASSWORD);
  private final Http stMember = Http.as("st-member", Http.PASSWORD);
  private final Http rhAdmin = Http.as("rh-ga", Http.PASSWORD);
  private final Http rhMember = Http.as("rh-member", Http.PASSWORD);

  private static Map<String, Long> ids;

  @Configuration
  public Option[] config() {
    return LenkwerkContainer.options();
  }

  @Before
  public void setUp() throws Exception {
    anonymous.await("/health", 200, Duration.ofSeconds(90));
    admin.await("/tenants/" + ST + "/rules", 200, Duration.ofSeconds(60));
    admin.createUser("st-ga", ST, "tenant-admin");
    admin.createUser("st-chair", ST, "chair");
    admin.createUser("st-member", ST, "member");
    admin.createUser("rh-ga", RH, "tenant-admin");
    rhAdmin.createUser("rh-member", RH, "member");
    if (ids == null) {
      Map<String, Long> fixture = new LinkedHashMap<>();
      fixture.put("person", created(stAdmin.post("/tenants/" + ST + "/persons",
          "{\"name\":\"" + SECRET + "\",\"email\":\"geheim@example.org\"}")).get("id").asLong());
      String seat = stAdmin.get("/tenants/" + ST + "/rules").json().get("seats").get(0).get("id").asText();
      fixture.put("appointment", created(stAdmin.post("/tenants/" + ST + "/appointments",
          "{\"seat\":\"" + seat + "\",\"person\":" + fixture.get("person") + ",\"role\":\"MEMBER\","
              + "\"from\":\"2021-01-01\",\"appointedBy\":\"" + SECRET + "\"}")).get("id").asLong());
      LocalDate day = TODAY.minusDays(30);
      fixture.put("meeting", created(stAdmin.post("/tenants/" + ST + "/meetings", "{\"date\":\"" + day
          + "\",\"start\":\"10:00\",\"end\":\"12:00\",\"kind\":\"REGULAR\"}")).get("id").asLong());
      assertEquals(200, stAdmin.put("/tenants/" + ST + "/meetings/" + fixture.get("meeting") + "/minutes",
          "{\"text\":\"Protokoll " + SECRET + "\"}").status());
      ids = fixture;
    }
  }

  // ---------------------------------------------------------------- authentication

  @Test
  public void anonymousCallersReachOnlyHealthAndTheDirectory() {
    assertEquals(200, anonymous.get("/health").status());
    Http.Reply tenants = anonymous.get("/tenants");
    assertEquals(200, tenants.status());
    assertTrue(tenants.text().contains(ST));
    Http.Reply rules = anonymous.get("/tenants/" + ST + "/persons");
    assertUnauthenticated(rules);
    assertUnauthenticated(anonymous.get("/openapi.json"));
    assertUnauthenticated(anonymous.get("/users"));
  }

  @Test
  public void wrongOrMalformedCredentialsAre401WithAGermanProblem() {
    assertUnauthenticated(Http.as("st-ga", "falsch-falsch-falsch").get("/tenants/" + ST + "/persons"));
    assertUnauthenticated(Http.as("niemand", Http.PASSWORD).get("/tenants/" + ST + "/persons"));
    assertUnauthenticated(Http.as("admin", "").get("/health"));
    Http.Reply reply = Http.as("st-ga", "falsch-falsch-falsch").get("/tenants/" + ST + "/persons");
    assertTrue(reply.json().get("detail").asText().contains("Passwort"));
  }

  @Test
  public void aGuessedUserNameIsBlockedForAWhileAndNobodyElse() {
    admin.createUser("st-geraten", ST, "member");
    Http guesser = Http.as("st-geraten", "falsch-geraten");
    for (int i = 0; i < 5; i++) {
      assertUnauthenticated(guesser.get("/tenants/" + ST + "/persons"));
    }
    // now even the right password waits: the name is blocked, not the password checked
    Http.Reply blocked = Http.as("st-geraten", Http.PASSWORD).get("/tenants/" + ST + "/persons");
    assertEquals(blocked.toString(), 429, blocked.status());
    assertTrue(blocked.contentType().startsWith("application/problem+json"));
    assertTrue(blocked.text(), blocked.json().get("detail").asText().contains("Sekunden"));
    long wait = Long.parseLong(blocked.header("Retry-After"));
    assertTrue(blocked.text(), wait > 0 && blocked.json().get("detail").asText().contains(wait + " Sekunden"));
    assertEquals("urn:lenkwerk:problem:too-many-logins", blocked.json().get("type").asText());
    assertFalse(blocked.text().contains(SECRET));
    assertEquals(200, stAdmin.get("/tenants/" + ST + "/persons").status());
    assertEquals(200, stMember.get("/tenants/" + ST + "/persons").status());
  }

  @Test
  public void passwordsAreSetAndUsersRemovedOnlyByThoseAllowed() {
    admin.createUser("st-wechsel", ST, "member");
    String password = "/users/st-wechsel/password";
    Http self = Http.as("st-wechsel", Http.PASSWORD);
    assertEquals(200, self.get("/tenants/" + ST + "/persons").status());
    Http.Reply wrongCurrent = self.put(password, "{\"password\":\"ein-neues-Passwort-1\",\"currentPassword\":\"falsch-falsch\"}");
    assertEquals(wrongCurrent.toString(), 403, wrongCurrent.status());
    assertTrue(wrongCurrent.text(), wrongCurrent.json().get("detail").asText().contains("bisherige Passwort"));
    assertEquals(400, self.put(password, "{\"password\":\"kurz\",\"currentPassword\":\"" + Http.PASSWORD + "\"}").status());
    assertEquals(204, self.put(password, "{\"password\":\"ein-neues-Passwort-1\",\"currentPassword\":\""
        + Http.PASSWORD + "\"}").status());
    // the old password ends at once, also where a login was remembered
    assertUnauthenticated(self.get("/tenants/" + ST + "/persons"));
    assertEquals(200, Http.as("st-wechsel", "ein-neues-Passwort-1").get("/tenants/" + ST + "/persons").status());

    // others: a member may not, another tenant's admin does not even see the user
    String reset = "{\"password\":\"noch-ein-Passwort-2\"}";
    assertEquals(403, stMember.put(password, reset).status());
    assertEquals(404, rhAdmin.put(password, reset).status());
    assertEquals(404, stAdmin.put("/users/admin/password", reset).status());
    assertEquals(204, stAdmin.put(password, reset).status());
    assertEquals(200, Http.as("st-wechsel", "noch-ein-Passwort-2").get("/tenants/" + ST + "/persons").status());

    assertEquals(403, stMember.delete("/users/st-wechsel").status());
    assertEquals(404, rhAdmin.delete("/users/st-wechsel").status());
    assertEquals(409, stAdmin.delete("/users/st-ga").status());
    assertEquals(204, stAdmin.delete("/users/st-wechsel").status());
    assertUnauthenticated(Http.as("st-wechsel", "noch-ein-Passwort-2").get("/tenants/" + ST + "/persons"));
    assertEquals(404, stAdmin.delete("/users/st-wechsel").status());
    assertFalse(stAdmin.get("/users").text().contains("st-wechsel"));

    // in the tenant's audit trail, without any password
    String trail = stAdmin.get("/tenants/" + ST + "/audit").text();
    assertTrue(trail.contains("PUT /users/{username}/password"));
    assertTrue(trail.contains("DELETE /users/{username}"));
    assertFalse(trail.contains("noch-ein-Passwort-2"));
    assertFalse(trail.contains("ein-neues-Passwort-1"));
  }

  @Test
  public void passwordsAreStoredAsBcryptHashes() throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT USERNAME, PASSWORD_HASH FROM LW_ACCOUNT");
        ResultSet r = s.executeQuery()) {
      int users = 0;
      while (r.next()) {
        users++;
        String hash = r.getString(2);
        assertTrue(r.getString(1) + ": " + hash, hash.startsWith("{CRYPT}$2a$") || hash.startsWith("{CRYPT}$2b$"));
        assertFalse(hash.contains(Http.PASSWORD));
      }
      assertTrue(users >= 6);
    }
  }

  // ---------------------------------------------------------------- the isolation matrix

  /**
   * What the access declarations of today's endpoints must stay: "public", or the roles that may
   * call. Endpoints added later need no row here; the matrix covers them from their declaration.
   */
  private static final Map<String, String> CONTRACT = Map.ofEntries(
      Map.entry("GET health", "public"),
      Map.entry("GET tenants", "public"),
      Map.entry("POST tenants", "platform-admin"),
      Map.entry("GET openapi.json", "platform-admin tenant-admin chair member"),
      Map.entry("GET users", "platform-admin tenant-admin"),
      Map.entry("POST users", "platform-admin tenant-admin"),
      Map.entry("DELETE users/{username}", "platform-admin tenant-admin"),
      Map.entry("PUT users/{username}/password", "platform-admin tenant-admin chair member"),
      Map.entry("GET tenants/{tenant}/rules", "platform-admin tenant-admin chair member"),
      Map.entry("GET tenants/{tenant}/rules/versions", "platform-admin tenant-admin chair member"),
      Map.entry("PUT tenants/{id}/bundle", "platform-admin tenant-admin"),
      Map.entry("PUT tenants/{id}/document", "platform-admin tenant-admin"),
      Map.entry("GET tenants/{tenant}/audit", "tenant-admin"),
      Map.entry("GET tenants/{tenant}/persons", "tenant-admin chair member"),
      Map.entry("GET tenants/{tenant}/persons/{id}", "tenant-admin chair member"),
      Map.entry("POST tenants/{tenant}/persons", "tenant-admin"),
      Map.entry("GET tenants/{tenant}/appointments", "tenant-admin chair member"),
      Map.entry("GET tenants/{tenant}/appointments/{id}", "tenant-admin chair member"),
      Map.entry("POST tenants/{tenant}/appointments", "tenant-admin"),
      Map.entry("POST tenants/{tenant}/appointments/{id}/end", "tenant-admin"),
      Map.entry("GET tenants/{tenant}/committee", "tenant-admin chair member"),
      Map.entry("GET tenants/{tenant}/compliance", "tenant-admin chair member"),
      Map.entry("POST tenants/{tenant}/meetings", "tenant-admin"),
      Map.entry("GET tenants/{tenant}/meetings", "tenant-admin chair member"),
      Map.entry("GET tenants/{tenant}/meetings/{id}", "tenant-admin chair member"),
      Map.entry("POST tenants/{tenant}/meetings/{id}/agenda-items", "tenant-admin chair member"),
      Map.entry("PUT tenants/{tenant}/meetings/{id}/agenda", "tenant-admin chair"),
      Map.entry("PUT tenants/{tenant}/meetings/{id}/attendance", "tenant-admin"),
      Map.entry("GET tenants/{tenant}/meetings/{id}/attendance", "tenant-admin chair member"),
      Map.entry("GET tenants/{tenant}/meetings/{id}/quorum", "tenant-admin chair member"),
      Map.entry("POST tenants/{tenant}/meetings/{id}/agenda-items/{item}/decision", "tenant-admin"),
      Map.entry("GET tenants/{tenant}/meetings/{id}/minutes", "tenant-admin chair member, anonymous"),
      Map.entry("PUT tenants/{tenant}/meetings/{id}/minutes", "tenant-admin"),
      Map.entry("POST tenants/{tenant}/meetings/{id}/minutes/release", "tenant-admin chair"),
      Map.entry("POST tenants/{tenant}/meetings/{id}/minutes/objections", "tenant-admin chair member"));

  /**
   * One endpoint the runtime serves, with what its resource method declares: {@code roles} null
   * for a public one, {@code tenantParam} null outside tenant paths.
   */
  private record Endpoint(String method, String template, Set<String> roles, String tenantParam,
      boolean anonymous, String contentType) {

    boolean isPublic() {
      return roles == null;
    }

    String key() {
      return method + " " + template;
    }

    String declared() {
      if (isPublic()) {
        return "public";
      }
      List<String> order = List.of(Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN, Roles.CHAIR, Roles.MEMBER);
      return String.join(" ", order.stream().filter(roles::contains).toList()) + (anonymous ? ", anonymous" : "");
    }

    /** The path with harmless values: the tenant, the fixture's ids, a user nobody has. */
    String path(String tenant) {
      StringBuilder path = new StringBuilder();
      String previous = "";
      for (String segment : template.split("/")) {
        String value = segment;
        if (segment.startsWith("{")) {
          String param = segment.substring(1, segment.length() - 1);
          value = param.equals(tenantParam) ? tenant : switch (previous + "/" + param) {
            case "persons/{id}" -> String.valueOf(ids.get("person"));
            case "appointments/{id}" -> String.valueOf(ids.get("appointment"));
            case "meetings/{id}" -> String.valueOf(ids.get("meeting"));
            case "users/{username}" -> "itest-niemand";
            default -> "1";
          };
          value = value.replace("{", "").replace("}", "");
        }
        path.append('/').append(value);
        previous = segment;
      }
      return path.toString();
    }

    /** A body for writes: empty JSON, which every write refuses as incomplete. */
    String body() {
      return method.equals("GET") || method.equals("DELETE") || method.equals("HEAD") ? null : "{}";
    }

    /** The request as a client of the method sends it (its body in a type the method reads). */
    Http.Reply send(Http who, String path) {
      String body = body();
      return who.request(method, path, body == null ? null : contentType,
          body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }
  }

  /**
   * Every resource method the JAX-RS runtime serves for the lenkwerk application, read from its
   * RuntimeDTO, each with the access its Java method declares: a new endpoint is in the matrix
   * the moment it is served.
   */
  private List<Endpoint> servedEndpoints() throws Exception {
    List<Endpoint> endpoints = new ArrayList<>();
    for (ApplicationDTO app : runtime.getRuntimeDTO().applicationDTOs) {
      if (!"lenkwerk".equals(app.name)) {
        continue;
      }
      for (ResourceDTO resource : app.resourceDTOs) {
        Map<String, Method> methods = javaMethods(resource.serviceId);
        for (ResourceMethodInfoDTO info : resource.resourceMethods) {
          if (info.method == null) {
            continue;
          }
          String key = info.method + " " + normalise(info.path);
          Method method = methods.get(key);
          assertNotNull(key + " is served by " + resource.name + " but no Java method of it has that path: "
              + methods.keySet(), method);
          endpoints.add(endpoint(info.method, normalise(info.path), method, info.consumingMimeType));
        }
      }
    }
    return endpoints;
  }

  private static Endpoint endpoint(String verb, String template, Method method, String[] consumes) {
    String type = consumes == null || consumes.length == 0 || List.of(consumes).contains("application/json")
        || List.of(consumes).contains("*/*") ? "application/json" : consumes[0];
    Allowed allowed = method.getAnnotation(Allowed.class);
    String tenantParam = template.startsWith("tenants/{") ? template.substring(9, template.indexOf('}')) : null;
    if (method.isAnnotationPresent(Public.class)) {
      return new Endpoint(verb, template, null, null, true, type);
    }
    return allowed == null ? new Endpoint(verb, template, Set.of(), tenantParam, false, type)
        : new Endpoint(verb, template, Set.of(allowed.value()), tenantParam, allowed.anonymous(), type);
  }

  /** The JAX-RS methods of the resource service, by verb and path template. */
  private Map<String, Method> javaMethods(long serviceId) throws Exception {
    ServiceReference<?>[] refs = context.getServiceReferences((String) null, "(service.id=" + serviceId + ")");
    assertNotNull("resource service " + serviceId, refs);
    Object service = context.getService(refs[0]);
    try {
      Class<?> type = service.getClass();
      Path root = type.getAnnotation(Path.class);
      Map<String, Method> methods = new LinkedHashMap<>();
      for (Method m : type.getMethods()) {
        for (Annotation a : m.getAnnotations()) {
          HttpMethod verb = a.annotationType().getAnnotation(HttpMethod.class);
          if (verb != null) {
            Path own = m.getAnnotation(Path.class);
            methods.put(verb.value() + " " + normalise((root == null ? "" : root.value()) + "/"
                + (own == null ? "" : own.value())), m);
          }
        }
      }
      return methods;
    } finally {
      context.ungetService(refs[0]);
    }
  }

  /** A path template without leading or trailing slashes and without regular expressions. */
  private static String normalise(String path) {
    return path.replaceAll("\\{\\s*([A-Za-z0-9_]+)\\s*(:[^}]*)?}", "{$1}").replaceAll("/+", "/")
        .replaceAll("^/|/$", "");
  }

  @Test
  public void everyServedEndpointDeclaresItsAccessAndTodaysDeclarationsAreKept() throws Exception {
    Map<String, String> declared = new LinkedHashMap<>();
    for (Endpoint e : servedEndpoints()) {
      assertTrue(e.key() + " declares no access (@Allowed or @Public)", e.isPublic() || !e.roles().isEmpty());
      declared.put(e.key(), e.declared());
    }
    for (Map.Entry<String, String> row : CONTRACT.entrySet()) {
      assertEquals(row.getKey() + " in " + declared.keySet(), row.getValue(), declared.get(row.getKey()));
    }
  }

  @Test
  public void isolationMatrix() throws Exception {
    Map<String, Http> roles = new LinkedHashMap<>();
    roles.put(Roles.TENANT_ADMIN, stAdmin);
    roles.put(Roles.CHAIR, stChair);
    roles.put(Roles.MEMBER, stMember);
    List<Endpoint> endpoints = servedEndpoints();
    assertTrue(endpoints.toString(), endpoints.size() >= CONTRACT.size());
    List<String> covered = new ArrayList<>();
    for (Endpoint e : endpoints) {
      String path = e.path(ST);
      if (e.isPublic()) {
        // public: everybody, also anonymously, and never a tenant's data
        for (Http who : List.of(anonymous, admin, stMember, rhMember)) {
          Http.Reply reply = e.send(who, path);
          assertTrue(e + ": " + reply, reply.status() != 401 && reply.status() != 403);
          assertNoSecret(e, "anyone", reply);
        }
        covered.add(e.key());
        continue;
      }
      // anonymous: 401 with a challenge, never data (the fixture's minutes are not released)
      Http.Reply anon = e.send(anonymous, path);
      assertUnauthenticated(anon);
      if (e.tenantParam() != null) {
        // users of another tenant: 404 exactly as for a tenant that does not exist
        for (Map.Entry<String, Http> foreign : Map.of("rh-ga", rhAdmin, "rh-member", rhMember).entrySet()) {
          Http.Reply reply = e.send(foreign.getValue(), path);
          assertEquals(e + " as " + foreign.getKey() + ": " + reply, 404, reply.status());
          assertTrue(reply.text(), reply.json().get("detail").asText().contains(NOT_SET_UP));
          assertNoSecret(e, foreign.getKey(), reply);
        }
        // the other way round: Steinfurt's users never see Rheine
        for (Http steinfurt : List.of(stAdmin, stChair, stMember)) {
          Http.Reply reply = e.send(steinfurt, e.path(RH));
          assertEquals(e + " for Rheine: " + reply, 404, reply.status());
        }
      }
      // the platform admin: only where it is named (the tenant's rules and bundle, users)
      Http.Reply platform = e.send(admin, path);
      if (e.roles().contains(Roles.PLATFORM_ADMIN)) {
        assertAllowed(e, Roles.PLATFORM_ADMIN, platform);
      } else {
        assertForbidden(e, Roles.PLATFORM_ADMIN, platform);
      }
      // the tenant's own roles
      for (Map.Entry<String, Http> role : roles.entrySet()) {
        Http.Reply reply = e.send(role.getValue(), path);
        if (e.roles().contains(role.getKey())) {
          assertAllowed(e, role.getKey(), reply);
        } else {
          assertForbidden(e, role.getKey(), reply);
        }
      }
      covered.add(e.key());
    }
    assertTrue("not covered: " + CONTRACT.keySet() + " vs " + covered, covered.containsAll(CONTRACT.keySet()));
    // Rheine's own lists never contain Steinfurt's data
    for (String path : List.of("/persons", "/appointments", "/committee", "/meetings", "/audit")) {
      Http.Reply reply = rhAdmin.get("/tenants/" + RH + path);
      assertEquals(path + ": " + reply, 200, reply.status());
      assertFalse(path, reply.text().contains(SECRET));
    }
  }

  /** A resource method of the lenkwerk application that declares no access. */
  @Path("tenants/{tenant}/itest-undeclared")
  public static final class Undeclared {
    @GET
    @Produces("application/json")
    public String read() {
      return "{\"leak\":\"" + SECRET + "\"}";
    }
  }

  @Test
  public void anEndpointWithoutDeclarationIsRefusedForEverybody() throws Exception {
    Dictionary<String, Object> props = new Hashtable<>();
    props.put("osgi.jaxrs.resource", Boolean.TRUE);
    props.put("osgi.jaxrs.name", "itest.undeclared");
    props.put("osgi.jaxrs.application.select", "(osgi.jaxrs.name=lenkwerk)");
    ServiceRegistration<Undeclared> registration = context.registerService(Undeclared.class, new Undeclared(), props);
    String path = "/tenants/" + ST + "/itest-undeclared";
    try {
      // served (the runtime lists it), but nobody gets past its missing declaration
      long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      Http.Reply reply = stAdmin.get(path);
      while (reply.status() == 404 && System.nanoTime() < end) {
        Thread.sleep(250);
        reply = stAdmin.get(path);
      }
      assertTrue(servedEndpoints().stream().anyMatch(e -> e.template().equals("tenants/{tenant}/itest-undeclared")));
      assertForbidden(null, Roles.TENANT_ADMIN, reply);
      for (Http who : List.of(admin, stChair, stMember, rhAdmin)) {
        assertForbidden(null, "any", who.get(path));
      }
      assertUnauthenticated(anonymous.get(path));
    } finally {
      registration.unregister();
    }
    stAdmin.await("/tenants/" + ST + "/persons", 200, Duration.ofSeconds(60));
  }

  @Test
  public void releasedPublicMinutesAreReadableAnonymously() {
    long id = created(stAdmin.post("/tenants/" + ST + "/meetings", "{\"date\":\"" + TODAY.minusDays(20)
        + "\",\"start\":\"10:00\",\"end\":\"12:00\",\"kind\":\"EXTRA\"}")).get("id").asLong();
    String m = "/tenants/" + ST + "/meetings/" + id;
    assertUnauthenticated(anonymous.get(m + "/minutes"));
    assertEquals(200, stAdmin.put(m + "/minutes", "{\"text\":\"Ergebnisprotokoll\"}").status());
    assertUnauthenticated(anonymous.get(m + "/minutes"));
    Http.Reply release = stChair.post(m + "/minutes/release", "{\"sentOn\":\"" + TODAY.minusDays(1) + "\"}");
    assertEquals(release.toString(), 200, release.status());
    Http.Reply minutes = anonymous.get(m + "/minutes");
    assertEquals(minutes.toString(), 200, minutes.status());
    assertTrue(minutes.json().get("public").asBoolean());
    // everything else of the meeting stays closed
    assertUnauthenticated(anonymous.get(m));
    assertUnauthenticated(anonymous.get(m + "/attendance"));
    // an unreleased or unknown meeting's minutes are not public
    assertUnauthenticated(anonymous.get("/tenants/" + ST + "/meetings/99999999/minutes"));
  }

  // ---------------------------------------------------------------- users

  @Test
  public void usersAreCreatedByThePlatformAdminOrTheTenantAdminForItsOwnTenant() {
    String mine = "{\"username\":\"rh-neu\",\"password\":\"" + Http.PASSWORD + "\",\"tenant\":\"" + RH
        + "\",\"roles\":[\"member\"]}";
    Http.Reply created = rhAdmin.post("/users", mine);
    assertTrue(created.toString(), created.status() == 201 || created.status() == 409);
    assertEquals(200, Http.as("rh-neu", Http.PASSWORD).get("/tenants/" + RH + "/committee").status());

    Http.Reply foreign = rhAdmin.post("/users", "{\"username\":\"rh-spion\",\"password\":\"" + Http.PASSWORD
        + "\",\"tenant\":\"" + ST + "\",\"roles\":[\"tenant-admin\"]}");
    assertEquals(foreign.toString(), 404, foreign.status());
    Http.Reply platform = rhAdmin.post("/users", "{\"username\":\"rh-chef\",\"password\":\"" + Http.PASSWORD
        + "\",\"tenant\":null,\"roles\":[\"platform-admin\"]}");
    assertEquals(platform.toString(), 403, platform.status());
    assertEquals(403, rhMember.post("/users", mine).status());
    assertUnauthenticated(anonymous.post("/users", mine));
    Http.Reply weak = admin.post("/users", "{\"username\":\"schwach\",\"password\":\"kurz\",\"tenant\":\""
        + RH + "\",\"roles\":[\"member\"]}");
    assertEquals(400, weak.status());
    assertTrue(weak.json().get("detail").asText().contains("Passwort"));

    Http.Reply list = rhAdmin.get("/users");
    assertEquals(200, list.status());
    assertTrue(list.text().contains("rh-member"));
    assertFalse(list.text(), list.text().contains("st-ga"));
    assertFalse(list.text(), list.text().contains("$2a$"));
  }

  // ---------------------------------------------------------------- bundle upload

  private static byte[] bundle(String tenant, Map<String, String> extraHeaders, Map<String, byte[]> extraEntries,
      String document) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Bundle-ManifestVersion", "2");
    headers.put("Bundle-SymbolicName", "de.lenkwerk.tenant." + tenant);
    headers.put("Bundle-Version", "1.0.0");
    headers.put("Lenkwerk-Tenant", tenant);
    headers.putAll(extraHeaders);
    Map<String, byte[]> entries = new LinkedHashMap<>();
    if (document != null) {
      entries.put("OSGI-INF/lenkwerk/geschaeftsordnung.yaml", document.getBytes(StandardCharsets.UTF_8));
    }
    entries.putAll(extraEntries);
    return TenantJars.jar(headers, entries);
  }

  @Test
  public void tenantAdminUploadsItsDataOnlyBundleAndEverythingElseIsRefused() throws Exception {
    String tenant = "itest-upload";
    String path = "/tenants/" + tenant + "/bundle";
    String doc = TenantJars.document(tenant, "Testkommune Upload", "{kind: MAJORITY}");
    // no user for a tenant nobody created; the platform admin creates it, PENDING
    Http.Reply early = admin.post("/users", "{\"username\":\"up-ga\",\"password\":\"" + Http.PASSWORD
        + "\",\"tenant\":\"" + tenant + "\",\"roles\":[\"tenant-admin\"]}");
    assertEquals(early.toString(), 404, early.status());
    assertEquals(403, rhAdmin.post("/tenants", "{\"id\":\"" + tenant + "\",\"name\":\"X\"}").status());
    Http.Reply created = admin.post("/tenants", "{\"id\":\"" + tenant + "\",\"name\":\"Testkommune Upload\"}");
    assertEquals(created.toString(), 201, created.status());
    assertEquals("PENDING", created.json().get("status").asText());
    assertEquals(409, admin.post("/tenants", "{\"id\":\"" + tenant + "\",\"name\":\"Noch einmal\"}").status());
    assertEquals(409, admin.post("/tenants", "{\"id\":\"" + RH + "\",\"name\":\"Rheine\"}").status());
    assertEquals(400, admin.post("/tenants", "{\"id\":\"Böse Kommune\",\"name\":\"X\"}").status());
    assertTrue(anonymous.get("/tenants").text().contains("\"PENDING\""));
    admin.createUser("up-ga", tenant, "tenant-admin");
    Http up = Http.as("up-ga", Http.PASSWORD);
    assertEquals(409, up.get("/tenants/" + tenant + "/rules").status());
    JsonNode otherBefore = admin.get("/tenants/" + RH + "/rules").json();

    Http.Reply first = up.putBytes(path, bundle(tenant, Map.of(), Map.of(), doc), "application/java-archive");
    assertEquals(first.toString(), 201, first.status());
    assertEquals("ACTIVE", first.json().get("status").asText());
    assertEquals("de.lenkwerk.tenant." + tenant, first.json().get("bundle").asText());
    JsonNode before = up.get("/tenants/" + tenant + "/rules").json();
    long bundlesBefore = context.getBundles().length;

    Map<String, byte[]> refused = new LinkedHashMap<>();
    refused.put("class", bundle(tenant, Map.of(), Map.of("de/boese/Boese.class", new byte[] {(byte) 0xCA, (byte) 0xFE}), doc));
    refused.put("native", bundle(tenant, Map.of("Bundle-NativeCode", "lib/boese.so"), Map.of(), doc));
    refused.put("native-file", bundle(tenant, Map.of(), Map.of("lib/boese.so", new byte[] {1}), doc));
    refused.put("activator", bundle(tenant, Map.of("Bundle-Activator", "de.boese.Activator"), Map.of(), doc));
    refused.put("activator-lower-case", bundle(tenant, Map.of("bundle-activator", "de.boese.Activator"), Map.of(), doc));
    refused.put("component", bundle(tenant, Map.of("Service-Component", "OSGI-INF/x.xml"), Map.of("OSGI-INF/x.xml", new byte[] {1}), doc));
    refused.put("fragment", bundle(tenant, Map.of("Fragment-Host", "de.lenkwerk.security"), Map.of(), doc));
    refused.put("export", bundle(tenant, Map.of("Export-Package", "de.lenkwerk.api;version=9"), Map.of(), doc));
    refused.put("directory-with-content", bundle(tenant, Map.of(), Map.of("de/boese/", new byte[] {(byte) 0xCA, (byte) 0xFE}), doc));
    refused.put("other-tenant-header", bundle(tenant, Map.of("Lenkwerk-Tenant", RH), Map.of(), doc));
    refused.put("other-tenant-document", bundle(tenant, Map.of(), Map.of(),
        TenantJars.document(RH, "Fremd", "{kind: MAJORITY}")));
    refused.put("invalid-document", bundle(tenant, Map.of(), Map.of(), doc + "sitzungsgeld: 20\n"));
    refused.put("no-document", bundle(tenant, Map.of(), Map.of(), null));
    refused.put("wrong-name", bundle(tenant, Map.of("Bundle-SymbolicName", "de.lenkwerk.security"), Map.of(), doc));
    refused.put("not-a-jar", "kein jar".getBytes(StandardCharsets.UTF_8));
    byte[] good = bundle(tenant, Map.of(), Map.of(), doc);
    byte[] evil = bundle(tenant, Map.of(), Map.of("de/boese/Boese.class", new byte[] {(byte) 0xCA, (byte) 0xFE}), doc);
    ByteArrayOutputStream concatenated = new ByteArrayOutputStream();
    concatenated.write(good);
    concatenated.write(evil);
    refused.put("concatenated", concatenated.toByteArray());
    for (Map.Entry<String, byte[]> bad : refused.entrySet()) {
      Http.Reply reply = up.putBytes(path, bad.getValue(), "application/java-archive");
      assertEquals(bad.getKey() + ": " + reply, 422, reply.status());
      assertFalse(bad.getKey(), reply.json().get("title").asText().equals("Verstoß gegen die Geschäftsordnung"));
      String detail = reply.json().get("detail").asText();
      assertTrue(bad.getKey() + ": " + detail, detail.contains("nicht installiert"));
    }
    // nothing changed: not this tenant, not another, no bundle came or went
    assertEquals(before.get("rulesVersion"), up.get("/tenants/" + tenant + "/rules").json().get("rulesVersion"));
    assertEquals(otherBefore.get("rulesVersion"), admin.get("/tenants/" + RH + "/rules").json().get("rulesVersion"));
    assertEquals(bundlesBefore, context.getBundles().length);

    // an update with a changed document is accepted, as a jar and as the document itself
    Http.Reply update = up.putBytes(path, bundle(tenant, Map.of("Bundle-Version", "1.1.0"), Map.of(),
        TenantJars.document(tenant, "Testkommune Upload", "{kind: AT_LEAST, minimum: 2}")),
        "application/java-archive");
    assertEquals(update.toString(), 200, update.status());
    assertEquals("AT_LEAST", up.get("/tenants/" + tenant + "/rules").json().get("voting").get("quorum").get("kind").asText());
    String yaml = TenantJars.document(tenant, "Testkommune Upload", "{kind: AT_LEAST, minimum: 3}");
    Http.Reply document = up.putBytes("/tenants/" + tenant + "/document", yaml.getBytes(StandardCharsets.UTF_8),
        "application/yaml");
    assertEquals(document.toString(), 200, document.status());
    assertEquals(3, up.get("/tenants/" + tenant + "/rules").json().get("voting").get("quorum").get("minimum").asInt());
    Http.Reply foreignDocument = up.putBytes("/tenants/" + tenant + "/document",
        TenantJars.document(RH, "Fremd", "{kind: MAJORITY}").getBytes(StandardCharsets.UTF_8), "application/yaml");
    assertEquals(foreignDocument.toString(), 422, foreignDocument.status());

    // what is installed is the platform's own bundle: its manifest, the document, nothing else
    org.osgi.framework.Bundle installed = context.getBundle("lenkwerk:tenant/" + tenant);
    assertNotNull(installed);
    assertEquals("de.lenkwerk.tenant." + tenant, installed.getSymbolicName());
    assertEquals("1.0.3", installed.getVersion().toString());
    List<String> entries = new ArrayList<>();
    java.util.Enumeration<java.net.URL> all = installed.findEntries("/", "*", true);
    while (all.hasMoreElements()) {
      String entry = all.nextElement().getPath();
      if (!entry.endsWith("/")) {
        entries.add(entry);
      }
    }
    java.util.Collections.sort(entries);
    assertEquals(List.of("/META-INF/MANIFEST.MF", "/OSGI-INF/lenkwerk/geschaeftsordnung.yaml"), entries);
    assertEquals(null, installed.getHeaders("").get("Bundle-Activator"));
    for (org.osgi.framework.Bundle b : context.getBundles()) {
      assertEquals(b.getSymbolicName(), null, b.getEntry("de/boese/Boese.class"));
    }

    // other tenants and lesser roles cannot upload; a platform-installed tenant stays the operator's
    assertEquals(404, rhAdmin.putBytes(path, bundle(tenant, Map.of(), Map.of(), doc), "application/java-archive").status());
    assertEquals(403, stMember.putBytes("/tenants/" + ST + "/bundle", bundle(ST, Map.of(), Map.of(), doc), "application/java-archive").status());
    Http.Reply seed = stAdmin.putBytes("/tenants/" + ST + "/bundle", bundle(ST, Map.of(), Map.of(),
        TenantJars.document(ST, "Steinfurt", "{kind: MAJORITY}")), "application/java-archive");
    assertEquals(seed.toString(), 409, seed.status());

    // the upload is in the tenant's audit trail with the digests and the resulting rules version
    JsonNode audit = up.get("/tenants/" + tenant + "/audit").json();
    assertTrue(audit.toString(), audit.get("intact").asBoolean());
    String trail = audit.get("entries").toString();
    assertTrue(trail.contains("PUT /tenants/{tenant}/bundle"));
    assertTrue(trail.contains("PUT /tenants/{tenant}/document"));
    assertTrue(trail, trail.contains(sha256(yaml.getBytes(StandardCharsets.UTF_8))));
    assertTrue(trail, trail.matches("(?s).*bundleSha256[^0-9a-f]{1,8}[0-9a-f]{64}.*"));
    assertTrue(trail, trail.contains(up.get("/tenants/" + tenant + "/rules").json().get("rulesVersion").asText()));
  }

  private static String sha256(byte[] bytes) throws Exception {
    return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  @Test
  public void uploadsOfOneTenantDoNotWaitForASlowBodyOfAnother() throws Exception {
    // a body that trickles stays outside the tenant's queue: another tenant's call answers at once
    String tenant = "itest-langsam";
    assertEquals(201, admin.post("/tenants", "{\"id\":\"" + tenant + "\",\"name\":\"Langsam\"}").status());
    admin.createUser("slow-ga", tenant, "tenant-admin");
    java.net.Socket socket = new java.net.Socket("127.0.0.1", Integer.getInteger("lenkwerk.http.port"));
    try {
      String auth = Http.basic("slow-ga", Http.PASSWORD);
      socket.getOutputStream().write(("PUT /api/v1/tenants/" + tenant + "/document HTTP/1.1\r\nHost: 127.0.0.1\r\n"
          + "Authorization: " + auth + "\r\nContent-Type: application/yaml\r\nContent-Length: 100000\r\n\r\nformat: 1\n")
          .getBytes(StandardCharsets.UTF_8));
      socket.getOutputStream().flush();
      long start = System.nanoTime();
      assertEquals(200, rhAdmin.get("/tenants/" + RH + "/rules").status());
      assertTrue(System.nanoTime() - start < Duration.ofSeconds(10).toNanos());
    } finally {
      socket.close();
    }
  }

  @Test
  public void aMembersLoginActsAsItsPersonAndOnlyAsThat() {
    Map<String, Long> voting = new LinkedHashMap<>();
    JsonNode seats = stAdmin.get("/tenants/" + ST + "/rules").json().get("seats");
    long me = created(stAdmin.post("/tenants/" + ST + "/persons", "{\"name\":\"Mitglied Verknüpft\"}")).get("id").asLong();
    long other = created(stAdmin.post("/tenants/" + ST + "/persons", "{\"name\":\"Mitglied Anders\"}")).get("id").asLong();
    int appointed = 0;
    for (int i = seats.size() - 1; i >= 0 && appointed < 2; i--) {
      JsonNode seat = seats.get(i);
      long person = appointed == 0 ? me : other;
      Http.Reply a = stAdmin.post("/tenants/" + ST + "/appointments", "{\"seat\":\"" + seat.get("id").asText()
          + "\",\"person\":" + person + ",\"role\":\"DEPUTY\",\"rank\":1,\"from\":\"2021-01-01\",\"appointedBy\":\"Test\"}");
      if (a.status() == 201) {
        voting.put(seat.get("id").asText(), person);
        appointed++;
      }
    }
    assertEquals(voting.toString(), 2, appointed);
    // creating a login linked to a person; a person of another tenant is unknown here
    Http.Reply foreignPerson = stAdmin.post("/users", "{\"username\":\"st-person-x\",\"password\":\"" + Http.PASSWORD
        + "\",\"tenant\":\"" + ST + "\",\"roles\":[\"member\"],\"person\":999999999}");
    assertEquals(foreignPerson.toString(), 404, foreignPerson.status());
    Http.Reply user = stAdmin.post("/users", "{\"username\":\"st-person\",\"password\":\"" + Http.PASSWORD
        + "\",\"tenant\":\"" + ST + "\",\"roles\":[\"member\"],\"person\":" + me + "}");
    assertEquals(user.toString(), 201, user.status());
    assertEquals(me, user.json().get("person").asLong());
    Http member = Http.as("st-person", Http.PASSWORD);
    long future = created(stAdmin.post("/tenants/" + ST + "/meetings", "{\"date\":\"" + TODAY.plusDays(40)
        + "\",\"start\":\"10:00\",\"end\":\"12:00\",\"kind\":\"REGULAR\"}")).get("id").asLong();
    String items = "/tenants/" + ST + "/meetings/" + future + "/agenda-items";
    Http.Reply own = member.post(items, "{\"title\":\"Mein Punkt\",\"explanation\":\"Weil\"}");
    assertEquals(own.toString(), 201, own.status());
    assertEquals(me, own.json().get("submittedBy").asLong());
    Http.Reply foreign = member.post(items, "{\"title\":\"Fremder Punkt\",\"explanation\":\"Weil\",\"submittedBy\":" + other + "}");
    assertEquals(foreign.toString(), 403, foreign.status());
    // an unlinked member submits nothing; the Geschäftsstelle links it later
    Http.Reply unlinked = stMember.post(items, "{\"title\":\"Ohne Person\",\"explanation\":\"Weil\"}");
    assertEquals(unlinked.toString(), 409, unlinked.status());
    assertEquals(404, rhAdmin.put("/users/st-member/person", "{\"person\":" + other + "}").status());
    Http.Reply linked = stAdmin.put("/users/st-member/person", "{\"person\":" + other + "}");
    assertEquals(linked.toString(), 200, linked.status());
    Http.Reply now = stMember.post(items, "{\"title\":\"Jetzt mit Person\",\"explanation\":\"Weil\"}");
    assertEquals(now.toString(), 201, now.status());
    assertEquals(other, now.json().get("submittedBy").asLong());
  }

  // ---------------------------------------------------------------- input and answers (issue 13)

  @Test
  public void optionsNeedsTheSameAuthenticationAsTheResource() {
    String persons = "/tenants/" + ST + "/persons";
    assertUnauthenticated(anonymous.request("OPTIONS", persons, null, null));
    assertUnauthenticated(Http.as("st-ga", "falsch-falsch-falsch").request("OPTIONS", persons, null, null));
    assertEquals(404, rhAdmin.request("OPTIONS", persons, null, null).status());
    assertEquals(404, rhAdmin.request("OPTIONS", "/tenants/gibt-es-nicht/persons", null, null).status());
    Http.Reply allowed = stAdmin.request("OPTIONS", persons, null, null);
    assertTrue(allowed.toString(), allowed.status() < 300);
    assertTrue(allowed.toString(), String.valueOf(allowed.header("Allow")).contains("GET"));
    // the public paths stay public
    assertTrue(anonymous.request("OPTIONS", "/health", null, null).status() < 300);
  }

  @Test
  public void everyAnswerIsNosniffAndNoneIsCached() {
    for (Http.Reply reply : List.of(anonymous.get("/health"), anonymous.get("/tenants"),
        anonymous.get("/tenants/" + ST + "/persons"), stAdmin.get("/tenants/" + ST + "/persons"),
        stAdmin.get("/tenants/" + ST + "/persons/999999999"), admin.get("/users"),
        stAdmin.request("GET", "/tenants/" + ST + "/persons%00", null, null))) {
      assertEquals(reply.toString(), "nosniff", reply.header("X-Content-Type-Options"));
      if (reply.status() != 400) {
        assertEquals(reply.toString(), "no-store", reply.header("Cache-Control"));
      }
    }
  }

  @Test
  public void jsonIsStrict() {
    String persons = "/tenants/" + ST + "/persons";
    Http.Reply duplicate = stAdmin.post(persons, "{\"name\":\"Eins\",\"name\":\"Zwei\"}");
    assertEquals(duplicate.toString(), 400, duplicate.status());
    assertTrue(duplicate.text(), duplicate.json().get("detail").asText().contains("mehrfach"));
    String meetings = "/tenants/" + ST + "/meetings";
    Http.Reply bool = stAdmin.post(meetings, "{\"date\":\"" + TODAY + "\",\"kind\":\"EXTRA\",\"publicMeeting\":\"true\"}");
    assertEquals(bool.toString(), 400, bool.status());
    assertTrue(bool.text(), bool.json().get("detail").asText().contains("publicMeeting"));
    Http.Reply time = stAdmin.post(meetings, "{\"date\":\"" + TODAY + "\",\"kind\":\"EXTRA\",\"start\":[10,0]}");
    assertEquals(time.toString(), 400, time.status());
    assertTrue(time.text(), time.json().get("detail").asText().contains("Uhrzeit"));
  }

  // ---------------------------------------------------------------- logins (issue 13)

  @Test
  public void paddedOrOtherwiseNonCanonicalNamesNeverLogIn() {
    admin.createUser("st-exakt", ST, "member");
    assertEquals(200, Http.as("st-exakt", Http.PASSWORD).get("/tenants/" + ST + "/persons").status());
    for (String name : List.of("st-exakt ", "st-exakt   ", "ST-EXAKT", " st-exakt", "st-exakt\t")) {
      assertUnauthenticated(Http.as(name, Http.PASSWORD).get("/tenants/" + ST + "/persons"));
    }
    assertUnauthenticated(Http.as("admin   ", System.getProperty(LenkwerkContainer.ADMIN_PASSWORD_PROPERTY)).get("/users"));
    // nor do padded names reach the accounts: not a user to delete or a password to change
    assertEquals(404, stAdmin.delete("/users/st-exakt%20%20").status());
    assertEquals(200, Http.as("st-exakt", Http.PASSWORD).get("/tenants/" + ST + "/persons").status());
  }

  @Test
  public void hundredParallelWrongPasswordsReachAtMostFivePasswordChecks() throws Exception {
    admin.createUser("st-parallel", ST, "member");
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(50);
    try {
      List<java.util.concurrent.Future<Integer>> replies = new ArrayList<>();
      Http guesser = Http.as("st-parallel", "falsch-parallel");
      for (int i = 0; i < 100; i++) {
        replies.add(pool.submit(() -> guesser.get("/tenants/" + ST + "/persons").status()));
      }
      int checked = 0;
      int refused = 0;
      for (var reply : replies) {
        int status = reply.get();
        if (status == 401) {
          checked++;
        } else if (status == 429) {
          refused++;
        }
      }
      assertTrue("password checks: " + checked, checked <= 5);
      assertEquals(100, checked + refused);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  public void aNameOfAnotherTenantIsRefusedLikeAnyTakenName() {
    Http.Reply taken = rhAdmin.post("/users", "{\"username\":\"st-ga\",\"password\":\"" + Http.PASSWORD
        + "\",\"tenant\":\"" + RH + "\",\"roles\":[\"member\"]}");
    assertEquals(taken.toString(), 409, taken.status());
    assertFalse(taken.text(), taken.text().contains(ST));
    Http.Reply ownTaken = rhAdmin.post("/users", "{\"username\":\"rh-member\",\"password\":\"" + Http.PASSWORD
        + "\",\"tenant\":\"" + RH + "\",\"roles\":[\"member\"]}");
    assertEquals(taken.json().get("detail").asText().replace("st-ga", "X"),
        ownTaken.json().get("detail").asText().replace("rh-member", "X"));
    Http.Reply unknownTenant = admin.post("/users", "{\"username\":\"vertippt\",\"password\":\"" + Http.PASSWORD
        + "\",\"tenant\":\"kreis-vertippt\",\"roles\":[\"member\"]}");
    assertEquals(unknownTenant.toString(), 404, unknownTenant.status());
  }

  // ---------------------------------------------------------------- audit trail

  @Test
  public void everySuccessfulWriteIsAuditedAndTamperingIsDetected() throws Exception {
    String audit = "/tenants/" + RH + "/audit";
    int before = rhAdmin.get(audit).json().get("entries").size();
    assertEquals(400, rhAdmin.post("/tenants/" + RH + "/persons", "{}").status());
    assertEquals("a refused write is not audited", before, rhAdmin.get(audit).json().get("entries").size());

    Http.Reply person = rhAdmin.post("/tenants/" + RH + "/persons", "{\"name\":\"Audit Rheine\"}");
    assertEquals(201, person.status());
    JsonNode trail = rhAdmin.get(audit).json();
    assertTrue(trail.get("intact").asBoolean());
    JsonNode entries = trail.get("entries");
    assertEquals(before + 1, entries.size());
    JsonNode last = entries.get(entries.size() - 1);
    assertEquals("rh-ga", last.get("user").asText());
    assertEquals(RH, last.get("tenant").asText());
    assertEquals("POST /tenants/{tenant}/persons", last.get("action").asText());
    assertTrue(last.get("after").asText().contains("Audit Rheine"));
    assertEquals(entries.get(entries.size() - 2).get("hash").asText(), last.get("previousHash").asText());
    assertTrue(console("lenkwerk:audit-verify " + RH).contains("INTACT"));

    // a changed entry is detected
    long seq = last.get("sequence").asLong();
    String original;
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement s = c.prepareStatement("SELECT AFTER_JSON FROM LW_AUDIT WHERE TENANT_ID=? AND SEQ=?")) {
        s.setString(1, RH);
        s.setLong(2, seq - 1);
        try (ResultSet r = s.executeQuery()) {
          assertTrue(r.next());
          original = r.getString(1);
        }
      }
      update(c, "UPDATE LW_AUDIT SET AFTER_JSON=? WHERE TENANT_ID=? AND SEQ=?", "{\"gefälscht\":true}", RH, seq - 1);
    }
    String report = console("lenkwerk:audit-verify " + RH);
    assertTrue(report, report.contains("BROKEN"));
    assertTrue(report, report.contains("Eintrag " + (seq - 1)));
    assertFalse(rhAdmin.get(audit).json().get("intact").asBoolean());
    try (Connection c = dataSource.getConnection()) {
      update(c, "UPDATE LW_AUDIT SET AFTER_JSON=? WHERE TENANT_ID=? AND SEQ=?", original, RH, seq - 1);
    }
    assertTrue(console("lenkwerk:audit-verify " + RH).contains("INTACT"));

    // a removed entry is detected (the last one too: the head remembers it)
    Map<String, Object> row = new LinkedHashMap<>();
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement s = c.prepareStatement("SELECT * FROM LW_AUDIT WHERE TENANT_ID=? AND SEQ=?")) {
        s.setString(1, RH);
        s.setLong(2, seq);
        try (ResultSet r = s.executeQuery()) {
          assertTrue(r.next());
          for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
            Object value = r.getObject(i);
            if (value instanceof java.sql.Clob clob) {
              value = clob.getSubString(1, (int) clob.length());
            }
            row.put(r.getMetaData().getColumnName(i), value);
          }
        }
      }
      update(c, "DELETE FROM LW_AUDIT WHERE TENANT_ID=? AND SEQ=?", RH, seq);
    }
    report = console("lenkwerk:audit-verify " + RH);
    assertTrue(report, report.contains("BROKEN"));
    try (Connection c = dataSource.getConnection()) {
      String columns = String.join(", ", row.keySet());
      String marks = String.join(", ", java.util.Collections.nCopies(row.size(), "?"));
      update(c, "INSERT INTO LW_AUDIT (" + columns + ") VALUES (" + marks + ")", row.values().toArray());
    }
    assertTrue(console("lenkwerk:audit-verify " + RH).contains("INTACT"));
    // and nobody else reads the trail
    assertEquals(403, rhMember.get(audit).status());
    assertEquals(404, stAdmin.get(audit).status());
    assertEquals(403, admin.get(audit).status());
  }

  private static void update(Connection c, String sql, Object... values) throws Exception {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        s.setObject(i + 1, values[i]);
      }
      assertEquals(sql, 1, s.executeUpdate());
    }
  }

  // ---------------------------------------------------------------- helpers

  private static void assertUnauthenticated(Http.Reply reply) {
    assertEquals(reply.toString(), 401, reply.status());
    assertNotNull("challenge", reply.challenge());
    assertTrue(reply.challenge(), reply.challenge().startsWith("Basic realm=\"Lenkwerk\""));
    assertTrue(reply.contentType().startsWith("application/problem+json"));
    assertTrue(reply.text(), reply.json().get("detail").asText().contains("melden")
        || reply.json().get("detail").asText().contains("Passwort"));
    assertFalse(reply.text().contains(SECRET));
  }

  /** Refused by the access declaration (not by a service), with its German detail and no data. */
  private static void assertForbidden(Endpoint e, String role, Http.Reply reply) {
    assertEquals(e + " as " + role + ": " + reply, 403, reply.status());
    assertTrue(reply.toString(), reply.contentType().startsWith("application/problem+json"));
    assertTrue(e + " as " + role + ": " + reply, refusedByDeclaration(reply));
    assertFalse(e + " as " + role + " leaks: " + reply, reply.text().contains(SECRET));
  }

  /** Past the access declaration: a service may still refuse (400, 404 of an object, 409, 422). */
  private static void assertAllowed(Endpoint e, String role, Http.Reply reply) {
    assertTrue(e + " as " + role + ": " + reply, reply.status() != 401);
    assertFalse(e + " as " + role + ": " + reply, reply.status() == 403 && refusedByDeclaration(reply));
    assertFalse(e + " as " + role + ": " + reply, reply.status() == 404 && reply.text().contains(NOT_SET_UP));
  }

  private static boolean refusedByDeclaration(Http.Reply reply) {
    String detail = reply.json().get("detail").asText();
    return detail.startsWith(ROLE_REFUSED) || detail.startsWith(PLATFORM_REFUSED);
  }

  private static void assertNoSecret(Endpoint e, String who, Http.Reply reply) {
    assertFalse(e + " as " + who + " leaks: " + reply, reply.text() != null && reply.text().contains(SECRET));
  }

  private String console(String command) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    Session session = sessions.create(new ByteArrayInputStream(new byte[0]), out, out);
    try {
      session.execute(command);
    } catch (Exception e) {
      out.println(e.getMessage());
    } finally {
      session.close();
    }
    out.flush();
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
