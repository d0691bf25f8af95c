package de.lenkwerk.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.problem.ProblemTexts;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProblemMapperTest {

  private static final List<String[]> METHODS = List.of(
      new String[] {"GET", "/tenants/{tenant}/persons"},
      new String[] {"POST", "tenants/{tenant}/persons"},
      new String[] {"GET", "/tenants/{tenant}/persons/{id}"},
      new String[] {"PUT", "/tenants/{tenant}/meetings/{id: [0-9]+}/agenda"},
      new String[] {"GET", "/tenants"});

  @Test
  void allowNamesTheMethodsOfTheAddressOnly() {
    assertEquals(Set.of("GET", "HEAD", "OPTIONS", "POST"), ProblemMapper.allowed(METHODS, "/tenants/kreis-steinfurt/persons"));
    assertEquals(Set.of("GET", "HEAD", "OPTIONS"), ProblemMapper.allowed(METHODS, "tenants/kreis-steinfurt/persons/7/"));
    assertEquals(Set.of("PUT", "OPTIONS"), ProblemMapper.allowed(METHODS, "/tenants/x/meetings/12/agenda"));
    assertEquals(Set.of(), ProblemMapper.allowed(METHODS, "/tenants/x/meetings/zwölf/agenda"));
    assertEquals(Set.of("GET", "HEAD", "OPTIONS"), ProblemMapper.allowed(METHODS, "/tenants"));
  }

  @Test
  void domainKindsKeepTheirProblemTypesAndTitles() {
    Problem unauthenticated = ProblemMapper.toProblem(
        new DomainException(DomainException.Kind.UNAUTHENTICATED, ProblemTexts.SIGN_IN_REQUIRED));
    assertEquals("urn:lenkwerk:problem:unauthenticated", unauthenticated.type());
    assertEquals(401, unauthenticated.status());
    assertEquals("Anmeldung erforderlich", unauthenticated.title());
    Problem logins = ProblemMapper.toProblem(DomainException.tooManyLogins(ProblemTexts.tooManyLogins(30),
        Duration.ofSeconds(30)));
    assertEquals("urn:lenkwerk:problem:too-many-logins", logins.type());
    assertEquals(429, logins.status());
    assertEquals("Zu viele Anmeldeversuche", logins.title());
    assertEquals("Ungültige Eingabe", ProblemMapper.toProblem(DomainException.invalid("Das Feld fehlt.")).title());
    Problem internal = ProblemMapper.toProblem(new IllegalStateException("boom"));
    assertEquals(500, internal.status());
    assertEquals(ProblemTexts.INTERNAL, internal.detail());
  }
}
