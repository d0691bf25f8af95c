package de.lenkwerk.committee.internal;

import de.lenkwerk.api.rules.ChairRules;
import de.lenkwerk.api.rules.ChairRules.HolderKind;
import de.lenkwerk.api.rules.Composition;
import de.lenkwerk.api.rules.CompositionRequirement;
import de.lenkwerk.api.rules.RuleSource;
import de.lenkwerk.api.rules.RulesOfProcedure;
import de.lenkwerk.api.rules.Seat;
import de.lenkwerk.api.rules.Seat.DeputyMode;
import de.lenkwerk.api.rules.SeatGroup;
import de.lenkwerk.api.rules.SeatGroup.GroupKind;
import de.lenkwerk.api.rules.Validity;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The four seed Kommunen's rules as test fixtures, written by hand from the source documents
 * (only the parts the committee needs: composition, chair, validity).
 */
final class Kommunen {

  static final RuleSource KIM = RuleSource.kimDefault();

  private Kommunen() {}

  static List<CompositionRequirement> kimRequirements() {
    return List.of(
        new CompositionRequirement("kim-verwaltung", "Leitungspersonal der Verwaltung ist vertreten",
            GroupKind.INTERNAL, 1, KIM),
        new CompositionRequirement("kim-wohlfahrt", "Die Freie Wohlfahrtspflege ist vertreten",
            GroupKind.WELFARE, 1, KIM),
        new CompositionRequirement("kim-extern", "Weitere externe Organisationen sind vertreten",
            GroupKind.EXTERNAL, 1, KIM));
  }

  static Seat seat(String id, String institution, String group, boolean voting, int members,
      int deputies, DeputyMode mode, String appointedBy, String paragraph) {
    return new Seat(id, institution, group, voting, true, members, deputies, mode, appointedBy,
        RuleSource.tenant(paragraph));
  }

  /** Kreis Steinfurt, GO of 30.06.2021: 19 voting seats, a non-voting Geschäftsstelle. */
  static RulesOfProcedure steinfurt() {
    List<Seat> seats = new ArrayList<>();
    String[][] internal = {
        {"dezernat-ii", "Dezernat II Schule, Kultur, Sport, Jugend, Soziales und Gesundheit"},
        {"amt-33", "Amt 33 Amt für Zuwanderung, Aufenthalt und Integration"},
        {"amt-40", "Amt 40 Amt für Schule, Sport und Integration"},
        {"amt-50", "Amt 50 Amt für Soziales, Gesundheit und Pflege"},
        {"amt-51", "Amt 51 Jugendamt"},
        {"amt-56", "Amt 56 jobcenter AöR"},
        {"amt-80", "Amt 80 Wirtschaftsförderungsamt"},
        {"ki", "Kommunales Integrationszentrum Kreis Steinfurt (KI)"}};
    String[][] external = {
        {"schulamt", "Schulamt für den Kreis Steinfurt (untere Schulaufsicht)"},
        {"buergermeister-1", "Bürgermeister/in einer Kommune"},
        {"buergermeister-2", "Bürgermeister/in einer Kommune"},
        {"integrationsrat-rheine", "Integrationsrat Stadt Rheine"},
        {"agentur-arbeit", "Agentur für Arbeit Rheine"},
        {"bamf", "Bundesamt für Migration und Flüchtlinge"},
        {"stadt-rheine", "Stadt Rheine"}};
    String[][] welfare = {
        {"ag-wohlfahrt", "AG Wohlfahrt"},
        {"begegnungszentrum", "Begegnungszentrum für Ausländer und Deutsche Ibbenbüren e.V."},
        {"lernen-foerdern", "Lernen fördern e.V."},
        {"caritas-rheine", "Caritasverband Rheine"}};
    for (String[] s : internal) {
      seats.add(seat(s[0], s[1], "intern", true, 1, 1, DeputyMode.PERSONAL, null, "§4"));
    }
    for (String[] s : external) {
      seats.add(seat(s[0], s[1], "extern", true, 1, 1, DeputyMode.PERSONAL, null, "§4"));
    }
    for (String[] s : welfare) {
      seats.add(seat(s[0], s[1], "wohlfahrt", true, 1, 1, DeputyMode.PERSONAL, null, "§4"));
    }
    seats.add(seat("geschaeftsstelle", "Geschäftsstelle (Kommunales Integrationszentrum)", "intern",
        false, 1, 1, DeputyMode.PERSONAL, null, "§4"));
    Composition composition = new Composition(
        List.of(new SeatGroup("intern", "Interne Vertretungen Kreis Steinfurt", GroupKind.INTERNAL),
            new SeatGroup("extern", "Externe Partnerinnen und Partner", GroupKind.EXTERNAL),
            new SeatGroup("wohlfahrt", "Freie Wohlfahrtspflege", GroupKind.WELFARE)),
        seats, kimRequirements(),
        new Composition.ChangeRule(true, RuleSource.tenant("§4")), RuleSource.tenant("§4"));
    ChairRules chair = new ChairRules(
        new ChairRules.Holder(HolderKind.OFFICE,
            "Dezernent/in für Schule, Kultur, Sport, Jugend, Soziales und Gesundheit", "dezernat-ii",
            RuleSource.tenant("§4")),
        new ChairRules.Holder(HolderKind.NOT_REGULATED, null, null, KIM));
    return rules("kreis-steinfurt", "Kreis Steinfurt", composition, chair,
        new Validity(LocalDate.of(2021, 6, 30), LocalDate.of(2022, 12, 31), true, RuleSource.tenant("§1")));
  }

