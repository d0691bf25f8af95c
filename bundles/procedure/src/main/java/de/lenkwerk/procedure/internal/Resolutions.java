package de.lenkwerk.procedure.internal;

import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.Scope;
import de.lenkwerk.api.procedure.Decision;
import de.lenkwerk.api.procedure.DecisionMode;
import de.lenkwerk.api.procedure.ResolutionService;
import de.lenkwerk.api.rules.Resolution;
import de.lenkwerk.persistence.MeetingRepository.DecisionPlace;
import de.lenkwerk.persistence.StoredItem;
import de.lenkwerk.persistence.StoredMeeting;
import de.lenkwerk.persistence.Transaction;
import de.lenkwerk.persistence.UnitOfWork;
import de.lenkwerk.spi.DecisionResult;
import java.util.ArrayList;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Checks a cited resolution against the tenant's record: by the decision's id, or by the meeting's
 * day and the TOP (the item's place on that meeting's agenda).
 */
@Component(service = ResolutionService.class)
public final class Resolutions implements ResolutionService {

  private final UnitOfWork work;

  @Activate
  public Resolutions(@Reference UnitOfWork work) {
    this.work = work;
  }

  @Override
  public Resolution check(Scope scope, Resolution citation) {
    if (citation == null) {
      throw refused("Die Geschäftsordnung nennt unter \"resolution\" keinen Beschluss.");
    }
    return work.read(scope, tx -> {
      DecisionPlace place = citation.decision() != null ? byId(tx, citation.decision())
          : byMeeting(tx, citation);
      StoredMeeting meeting = tx.meetings().find(place.meeting()).orElseThrow(() ->
          refused("Die Sitzung des zitierten Beschlusses gibt es nicht mehr."));
      StoredItem item = tx.meetings().item(place.meeting(), place.item()).orElseThrow(() ->
          refused("Den Tagesordnungspunkt des zitierten Beschlusses gibt es nicht mehr."));
      Decision decision = tx.meetings().decisions(place.meeting()).get(place.item());
      String named = "Der zitierte Beschluss (Sitzung vom " + Texts.date(meeting.date())
          + (item.position() == null ? "" : ", TOP " + item.position()) + ", \"" + item.title()
          + "\")";
      if (decision == null) {
        throw refused(named + " ist nicht erfasst.");
      }
      if (decision.mode() == DecisionMode.NOTED) {
        throw refused(named + " ist ein Bericht, der zur Kenntnis genommen wurde; eine Fassung der "
            + "Geschäftsordnung kann nur ein angenommener Beschluss annehmen.");
      }
      if (decision.outcome() != DecisionResult.Outcome.ADOPTED) {
        throw refused(named + " wurde nicht angenommen (" + decision.reason() + "); eine Fassung "
            + "der Geschäftsordnung kann nur ein angenommener Beschluss annehmen.");
      }
      return new Resolution(place.decision(), meeting.date(), item.position());
    });
  }

  private static DecisionPlace byId(Transaction tx, long id) {
    return tx.meetings().decisionPlace(id).orElseThrow(() -> refused("Einen Beschluss mit der "
        + "Kennung " + id + " (resolution.decision) gibt es in dieser Kommune nicht."));
  }

  private static DecisionPlace byMeeting(Transaction tx, Resolution citation) {
    String where = "der Sitzung vom " + Texts.date(citation.on());
    List<StoredMeeting> meetings = tx.meetings().between(citation.on(), citation.on()).stream()
        .filter(m -> !m.cancelled()).toList();
    if (meetings.isEmpty()) {
      throw refused("Am " + Texts.date(citation.on()) + " hat die Lenkungsgruppe dieser Kommune "
          + "nicht getagt (resolution.meeting); bitte Tag und TOP des Beschlusses prüfen.");
    }
    List<DecisionPlace> found = new ArrayList<>();
    boolean itemFound = false;
    for (StoredMeeting m : meetings) {
      for (StoredItem i : tx.meetings().items(m.id())) {
        if (i.position() != null && i.position().equals(citation.item())) {
          itemFound = true;
          tx.meetings().decisionOn(m.id(), i.id()).ifPresent(found::add);
        }
      }
    }
    if (!itemFound) {
      throw refused("Die Tagesordnung " + where + " hat keinen TOP " + citation.item()
          + " (resolution.item).");
    }
    if (found.isEmpty()) {
      throw refused("Über TOP " + citation.item() + " " + where + " wurde nicht beschlossen.");
    }
    if (found.size() > 1) {
      throw refused("Am " + Texts.date(citation.on()) + " gab es mehrere Sitzungen mit einem "
          + "Beschluss unter TOP " + citation.item() + "; bitte den Beschluss mit seiner Kennung "
          + "nennen (resolution.decision).");
    }
    return found.get(0);
  }

  private static DomainException refused(String detail) {
    return new DomainException(DomainException.Kind.CONTENT_REFUSED, detail);
  }
}
