package de.lenkwerk.web.internal;

import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.Scope;
import de.lenkwerk.api.TenantIds;
import de.lenkwerk.api.documents.MeetingDocuments;
import de.lenkwerk.api.documents.Publication;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.servlet.http.HttpServletResponse;

/**
 * The public page of a Kommune, {@code /oeffentlich/<kommune>}, for everybody without login: its
 * upcoming public meetings with their invitation and the released result minutes its rules make
 * public, each as PDF. Everything comes from {@link MeetingDocuments#publication}, which lists
 * nothing confidential; a PDF is served only for a meeting that publication lists, and the minutes
 * only in their public variant (the result minutes, without the names of those present).
 */
final class PublicPages {

  static final String PREFIX = "/oeffentlich/";
  private static final Pattern PAGE = Pattern.compile("/oeffentlich/([a-z0-9-]{1,64})/?");
  private static final Pattern PDF = Pattern.compile(
      "/oeffentlich/([a-z0-9-]{1,64})/(einladung|ergebnisprotokoll)/([0-9]{1,18})\\.pdf");
  private static final String NOT_PUBLISHED = "Dieses Dokument ist nicht (mehr) öffentlich. Die öffentlichen "
      + "Sitzungen und Ergebnisprotokolle finden Sie auf der Seite der Kommune.";

  private final MeetingDocuments documents;
  private final Templates templates;
  private final German german;

  PublicPages(MeetingDocuments documents, Templates templates, German german) {
    this.documents = documents;
    this.templates = templates;
    this.german = german;
  }

  /** Answers a GET below {@value #PREFIX}. */
  void serve(String path, HttpServletResponse resp) throws IOException {
    try {
      Matcher page = PAGE.matcher(path);
      if (page.matches()) {
        Publication publication = publication(page.group(1));
        Map<String, Object> model = new HashMap<>();
        model.put("fmt", german);
        model.put("publication", publication);
        model.put("title", publication.committee());
        View.html(resp, 200, templates.render("public.ftlh", model));
        return;
      }
      Matcher pdf = PDF.matcher(path);
      if (pdf.matches()) {
        String tenant = pdf.group(1);
        long meeting = Long.parseLong(pdf.group(3));
        Publication publication = publication(tenant);
        boolean invitation = pdf.group(2).equals("einladung");
        boolean listed = invitation
            ? publication.upcoming().stream().anyMatch(m -> m.meeting() == meeting)
            : publication.minutes().stream().anyMatch(m -> m.meeting() == meeting);
        if (!listed) {
          throw DomainException.notFound(NOT_PUBLISHED);
        }
        Scope scope = Scope.system(tenant);
        byte[] bytes = invitation ? documents.invitationPdf(scope, meeting) : documents.minutesPdf(scope, meeting, true);
        resp.setStatus(200);
        resp.setContentType("application/pdf");
        resp.setHeader("Content-Disposition", "inline; filename=\"" + (invitation ? "Einladung" : "Ergebnisprotokoll")
            + "-" + tenant + "-" + meeting + ".pdf\"");
        resp.setContentLength(bytes.length);
        resp.getOutputStream().write(bytes);
        return;
      }
      throw DomainException.notFound("Diese Seite gibt es nicht. Die öffentliche Seite einer Kommune ist "
          + "/oeffentlich/<Kennung>, z. B. /oeffentlich/kreis-steinfurt.");
    } catch (DomainException e) {
      Map<String, Object> model = new HashMap<>();
      model.put("title", e.kind() == DomainException.Kind.NOT_FOUND ? "Nicht gefunden" : "Nicht verfügbar");
      // a refusal other than "not found" (an INVALID tenant's reasons, say) is no one's business here
      boolean notFound = e.kind() == DomainException.Kind.NOT_FOUND;
      model.put("message", notFound ? e.detail() : "Die Seite dieser Kommune ist zurzeit nicht verfügbar. "
          + "Bitte versuchen Sie es später noch einmal.");
      View.html(resp, notFound ? 404 : 503, templates.render("public-error.ftlh", model));
    }
  }

  private Publication publication(String tenant) {
    if (!TenantIds.isValid(tenant)) {
      throw TenantIds.notFound(tenant);
    }
    // read by the platform for everybody: only the public part of the Kommune's record
    return documents.publication(Scope.system(tenant));
  }
}
