package de.lenkwerk.mail.internal;

import de.lenkwerk.api.mail.Dispatch;
import de.lenkwerk.api.procedure.AgendaItem;
import de.lenkwerk.api.procedure.Meeting;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Locale;

/** The German subject and text of the mails, from the meeting and the tenant's rules. */
final class MailTexts {

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("EEEE, d. MMMM yyyy", Locale.GERMAN);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

  private MailTexts() {}

  /** "Mittwoch, 10. Juni 2026". */
  static String date(LocalDate day) {
    return DATE.format(day);
  }

  static String committee(String kommune) {
    return "Lenkungsgruppe KIM " + kommune;
  }

  static String subject(Dispatch.Kind kind, String kommune, Meeting m) {
    String when = date(m.date()) + ", " + TIME.format(m.start()) + " Uhr";
    return switch (kind) {
      case INVITATION -> "Einladung: " + committee(kommune) + ", Sitzung am " + when;
      case CHANGE -> "Änderung: " + committee(kommune) + ", Sitzung am " + when;
      case CANCELLATION -> "Absage: " + committee(kommune) + ", Sitzung am " + when;
      case MINUTES -> "Niederschrift: " + committee(kommune) + ", Sitzung vom " + date(m.date());
    };
  }

  static String body(Dispatch.Kind kind, String kommune, Meeting m, String shortenReason) {
    StringBuilder b = new StringBuilder("Sehr geehrte Damen und Herren,\n\n");
    String when = "am " + date(m.date()) + " von " + TIME.format(m.start()) + " bis "
        + TIME.format(m.end()) + " Uhr";
    switch (kind) {
      case INVITATION -> b.append("hiermit lade ich Sie zur Sitzung der ")
          .append(committee(kommune)).append(' ').append(when).append(" ein.\n");
      case CHANGE -> b.append("die Sitzung der ").append(committee(kommune))
          .append(" hat sich geändert. Sie findet nun ").append(when).append(" statt.\n");
      case CANCELLATION -> b.append("die Sitzung der ").append(committee(kommune)).append(' ')
          .append(when).append(" wird abgesagt").append(m.cancelReason() == null ? "."
              : ": " + m.cancelReason()).append('\n');
      case MINUTES -> b.append("anbei erhalten Sie die Niederschrift der Sitzung der ")
          .append(committee(kommune)).append(" vom ").append(date(m.date())).append(".\n");
    }
    if (kind != Dispatch.Kind.MINUTES && kind != Dispatch.Kind.CANCELLATION) {
      if (m.location() != null && !m.location().isBlank()) {
        b.append("Ort: ").append(m.location()).append('\n');
      }
      b.append(m.publicMeeting() ? "Die Sitzung ist öffentlich.\n"
          : "Die Sitzung ist nicht öffentlich; die Unterlagen sind vertraulich.\n");
      if (shortenReason != null) {
        b.append("\nDie Ladungsfrist ist verkürzt. Grund der Dringlichkeit: ")
            .append(shortenReason).append('\n');
      }
      b.append("\nTagesordnung:\n");
      m.agenda().stream().filter(i -> i.position() != null)
          .sorted(Comparator.comparing(AgendaItem::position))
          .forEach(i -> b.append("TOP ").append(i.position()).append(": ").append(i.title())
              .append('\n'));
      b.append("\nDie Einladung liegt als PDF bei, der Termin als Kalendereintrag (.ics).\n");
    } else if (kind == Dispatch.Kind.MINUTES) {
      b.append("Die Niederschrift liegt als PDF bei.\n");
    }
    b.append("\nMit freundlichen Grüßen\nDie Geschäftsstelle der ").append(committee(kommune))
        .append("\n\n-- \nDiese Nachricht wurde von Lenkwerk versandt.\n");
    return b.toString();
  }
}
