package de.lenkwerk.documents.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/**
 * The three documents of a Steinfurt meeting rendered by the real templates and renderer:
 * veraPDF finds them PDF/A-2b compliant, every font is embedded, and PDFBox's text extraction
 * reads the expected German text, umlauts included.
 */
class PdfDocumentsTest {

  private static final PdfA PDF = new PdfA();

  @BeforeAll
  static void veraPdf() {
    VeraGreenfieldFoundryProvider.initialise();
  }

  @Test
  void invitationIsPdfA2bWithAgendaAndChair() throws Exception {
    byte[] pdf = PDF.render(Templates.invitation(SteinfurtMeeting.facts(false)));
    assertPdfA2b(pdf);
    String text = text(pdf);
    assertContains(text, "Kreis Steinfurt", "Einladung", "Lenkungsgruppe zur strategischen "
        + "Ausrichtung", "Donnerstag, 12. März 2026", "14:00 Uhr bis 16:00 Uhr",
        "TOP 1 Fortschreibung des Integrationskonzepts", "Vorlage 525/21",
        "TOP 2 Berichterstattung aus dem Case Management", "nicht öffentlich (vertraulich)",
        "Jürgen Müller-1", "Vorsitz", "empfiehlt dem");
    assertFalse(text.contains("Nicht angenommener Vorschlag"), "a submitted item is no TOP");
  }

  @Test
  void theLetterheadCarriesTheSenderLinesAndTheLogoAndStaysPdfA2b() throws Exception {
    var f = SteinfurtMeeting.facts(false);
    var r = f.rules();
    var rules = new de.lenkwerk.api.rules.RulesOfProcedure(r.tenant(), r.name(), r.title(),
        r.composition(), r.chair(), r.voting(), r.meetings(), r.minutes(), r.validity(),
        r.resolution(), new de.lenkwerk.api.rules.Letterhead(java.util.List.of("Der Landrat",
            "Tecklenburger Straße 10, 48565 Steinfurt"),
            de.lenkwerk.api.rules.RuleSource.tenant("§5")));
    var image = new java.awt.image.BufferedImage(60, 20, java.awt.image.BufferedImage.TYPE_INT_RGB);
    var png = new java.io.ByteArrayOutputStream();
    javax.imageio.ImageIO.write(image, "png", png);
    String logo = Logos.dataUri(png.toByteArray());
    assertTrue(logo.startsWith("data:image/png;base64,"));
    byte[] pdf = PDF.render(Templates.invitation(new MeetingFacts(rules, f.meeting(),
        f.committee(), null, null, logo)));
    assertPdfA2b(pdf);
    assertContains(text(pdf), "Der Landrat", "Tecklenburger Straße 10, 48565 Steinfurt");
    try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
      var resources = doc.getPage(0).getResources();
      boolean drawn = false;
      for (var name : resources.getXObjectNames()) {
        drawn |= resources.getXObject(name) instanceof
            org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
      }
      assertTrue(drawn, "the logo is drawn");
    }
    // anything but a PNG or JPEG is no logo
    assertEquals(null, Logos.dataUri("<svg onload=alert(1)>".getBytes()));
  }

  @Test
  void minutesArePdfA2bWithAttendanceDecisionsAndSignatures() throws Exception {
    byte[] pdf = PDF.render(Templates.minutes(SteinfurtMeeting.facts(true), false));
    assertPdfA2b(pdf);
    String text = text(pdf);
    assertContains(text, "Niederschrift", "Fassung 1", "freigegeben", "Einspruchsfrist bis",
        "21.03.2026", "Änne Öztürk-2 (1. Stellvertretung)", "Jürgen Müller-1 (Mitglied)",
        "Dr. Gül Şahin", "Ergebnis: angenommen (offene Abstimmung; Ja 9, Nein 2, Enthaltungen 1)",
        "konsensuale Verständigung", "Angewandte Regel: GO §6", "Frau Öztürk berichtet",
        "Geschäftsstelle (Protokoll)");
  }

  @Test
  void publicResultMinutesNameNoPersonPresent() throws Exception {
    byte[] pdf = PDF.render(Templates.minutes(SteinfurtMeeting.facts(true), true));
    assertPdfA2b(pdf);
    String text = text(pdf);
    assertContains(text, "Ergebnisprotokoll", "öffentlich nach GO §7", "Ja 9, Nein 2");
    assertFalse(text.contains("Änne Öztürk-2"), text);
    assertFalse(text.contains("Gül Şahin"), text);
    assertFalse(text.contains("Jürgen Müller-3"), text);
  }

  @Test
  void attendanceListIsPdfA2bWithEverySeatAndSignatureColumn() throws Exception {
    var facts = SteinfurtMeeting.facts(false);
    byte[] pdf = PDF.render(Templates.attendanceList(facts));
    assertPdfA2b(pdf);
    String text = text(pdf);
    assertContains(text, "Anwesenheitsliste", "Unterschrift", "Gäste", "Dr. Gül Şahin",
        "1. Stellvertretung", "(nicht stimmberechtigt)");
    for (var seat : facts.committee().seats()) {
      assertContains(text, seat.members().get(0).name(), seat.deputies().get(0).name());
    }
  }

  @Test
  void userTextCannotBecomeMarkup() throws Exception {
    String xhtml = new Xhtml().el("p", "<b>&\"x\"</b>").toString();
    assertEquals("<p>&lt;b&gt;&amp;&quot;x&quot;&lt;/b&gt;</p>", xhtml);
  }

  static void assertPdfA2b(byte[] pdf) throws Exception {
    try (PDFAParser parser = Foundries.defaultInstance().createParser(
            new ByteArrayInputStream(pdf), PDFAFlavour.PDFA_2_B);
        PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_2_B,
            false)) {
      ValidationResult result = validator.validate(parser);
      String failures = result.getTestAssertions().stream()
          .filter(a -> a.getStatus() != TestAssertion.Status.PASSED)
          .map(a -> a.getRuleId().getClause() + " " + a.getMessage())
          .distinct().collect(Collectors.joining("\n"));
      assertTrue(result.isCompliant(), "not PDF/A-2b:\n" + failures);
      assertEquals(PDFAFlavour.PDFA_2_B, result.getPDFAFlavour());
    }
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      for (PDPage page : doc.getPages()) {
        for (var name : page.getResources().getFontNames()) {
          PDFont font = page.getResources().getFont(name);
          assertTrue(font.isEmbedded(), font.getName() + " not embedded");
          assertTrue(font.getName().contains("DejaVu"), font.getName());
        }
      }
    }
  }

  static String text(byte[] pdf) throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
    }
  }

  static void assertContains(String text, String... expected) {
    for (String e : expected) {
      assertTrue(text.contains(e), "missing \"" + e + "\" in:\n" + text);
    }
  }
}
