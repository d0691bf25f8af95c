package de.lenkwerk.documents.internal;

import de.lenkwerk.api.committee.ChairHolder;
import de.lenkwerk.api.committee.SeatComposition;
import de.lenkwerk.api.committee.SeatHolder;
import de.lenkwerk.api.procedure.AgendaItem;
import de.lenkwerk.api.procedure.Attendance;
import de.lenkwerk.api.procedure.Decision;
import de.lenkwerk.api.procedure.Meeting;
import de.lenkwerk.api.procedure.Minutes;
import de.lenkwerk.api.procedure.Representation;
import de.lenkwerk.api.rules.MeetingRules.Confidentiality;
import java.util.List;

/**
 * The XHTML of the Einladung, the Niederschrift and the Anwesenheitsliste, German, A4, every
 * font the DejaVu family the renderer embeds. Pure functions of {@link MeetingFacts}.
 */
final class Templates {

  static final String FONT = "DejaVu Sans";

  private static final String STYLE = """
      @page { size: A4; margin: 22mm 20mm 22mm 25mm;
        @bottom-right { content: "Seite " counter(page) " von " counter(pages); font-family: 'DejaVu Sans'; font-size: 8pt; } }
      * { font-family: 'DejaVu Sans'; }
      body { font-size: 10pt; line-height: 1.35; }
      .letterhead { border-bottom: 1px solid #555; padding-bottom: 3mm; margin-bottom: 8mm; }
      .letterhead .kommune { font-size: 14pt; font-weight: bold; }
      .letterhead .line { font-size: 9pt; }
      .letterhead .logo { float: right; max-height: 18mm; max-width: 50mm; }
      h1 { font-size: 16pt; margin: 0 0 2mm 0; }
      h2 { font-size: 12pt; margin: 6mm 0 2mm 0; }
      h3 { font-size: 10.5pt; margin: 4mm 0 1mm 0; }
      .sub { font-size: 11pt; margin-bottom: 4mm; }
      table { width: 100%; border-collapse: collapse; margin: 2mm 0; }
      th, td { border: 1px solid #777; padding: 1.5mm; text-align: left; vertical-align: top; font-size: 9pt; }
      th { background-color: #e8e8e8; }
      td.sign { height: 10mm; }
      .note { font-size: 8.5pt; color: #333; }
      .signatures { margin-top: 14mm; }
      .signature { display: inline-block; width: 70mm; margin-right: 10mm; border-top: 1px solid #000; padding-top: 1mm; font-size: 9pt; }
      .top { page-break-inside: avoid; }
      """;

  private Templates() {}

  /** The Einladung: letterhead, title, date, time and place, agenda, confidentiality, chair. */
  static String invitation(MeetingFacts f) {
    Meeting m = f.meeting();
    Xhtml h = open("Einladung – " + f.committeeTitle() + " – " + Words.date(m.date()), f);
    h.el("h1", "Einladung");
    h.el("div", "sub", "zur " + Words.kind(m.kind()) + " der " + f.committeeTitle());
    h.raw("<table>");
    row(h, "Datum", Words.longDate(m.date()));
    row(h, "Uhrzeit", Words.time(m.start()) + " bis " + Words.time(m.end()));
    if (m.location() != null && !m.location().isBlank()) {
      row(h, "Ort", m.location());
    }
    row(h, "Sitzung", confidentiality(m, f.rules().meetings().confidentiality()));
    h.raw("</table>");
    h.el("p", "Sehr geehrte Damen und Herren, zu der oben genannten Sitzung lade ich Sie herzlich "
        + "ein. Die Tagesordnung lautet:");
    h.el("h2", "Tagesordnung");
    List<AgendaItem> agenda = f.agenda();
    if (agenda.isEmpty()) {
      h.el("p", "Die Tagesordnung ist noch nicht festgelegt.");
    }
    for (AgendaItem item : agenda) {
      h.raw("<div class=\"top\">");
      h.el("h3", "TOP " + item.position() + "  " + item.title());
      if (item.reference() != null) {
        h.el("p", "note", "Bezug: " + item.reference().label());
      }
      if (item.explanation() != null && !item.explanation().isBlank()) {
        h.raw("<div>").el("strong", "Beschlussvorschlag / Erläuterung: ").raw("</div>");
        h.paragraphs(item.explanation());
      }
      h.raw("</div>");
    }
    ChairHolder chair = f.committee().chair();
    h.raw("<div class=\"signatures\"><p>Mit freundlichen Grüßen</p>");
    h.raw("<div class=\"signature\">");
    h.text(chair != null && chair.name() != null ? chair.name() : "");
    h.raw("<br/>").text(chairOffice(chair)).raw("</div></div>");
    return close(h);
  }

