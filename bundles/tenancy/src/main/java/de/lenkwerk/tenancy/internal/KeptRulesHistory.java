package de.lenkwerk.tenancy.internal;

import de.lenkwerk.api.rules.RulesOfProcedure;
import de.lenkwerk.api.tenant.RulesHistory;
import de.lenkwerk.persistence.RulesVersions;
import de.lenkwerk.rules.RulesChanges;
import de.lenkwerk.rules.RulesDocument;
import java.util.ArrayList;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@link RulesHistory} from the kept documents: each is read again with the same reader that
 * served it, so a past version shows its rules with the KIM defaults of its document, and the
 * changes are computed between consecutive versions.
 */
@Component(service = RulesHistory.class)
public final class KeptRulesHistory implements RulesHistory {

  private final RulesVersions store;

  @Activate
  public KeptRulesHistory(@Reference RulesVersions store) {
    this.store = store;
  }

  @Override
  public List<RulesVersion> versions(String tenant) {
    List<RulesVersion> versions = new ArrayList<>();
    RulesOfProcedure previous = null;
    for (RulesVersions.Kept kept : store.all(tenant)) {
      RulesDocument.Result read = RulesDocument.read(kept.document(), tenant + " " + kept.rulesVersion());
      if (!read.valid()) {
        continue; // only valid versions are kept; a reader that got stricter since skips, never guesses
      }
      versions.add(new RulesVersion(kept.rulesVersion(), kept.takesEffect(), read.rules(),
          RulesChanges.between(previous, read.rules())));
      previous = read.rules();
    }
    return List.copyOf(versions);
  }
}
