package de.lenkwerk.tenancy.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.tenant.Tenant;
import de.lenkwerk.api.tenant.TenantInfo;
import de.lenkwerk.api.tenant.TenantStatus;
import de.lenkwerk.spi.DecisionResult;
import de.lenkwerk.spi.QuorumInput;
import de.lenkwerk.spi.QuorumPolicy;
import de.lenkwerk.spi.QuorumResult;
import de.lenkwerk.spi.Tally;
import de.lenkwerk.api.rules.RuleSource;
import de.lenkwerk.api.tenant.PolicyInfo;
import de.lenkwerk.rules.StandardDecisionPolicy;
import java.util.List;
import de.lenkwerk.spi.VoteContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TenantTableTest {

  private static final Clock TODAY =
      Clock.fixed(LocalDate.of(2025, 3, 1).atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);

  private final TenantTable table = new TenantTable(TODAY);

  static byte[] document(String tenant, String extra) {
    return String.join("\n",
        "format: 1",
        "tenant: " + tenant,
        "name: Testkommune",
        "title: Geschäftsordnung",
        "composition:",
        "  groups:",
        "    - {id: intern, name: Verwaltung, kind: INTERNAL}",
        "    - {id: wohlfahrt, name: Wohlfahrt, kind: WELFARE}",
        "    - {id: extern, name: Extern, kind: EXTERNAL}",
        "  seats:",
        "    - {id: ki, institution: KI, group: intern, voting: true, standing: true, members: 1, deputies: 1}",
        "    - {id: awo, institution: AWO, group: wohlfahrt, voting: true, standing: true, members: 1, deputies: 1}",
        "    - {id: ba, institution: Agentur für Arbeit, group: extern, voting: true, standing: true, members: 1, deputies: 1}",
        extra,
        "").getBytes(StandardCharsets.UTF_8);
  }

  private TenantInfo info(String id) {
    return table.find(id).orElseThrow();
  }

  @Test
  void aValidDocumentServesTheTenantWithStandardPolicies() {
    table.claim(1, "t.alpha 1.0.0", "alpha", document("alpha", ""), "1.0.0");
    TenantInfo info = info("alpha");
    assertEquals(TenantStatus.ACTIVE, info.status());
    assertTrue(info.rulesVersion().startsWith("1.0.0-"), info.rulesVersion());
    Tenant tenant = table.serving("alpha");
    QuorumResult quorum = tenant.quorum().evaluate(QuorumInput.of(3, 2, false));
    assertTrue(quorum.quorate());
    assertEquals(DecisionResult.Outcome.ADOPTED, ((StandardDecisionPolicy) tenant.decisions())
        .decide(new Tally(2, 1, 0), new VoteContext(3, 3, null)).outcome());
    assertTrue(tenant.policies().isEmpty());
  }

  @Test
  void aChangedDocumentGivesANewRulesVersion() {
    table.claim(1, "t.alpha 1.0.0", "alpha", document("alpha", ""), "1.0.0");
    String before = info("alpha").rulesVersion();
    table.release(1);
    table.claim(2, "t.alpha 1.0.0", "alpha", document("alpha", "voting: {quorum: {kind: NONE}}"), "1.0.0");
    assertNotEquals(before, info("alpha").rulesVersion());
  }

  @Test
  void passedValidityMeansExpiredButServed() {
    table.claim(1, "t.alpha", "alpha", document("alpha", "validity: {validUntil: 2022-12-31}"), "1.0.0");
    assertEquals(TenantStatus.EXPIRED, info("alpha").status());
    table.serving("alpha");
  }

  @Test
  void brokenBundlesMakeOnlyTheirTenantInvalid() {
    table.claim(1, "t.good", "good", document("good", ""), "1.0.0");
    table.claim(2, "t.bad", "bad", "tenant: bad\nname: [".getBytes(StandardCharsets.UTF_8), "1.0.0");
    table.claim(3, "t.mismatch", "mismatch", document("other", ""), "1.0.0");
    table.claim(4, "t.none", "none", null, "1.0.0");
    assertEquals(TenantStatus.ACTIVE, info("good").status());
    for (String id : new String[] {"bad", "mismatch", "none"}) {
      TenantInfo info = info(id);
      assertEquals(TenantStatus.INVALID, info.status(), id);
      assertTrue(!info.problems().isEmpty(), id);
      DomainException e = assertThrows(DomainException.class, () -> table.serving(id));
      assertEquals(DomainException.Kind.CONFLICT, e.kind());
    }
    assertTrue(info("mismatch").problems().get(0).contains("\"other\""));
  }

  @Test
  void twoBundlesForOneTenantAreInvalidUntilOneGoes() {
    table.claim(1, "t.a", "dup", document("dup", ""), "1.0.0");
    table.claim(2, "t.b", "dup", document("dup", ""), "1.0.0");
    assertEquals(TenantStatus.INVALID, info("dup").status());
    assertTrue(info("dup").problems().get(0).contains("Mehrere Bündel"));
    table.release(2);
    assertEquals(TenantStatus.ACTIVE, info("dup").status());
  }

  @Test
  void unknownAndReleasedTenantsAreNotFound() {
    table.claim(1, "t.a", "alpha", document("alpha", ""), "1.0.0");
    table.release(1);
    assertTrue(table.find("alpha").isEmpty());
    DomainException e = assertThrows(DomainException.class, () -> table.serving("alpha"));
    assertEquals(DomainException.Kind.NOT_FOUND, e.kind());
  }

  /** A quorum policy with its declaration, as a policy bundle would register it. */
  private static QuorumPolicy quorumPolicy(java.util.function.Function<QuorumInput, QuorumResult> body) {
    return new QuorumPolicy() {
      @Override
      public QuorumResult evaluate(QuorumInput input) {
        return body.apply(input);
      }

      @Override
      public String name() {
        return "immer beschlussfähig";
      }

      @Override
      public RuleSource source() {
        return RuleSource.tenant("§5 Abs. 2");
      }
    };
  }

  private static PolicyInfo info(String bundle, String version, String digest) {
    return new PolicyInfo(List.of("voting.quorum"), "immer beschlussfähig", bundle, version, digest,
        RuleSource.tenant("§5 Abs. 2"));
  }

  @Test
  void aPolicyServiceWinsAndAThrowingOneInvalidatesOnlyItsTenant() {
    table.claim(1, "t.a", "alpha", document("alpha", ""), "1.0.0");
    table.claim(2, "t.b", "beta", document("beta", ""), "1.0.0");
    table.addQuorumPolicy("alpha", 10, quorumPolicy(input -> new QuorumResult(true, 0, "immer",
        null)), info("p.alpha", "1.0.0", "aaaaaaaaaaaa"));
    QuorumResult result = table.serving("alpha").quorum().evaluate(QuorumInput.of(9, 0, false));
    assertTrue(result.quorate());
    assertEquals("immer (GO §5 Abs. 2)", result.explanation(), "the policy's source is named");

    table.addQuorumPolicy("beta", 11, quorumPolicy(input -> {
      throw new IllegalStateException("kaputt");
    }), info("p.beta", "1.0.0", "bbbbbbbbbbbb"));
    Tenant beta = table.serving("beta");
    DomainException e = assertThrows(DomainException.class,
        () -> beta.quorum().evaluate(QuorumInput.of(3, 2, false)));
    assertEquals(DomainException.Kind.CONFLICT, e.kind());
    assertEquals(TenantStatus.INVALID, info("beta").status());
    assertTrue(info("beta").problems().get(0).contains("kaputt"));
    assertEquals(TenantStatus.ACTIVE, info("alpha").status());

    table.removeQuorumPolicy("beta", 11);
    assertEquals(TenantStatus.ACTIVE, info("beta").status());
  }

  @Test
  void aPolicyIsListedAndItsBundleVersionAndDigestAreInTheRulesVersion() {
    table.claim(1, "t.a", "alpha", document("alpha", ""), "1.0.0");
    String dataOnly = info("alpha").rulesVersion();
    table.addQuorumPolicy("alpha", 10, quorumPolicy(input -> new QuorumResult(true, 0, "immer",
        null)), info("p.alpha", "1.2.0", "aaaaaaaaaaaa"));
    Tenant tenant = table.serving("alpha");
    assertEquals(List.of(info("p.alpha", "1.2.0", "aaaaaaaaaaaa")), tenant.policies());
    assertEquals(dataOnly + "+p.alpha-1.2.0-aaaaaaaaaaaa", tenant.rulesVersion());

    // the same version with other code: another rules version
    table.removeQuorumPolicy("alpha", 10);
    table.addQuorumPolicy("alpha", 12, quorumPolicy(input -> new QuorumResult(true, 0, "immer",
        null)), info("p.alpha", "1.2.0", "cccccccccccc"));
    assertEquals(dataOnly + "+p.alpha-1.2.0-cccccccccccc", table.serving("alpha").rulesVersion());
    table.removeQuorumPolicy("alpha", 12);
    assertEquals(dataOnly, table.serving("alpha").rulesVersion());
  }

  @Test
  void twoPoliciesOfOneKindMakeTheTenantInvalidNamingBothBundles() {
    table.claim(1, "t.a", "alpha", document("alpha", ""), "1.0.0");
    table.addQuorumPolicy("alpha", 10, quorumPolicy(input -> null), info("p.one", "1.0.0", "a"));
    table.addQuorumPolicy("alpha", 11, quorumPolicy(input -> null), info("p.two", "1.0.0", "b"));
    assertEquals(TenantStatus.INVALID, info("alpha").status());
    assertEquals("Für diese Kommune sind 2 Regel-Komponenten der Art Beschlussfähigkeit "
        + "registriert (p.one 1.0.0, p.two 1.0.0); erlaubt ist eine.", info("alpha").problems().get(0));
  }

  @Test
  void anEarlierVersionIsServedWithItsOwnRulesAndVersionButTodaysStatus() {
    table.claim(1, "t.alpha 2.0.0", "alpha", document("alpha", "voting:\n  quorum: {kind: AT_LEAST, minimum: 3}"),
        "2.0.0");
    Tenant now = table.serving("alpha");
    var earlier = de.lenkwerk.rules.RulesDocument.read(document("alpha", ""), "alpha 1.0.0").rules();
    Tenant then = table.servingAs(now, earlier, "1.0.0-abc");
    assertEquals("1.0.0-abc", then.rulesVersion());
    assertEquals(now.info().status(), then.info().status());
    assertTrue(then.quorum().evaluate(QuorumInput.of(3, 2, false)).quorate(), "the majority of then");
    assertTrue(!now.quorum().evaluate(QuorumInput.of(3, 2, false)).quorate(), "at least 3 now");
    assertEquals(earlier, then.rules());
  }

  @Test
  void theAmendmentTurnsTheRulesAsReadIntoTheRulesAsServed() {
    table.claim(1, "t.alpha 1.0.0", "alpha", document("alpha", "resolution: {decision: 5}"), "1.0.0", null,
        rules -> rules.withResolution(new de.lenkwerk.api.rules.Resolution(5L, LocalDate.of(2024, 3, 6), 1)));
    assertEquals("Beschluss vom 6. März 2024, TOP 1", table.serving("alpha").rules().resolution().label());
  }

  /** A clock whose day a test moves on. */
  private static final class MovableClock extends Clock {
    private volatile java.time.Instant now;

    MovableClock(LocalDate day) {
      now = day.atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public java.time.Instant instant() {
      return now;
    }
  }

  @Test
  void theFilterAndTheServiceShareOneDescriptionUntilTheTableChanges() {
    table.claim(1, "t.a", "alpha", document("alpha", ""), "1.0.0");
    table.claim(2, "t.b", "beta", document("beta", ""), "1.0.0");
    Tenant first = table.serving("alpha");
    assertTrue(first == table.serving("alpha"), "resolved once, not described per call");
    assertTrue(first.info() == table.find("alpha").orElseThrow(), "find gives the same description");
    assertEquals("beta", table.serving("beta").id(), "never another tenant's description");

    table.addQuorumPolicy("alpha", 10, quorumPolicy(input -> new QuorumResult(true, 0, "immer",
        null)), info("p.alpha", "1.0.0", "aaaaaaaaaaaa"));
    Tenant withPolicy = table.serving("alpha");
    assertTrue(withPolicy != first);
    assertEquals(1, withPolicy.policies().size(), "a new policy is seen at the next call");
    table.removeQuorumPolicy("alpha", 10);
    assertTrue(table.serving("alpha").policies().isEmpty(), "and its removal");

    String before = table.serving("alpha").rulesVersion();
    table.release(1);
    table.claim(3, "t.a", "alpha", document("alpha", "voting: {quorum: {kind: NONE}}"), "1.0.1");
    assertNotEquals(before, table.serving("alpha").rulesVersion(), "a new bundle at the next call");
    table.release(3);
    assertThrows(DomainException.class, () -> table.serving("alpha"));
  }

  @Test
  void aDescriptionIsNotReusedOnTheNextDay() {
    MovableClock clock = new MovableClock(LocalDate.of(2022, 12, 31));
    TenantTable dated = new TenantTable(clock);
    dated.claim(1, "t.a", "alpha", document("alpha", "validity: {validUntil: 2022-12-31}"), "1.0.0");
    assertEquals(TenantStatus.ACTIVE, dated.serving("alpha").info().status());
    clock.now = LocalDate.of(2023, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);
    assertEquals(TenantStatus.EXPIRED, dated.serving("alpha").info().status(),
        "EXPIRED is decided on today, also for a tenant described yesterday");
  }
}