  /**
   * The Niederschrift: attendance, each TOP with wording, mode, tally and the rule applied, the
   * minutes' text, version and status, signature lines for the chair and the Geschäftsstelle. The
   * public variant (result minutes) names no person present.
   */
  static String minutes(MeetingFacts f, boolean publicVariant) {
    Meeting m = f.meeting();
    Minutes minutes = f.minutes();
    String heading = publicVariant ? "Ergebnisprotokoll" : "Niederschrift";
    Xhtml h = open(heading + " – " + f.committeeTitle() + " – " + Words.date(m.date()), f);
    h.el("h1", heading);
    h.el("div", "sub", "über die " + Words.kind(m.kind()) + " der " + f.committeeTitle() + " am "
        + Words.longDate(m.date()) + ", " + Words.time(m.start()) + " bis " + Words.time(m.end()));
    h.raw("<table>");
    row(h, "Fassung", minutes.release() == 0 ? "Entwurf (noch nicht freigegeben)"
        : "Fassung " + minutes.release());
    row(h, "Status", Words.status(minutes.status()));
    if (minutes.sentOn() != null) {
      row(h, "Versandt am", Words.date(minutes.sentOn()));
    }
    if (minutes.objectionsUntil() != null) {
      row(h, "Einspruchsfrist bis", Words.date(minutes.objectionsUntil()) + " ("
          + minutes.objectionSource().label() + ")");
    }
    if (minutes.approvedOn() != null) {
      row(h, "Genehmigt am", Words.date(minutes.approvedOn()));
    }
    row(h, "Sitzung", confidentiality(m, f.rules().meetings().confidentiality()));
    if (publicVariant) {
      row(h, "Veröffentlichung", "Ergebnisprotokoll, öffentlich nach "
          + minutes.publicationSource().label());
    }
    h.raw("</table>");

    Attendance a = f.attendance();
    h.el("h2", "Anwesenheit");
    if (publicVariant) {
      h.el("p", "Vertreten waren " + a.votingSeatsPresent() + " von " + a.votingSeats()
          + " Stimmen.");
    } else {
      attendance(h, a);
    }

    h.el("h2", "Tagesordnung und Ergebnisse");
    for (AgendaItem item : f.agenda()) {
      h.raw("<div class=\"top\">");
      h.el("h3", "TOP " + item.position() + "  " + item.title());
      if (item.reference() != null) {
        h.el("p", "note", "Bezug: " + item.reference().label());
      }
      h.paragraphs(item.explanation());
      decision(h, item.decision());
      h.raw("</div>");
    }
    if (minutes.text() != null && !minutes.text().isBlank()) {
      h.el("h2", "Protokoll");
      h.paragraphs(minutes.text());
    }
    if (!publicVariant) {
      ChairHolder chair = f.committee().chair();
      h.raw("<div class=\"signatures\">");
      h.raw("<div class=\"signature\">").text(chair != null && chair.name() != null
          ? chair.name() : "").raw("<br/>").text(chairOffice(chair)).raw("</div>");
      h.raw("<div class=\"signature\">&#160;<br/>").text("Geschäftsstelle (Protokoll)")
          .raw("</div></div>");
    }
    return close(h);
  }

  /** The Anwesenheitsliste to sign: every seat, its members and deputies, a signature column, guests. */
  static String attendanceList(MeetingFacts f) {
    Meeting m = f.meeting();
    Xhtml h = open("Anwesenheitsliste – " + f.committeeTitle() + " – " + Words.date(m.date()), f);
    h.el("h1", "Anwesenheitsliste");
    h.el("div", "sub", Words.kind(m.kind()) + " der " + f.committeeTitle() + " am "
        + Words.longDate(m.date()) + ", " + Words.time(m.start()) + " bis " + Words.time(m.end()));
    h.raw("<table><thead><tr><th style=\"width: 38%\">Sitz / Institution</th>"
        + "<th style=\"width: 24%\">Name</th><th style=\"width: 16%\">Funktion</th>"
        + "<th style=\"width: 22%\">Unterschrift</th></tr></thead><tbody>");
    for (SeatComposition seat : f.committee().seats()) {
      String institution = seat.institution() + (seat.voting() ? "" : " (nicht stimmberechtigt)");
      List<SeatHolder> holders = new java.util.ArrayList<>(seat.members());
      holders.addAll(seat.deputies());
      if (holders.isEmpty()) {
        h.raw("<tr><td>").text(institution).raw("</td><td>").text("(nicht besetzt)")
            .raw("</td><td></td><td class=\"sign\"></td></tr>");
      }
      for (SeatHolder holder : holders) {
        h.raw("<tr><td>").text(institution).raw("</td><td>").text(holder.name()).raw("</td><td>")
            .text(holder.rank() == null ? "Mitglied" : holder.rank() + ". Stellvertretung")
            .raw("</td><td class=\"sign\"></td></tr>");
      }
    }
    h.raw("</tbody></table>");
    h.el("h2", "Gäste");
    h.raw("<table><thead><tr><th style=\"width: 35%\">Name</th>"
        + "<th style=\"width: 40%\">Institution / Funktion</th>"
        + "<th style=\"width: 25%\">Unterschrift</th></tr></thead><tbody>");
    List<String> guests = f.attendance() == null ? List.of() : f.attendance().guests();
    for (String guest : guests) {
      h.raw("<tr><td>").text(guest).raw("</td><td></td><td class=\"sign\"></td></tr>");
    }
    for (int i = 0; i < 4; i++) {
      h.raw("<tr><td>&#160;</td><td></td><td class=\"sign\"></td></tr>");
    }
    h.raw("</tbody></table>");
    return close(h);
  }