  /** Stadt Rheine, Vorlage 525/21: 14 institutions; the Integrationsrat seat has two ranked deputies. */
  static RulesOfProcedure rheine() {
    String[][] list = {
        {"arbeitsagentur", "Arbeitsagentur", "extern"},
        {"auslaenderbehoerde", "Ausländerbehörde Stadt Rheine", "intern"},
        {"ewg", "Entwicklungs- und Wirtschaftsförderungsgesellschaft mbH", "extern"},
        {"caritas", "Fachdienst Migration und Integration Caritasverband Rheine", "wohlfahrt"},
        {"asylbewerberleistungen", "Hilfen für Asylbewerber (Leistungsgewährung)", "intern"},
        {"jobcenter", "jobcenter passiv + aktiv", "extern"},
        {"ki-kreis-steinfurt", "KI - Kommunales Integrationszentrum Kreis Steinfurt", "extern"},
        {"lernen-foerdern", "Lernen fördern", "wohlfahrt"},
        {"sprachkurstraeger", "Sprachkursträger", "extern"},
        {"team-beratung", "Team Beratung und Begleitung für Zuwanderer Stadt Rheine", "intern"},
        {"vertreterin-einwanderung", "Vertreterin mit Einwanderungsgeschichte", "extern"},
        {"welcome-in", "WelCome In! Wohnzimmer", "extern"},
        {"willkommenslotse", "Willkommenslotse Kreis Steinfurt", "extern"}};
    List<Seat> seats = new ArrayList<>();
    seats.add(seat("integrationsrat", "Vertreter/-in des Integrationsrates der Stadt Rheine", "extern",
        true, 1, 2, DeputyMode.RANKED, "Integrationsrat der Stadt Rheine", "Vorlage 525/21 Nr. 1-2"));
    for (String[] s : list) {
      seats.add(seat(s[0], s[1], s[2], true, 1, 0, DeputyMode.PERSONAL, null, "Vorlage 525/21"));
    }
    Composition composition = new Composition(
        List.of(new SeatGroup("intern", "Verwaltung", GroupKind.INTERNAL),
            new SeatGroup("extern", "Externe", GroupKind.EXTERNAL),
            new SeatGroup("wohlfahrt", "Freie Wohlfahrtspflege", GroupKind.WELFARE)),
        seats, kimRequirements(), new Composition.ChangeRule(false, KIM),
        RuleSource.tenant("Vorlage 525/21"));
    ChairRules chair = new ChairRules(new ChairRules.Holder(HolderKind.NOT_REGULATED, null, null, KIM),
        new ChairRules.Holder(HolderKind.NOT_REGULATED, null, null, KIM));
    return rules("stadt-rheine", "Stadt Rheine", composition, chair,
        new Validity(null, null, false, KIM));
  }

