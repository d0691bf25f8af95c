package de.lenkwerk.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.lenkwerk.api.problem.ProblemTexts;
import de.lenkwerk.api.rules.RuleSource;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The one place that words a source: defaults as defaults, a tenant's Beschlussvorlage or web page
 * as what it is, the GO's paragraphs as the GO's; and the refusal of a role naming the action and
 * the roles that may do it.
 */
class RuleSourceWordingTest {

  @Test
  void everySourceIsWordedAsWhatItIs() {
    assertEquals("KIM-Standard", RuleSource.kimDefault().label());
    assertEquals("nach dem KIM-Standard", RuleSource.kimDefault().according());
    assertEquals("GO §6", RuleSource.tenant("§6").label());
    assertEquals("nach der Geschäftsordnung (§6)", RuleSource.tenant("§6").according());
    assertEquals("Vorlage 525/21", RuleSource.tenant("Vorlage 525/21").label());
    assertEquals("laut Vorlage 525/21", RuleSource.tenant("Vorlage 525/21").according());
    assertEquals("Webseite Lenkungsgruppe", RuleSource.tenant("Webseite Lenkungsgruppe").label());
    assertEquals("Beschlussvorlage 17/2021 Nr. 2",
        RuleSource.tenant("Beschlussvorlage 17/2021 Nr. 2").label());
    assertEquals("GO vom 01.02.2024", RuleSource.tenant("vom 01.02.2024").label());
    assertEquals("laut Beschluss vom 1. März 2023, TOP 2",
        RuleSource.resolution("Beschluss vom 1. März 2023, TOP 2").according());
    for (var source : List.of(KimDefaults.minutes().objections().source(),
        KimDefaults.submissionDeadline().source())) {
      assertTrue(source.according().contains("KIM-Standard"));
    }
  }

  @Test
  void aRefusedRoleHearsTheActionAndWhoMayDoIt() {
    String text = ProblemTexts.roleRefused("POST /api/v1/tenants/kreis-steinfurt/meetings/4/"
        + "minutes/release", Set.of("member"), Set.of("tenant-admin", "chair"));
    assertTrue(text.startsWith(ProblemTexts.ROLE_REFUSED.substring(0, 38)), text);
    assertTrue(text.contains("„POST /api/v1/tenants/kreis-steinfurt/meetings/4/minutes/release“"),
        text);
    assertTrue(text.contains("den Rollen Vorsitz (chair) oder Geschäftsstelle (tenant-admin) "
        + "vorbehalten; Ihre Rolle: Mitglied (member)."), text);
  }
}