  private static void attendance(Xhtml h, Attendance a) {
    h.raw("<table><thead><tr><th style=\"width: 55%\">Sitz / Institution</th>"
        + "<th style=\"width: 45%\">vertreten durch</th></tr></thead><tbody>");
    for (Representation r : a.seats()) {
      h.raw("<tr><td>").text(r.institution()).raw("</td><td>").text(represented(r))
          .raw("</td></tr>");
    }
    for (Representation r : a.advisory()) {
      h.raw("<tr><td>").text(r.institution() + " (beratend)").raw("</td><td>").text(represented(r))
          .raw("</td></tr>");
    }
    h.raw("</tbody></table>");
    h.el("p", "Vertreten waren " + a.votingSeatsPresent() + " von " + a.votingSeats()
        + " Stimmen (" + ("SEAT".equals(a.unit()) ? "je Sitz eine Stimme" : "je Mitglied eine Stimme")
        + ", " + a.unitSource().label() + ").");
    if (!a.guests().isEmpty()) {
      h.el("p", "Gäste: " + String.join(", ", a.guests()));
    }
  }

  private static String represented(Representation r) {
    return switch (r.by()) {
      case MEMBER -> r.name() + " (Mitglied)";
      case DEPUTY -> r.name() + " (" + (r.rank() == null ? "" : r.rank() + ". ") + "Stellvertretung)";
      case NOT_REPRESENTED -> "nicht vertreten";
    };
  }

  private static void decision(Xhtml h, Decision d) {
    if (d == null) {
      h.el("p", "note", "Kein Beschluss erfasst.");
      return;
    }
    StringBuilder result = new StringBuilder();
    result.append("Ergebnis: ").append(Words.outcome(d.outcome()));
    result.append(" (").append(Words.mode(d.mode()));
    if (d.tally() != null) {
      result.append("; Ja ").append(d.tally().yes()).append(", Nein ").append(d.tally().no())
          .append(", Enthaltungen ").append(d.tally().abstain());
    }
    result.append(")");
    h.raw("<p><strong>").text(result.toString()).raw("</strong></p>");
    if (d.reason() != null && !d.reason().isBlank()) {
      h.el("p", d.reason());
    }
    h.el("p", "note", "Angewandte Regel: " + d.source().label() + "; " + d.votesPresent() + " von "
        + d.votingSeats() + " Stimmen vertreten; Regelstand " + d.rulesVersion());
  }

  private static String confidentiality(Meeting m, Confidentiality rule) {
    String state = m.publicMeeting() ? "öffentlich" : "nicht öffentlich (vertraulich)";
    return state + " (" + m.confidentialitySource().label() + ")";
  }

  private static String chairOffice(ChairHolder chair) {
    if (chair == null || chair.office() == null) {
      return "Vorsitz";
    }
    return "Vorsitz (" + chair.office() + ")";
  }

  private static void row(Xhtml h, String label, String value) {
    h.raw("<tr><th style=\"width: 45mm\">").text(label).raw("</th><td>").text(value)
        .raw("</td></tr>");
  }

  private static Xhtml open(String title, MeetingFacts f) {
    Xhtml h = new Xhtml();
    h.raw("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"de\" xml:lang=\"de\">"
        + "<head><meta charset=\"UTF-8\"/>");
    h.el("title", title);
    h.raw("<meta name=\"author\" content=\"").text(f.kommune() + " – Geschäftsstelle der Lenkungsgruppe")
        .raw("\"/><meta name=\"subject\" content=\"").text(f.committeeTitle()).raw("\"/>");
    h.raw("<style>").raw(STYLE).raw("</style></head><body>");
    h.raw("<div class=\"letterhead\">");
    if (f.logo() != null) {
      // a data URI the platform built from the tenant bundle's checked PNG or JPEG
      h.raw("<img class=\"logo\" alt=\"\" src=\"").text(f.logo()).raw("\"/>");
    }
    h.raw("<div class=\"kommune\">").text(f.kommune()).raw("</div>");
    h.raw("<div class=\"line\">").text("Geschäftsstelle der Lenkungsgruppe Kommunales "
        + "Integrationsmanagement").raw("</div>");
    for (String line : f.rules().letterhead().lines()) {
      h.raw("<div class=\"line\">").text(line).raw("</div>");
    }
    h.raw("</div>");
    return h;
  }

  private static String close(Xhtml h) {
    return h.raw("</body></html>").toString();
  }
}