  /** Kreis Kleve: chair and deputy chair by office, two welfare members and two Kommunen. */
  static RulesOfProcedure kleve() {
    List<Seat> seats = new ArrayList<>(List.of(
        seat("fb-1", "Fachbereichsleitung 1 Zentrale Verwaltung", "intern", true, 1, 0, DeputyMode.PERSONAL, null, "Lenkungsgruppe"),
        seat("fb-3", "Fachbereichsleitung 3 Öffentliche Sicherheit und Ordnung", "intern", true, 1, 0, DeputyMode.PERSONAL, null, "Lenkungsgruppe"),
        seat("fb-4", "Fachbereichsleitung 4 Jugend, Soziales und Jobcenter", "intern", true, 1, 0, DeputyMode.PERSONAL, null, "Lenkungsgruppe"),
        seat("leitung-ki", "Leitung des Kommunalen Integrationszentrums", "intern", true, 1, 0, DeputyMode.PERSONAL, null, "Lenkungsgruppe"),
        seat("leitung-kim", "Leitung der strategischen Steuerung KIM", "intern", true, 1, 0, DeputyMode.PERSONAL, null, "Lenkungsgruppe"),
        seat("ag-wohlfahrt", "Arbeitsgruppe Wohlfahrt im Kreis Kleve", "wohlfahrt", true, 2, 0, DeputyMode.PERSONAL, null, "Lenkungsgruppe"),
        seat("kommunen", "Kreisangehörige Kommunen auf Leitungsebene", "extern", true, 2, 0, DeputyMode.PERSONAL, null, "Lenkungsgruppe"),
        seat("integrationsrat", "Integrationsrat Kleve", "extern", true, 1, 0, DeputyMode.PERSONAL, null, "Lenkungsgruppe")));
    Composition composition = new Composition(
        List.of(new SeatGroup("intern", "verwaltungsintern", GroupKind.INTERNAL),
            new SeatGroup("extern", "verwaltungsextern", GroupKind.EXTERNAL),
            new SeatGroup("wohlfahrt", "Freie Wohlfahrtspflege", GroupKind.WELFARE)),
        seats, kimRequirements(), new Composition.ChangeRule(false, KIM),
        RuleSource.tenant("Lenkungsgruppe"));
    ChairRules chair = new ChairRules(
        new ChairRules.Holder(HolderKind.OFFICE, "Leitung des Kommunalen Integrationszentrums",
            "leitung-ki", RuleSource.tenant("Vorsitz")),
        new ChairRules.Holder(HolderKind.OFFICE, "Leitung der strategischen Steuerung KIM",
            "leitung-kim", RuleSource.tenant("Vorsitz")));
    return rules("kreis-kleve", "Kreis Kleve", composition, chair, new Validity(null, null, false, KIM));
  }

  /** StädteRegion Aachen: seat counts (2 for the KI StädteRegion), member and deputy, optional seats. */
  static RulesOfProcedure aachen() {
    List<Seat> seats = new ArrayList<>(List.of(
        seat("dezernat-iii", "Dezernent für Soziales, Gesundheit und Digitalisierung (Dez. III)", "intern", true, 1, 1, DeputyMode.PERSONAL, null, "Vorlage"),
        seat("ki-staedteregion", "KI StädteRegion", "intern", true, 2, 1, DeputyMode.PERSONAL, null, "Vorlage"),
        seat("jobcenter", "Jobcenter", "intern", true, 1, 1, DeputyMode.PERSONAL, null, "Vorlage"),
        seat("ag-wohlfahrtspflege", "AG Wohlfahrtspflege", "wohlfahrt", true, 1, 1, DeputyMode.PERSONAL, null, "Vorlage"),
        seat("politik", "Politik (Sozialausschuss)", "extern", true, 1, 1, DeputyMode.PERSONAL,
            "Ausschuss für Soziales, Gesundheit, Senioren und demographische Vielfalt", "Vorlage"),
        new Seat("bildungsbuero", "Bildungsbüro", "intern", true, false, 1, 0, DeputyMode.PERSONAL, null,
            RuleSource.tenant("Vorlage"))));
    Composition composition = new Composition(
        List.of(new SeatGroup("intern", "Verwaltungsinterne Akteur_innen", GroupKind.INTERNAL),
            new SeatGroup("extern", "Verwaltungsexterne Akteur_innen", GroupKind.EXTERNAL),
            new SeatGroup("wohlfahrt", "AG Wohlfahrtspflege", GroupKind.WELFARE)),
        seats, kimRequirements(), new Composition.ChangeRule(false, KIM), RuleSource.tenant("Vorlage"));
    ChairRules chair = new ChairRules(new ChairRules.Holder(HolderKind.ELECTED, null, null, KIM),
        new ChairRules.Holder(HolderKind.NOT_REGULATED, null, null, KIM));
    return rules("staedteregion-aachen", "StädteRegion Aachen", composition, chair,
        new Validity(null, null, false, KIM));
  }

  static RulesOfProcedure rules(String tenant, String name, Composition composition, ChairRules chair,
      Validity validity) {
    return new RulesOfProcedure(tenant, name, "Geschäftsordnung der Lenkungsgruppe " + name,
        composition, chair, null, null, null, validity);
  }
}
