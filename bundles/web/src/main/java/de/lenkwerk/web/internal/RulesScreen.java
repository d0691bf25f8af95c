package de.lenkwerk.web.internal;

import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.tenant.DocumentPreview;
import de.lenkwerk.api.tenant.RulesHistory;
import de.lenkwerk.api.tenant.Tenant;
import de.lenkwerk.api.tenant.TenantInfo;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Geschäftsordnung: the tenant's rules in plain German, each with its paragraph or "KIM-Standard",
 * as in force on a chosen day ("Regeln am …"); every version kept with the day it took effect,
 * the resolution it cites and what changed; why the Geschäftsordnung is expired and what to do;
 * for the tenant admin a new version uploaded with a preview of what changes
 * ({@code POST .../document/preview}, nothing stored) that takes effect only when confirmed
 * ({@code PUT .../document}), and only the previewed document (its SHA-256).
 */
final class RulesScreen implements Screen {

  private final Services s;
  private final View view;

  RulesScreen(Services s, View view) {
    this.s = s;
    this.view = view;
  }

  @Override
  public void routes(Router r) {
    r.get("/geschaeftsordnung", this::page)
        .get("/geschaeftsordnung/hochladen", p -> upload(p, 200))
        .post("/geschaeftsordnung/hochladen", this::preview)
        .post("/geschaeftsordnung/inkraftsetzen", this::confirm);
  }

  private void page(Page p) throws IOException {
    Tenant current = s.tenants().serving(p.tenant());
    LocalDate today = Services.today();
    LocalDate on = today;
    if (p.req.getParameter("am") != null && !p.req.getParameter("am").isBlank()) {
      try {
        on = p.dateParam("am", "Bitte geben Sie einen Tag an (TT.MM.JJJJ).");
      } catch (DomainException e) {
        p.errors.put("am", e.getMessage());
      }
    }
    // the rules in force on the chosen day (before the first kept version: the first one)
    Tenant tenant = s.tenants().servingOn(p.tenant(), on);
    List<RulesHistory.RulesVersion> versions = new ArrayList<>(s.history().versions(p.tenant()));
    RulesHistory.RulesVersion versionOn = s.versionOn(p.tenant(), on);
    java.util.Collections.reverse(versions); // the newest first
    p.model.put("tenantInfo", current.info());
    p.model.put("rules", tenant.rules());
    p.model.put("on", on);
    p.model.put("isToday", on.equals(today));
    p.model.put("versionOn", versionOn);
    p.model.put("versions", versions);
    p.model.put("expiredOn", tenant.rules().validity().expiredOn(on));
    p.model.put("beforeFirst", !versions.isEmpty() && versions.get(versions.size() - 1).takesEffect().isAfter(on));
    p.model.put("expired", Expiry.of(current, today, view.german()));
    // the majority in the words the decisions use (the standard policy's own description)
    p.model.put("majority", tenant.standardDecisions().name());
    p.model.put("policies", tenant.policies());
    view.render(p, "rules.ftlh", "geschaeftsordnung", "Geschäftsordnung", 200);
  }

  private void upload(Page p, int status) throws IOException {
    if (!new Permissions(s.access(), p.caller()).to("PUT", "document")) {
      view.error(p, 403, "Eine neue Fassung der Geschäftsordnung lädt die Geschäftsstelle hoch.");
      return;
    }
    view.render(p, "rules-upload.ftlh", "geschaeftsordnung", "Neue Fassung der Geschäftsordnung", status);
  }

  private void preview(Page p) throws IOException {
    p.session.pendingDocument = null;
    byte[] bytes;
    try {
      var part = p.req.getPart("dokument");
      bytes = part == null ? new byte[0] : part.getInputStream().readAllBytes();
    } catch (javax.servlet.ServletException | IllegalStateException e) {
      p.errors.put("dokument", "Die Datei ist zu groß oder nicht lesbar (höchstens 1 MB).");
      upload(p, 400);
      return;
    }
    if (bytes.length == 0) {
      p.errors.put("dokument", "Bitte wählen Sie die Datei der Geschäftsordnung (YAML).");
      upload(p, 400);
      return;
    }
    try {
      String tenant = p.tenant();
      DocumentPreview preview = s.access().perform(p.caller(), "POST", p.api("document/preview"),
          () -> s.administration().previewDocument(tenant, bytes));
      p.session.pendingDocument = bytes;
      p.model.put("preview", preview);
      upload(p, 200);
    } catch (DomainException e) {
      Forms.rethrowRefusal(e);
      p.model.put("problems", List.of(e.getMessage()));
      upload(p, e.kind().status());
    }
  }

  private void confirm(Page p) throws IOException {
    byte[] bytes = p.session.pendingDocument;
    String digest = p.param("pruefsumme");
    if (bytes == null || digest == null || !digest.equals(sha256(bytes))) {
      p.errors.put("dokument", "Es liegt keine geprüfte Fassung vor (oder eine andere als die angezeigte). Bitte "
          + "laden Sie die Datei erneut hoch. Es wurde nichts geändert.");
      upload(p, 409);
      return;
    }
    try {
      String tenant = p.tenant();
      TenantInfo after = s.access().perform(p.caller(), "PUT", p.api("document"),
          () -> s.administration().uploadDocument(p.caller(), tenant, bytes));
      p.session.pendingDocument = null;
      p.session.flash = "Die neue Fassung der Geschäftsordnung ist in Kraft" + (after == null || after.rulesVersion() == null
          ? "." : " (Fassung " + after.rulesVersion() + ").");
      View.redirect(p.resp, "/geschaeftsordnung");
    } catch (DomainException e) {
      Forms.rethrowRefusal(e);
      p.model.put("problems", List.of(e.getMessage()));
      upload(p, e.kind().status());
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
