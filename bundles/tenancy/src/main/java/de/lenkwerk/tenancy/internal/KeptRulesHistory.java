package de.lenkwerk.tenancy.internal;

import de.lenkwerk.api.rules.RulesOfProcedure;
import de.lenkwerk.api.tenant.RulesHistory;
import de.lenkwerk.persistence.RulesVersions;
import de.lenkwerk.rules.Amendments;
import de.lenkwerk.rules.RulesChanges;
import de.lenkwerk.rules.RulesDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@link RulesHistory} from the kept documents: each is read again with the same reader that
 * served it, so a past version shows its rules with the KIM defaults of its document, and the
 * changes are computed between consecutive versions. Registered under its own class only: the
 * platform's {@link RulesHistory} is {@link TenantRegistry}, which reads from here once per change.
 */
@Component(service = KeptRulesHistory.class)
public final class KeptRulesHistory implements RulesHistory {

  private final RulesVersions store;
  /** Documents read once: a kept version never changes (key: tenant and rules version). */
  private final Map<String, RulesDocument.Result> read = new ConcurrentHashMap<>();

  @Activate
  public KeptRulesHistory(@Reference RulesVersions store) {
    this.store = store;
  }

  @Override
  public List<RulesVersion> versions(String tenant) {
    List<RulesVersion> versions = new ArrayList<>();
    RulesOfProcedure previous = null;
    for (RulesVersions.Kept kept : store.all(tenant)) {
      RulesDocument.Result result = read.computeIfAbsent(tenant + "\n" + kept.rulesVersion(),
          k -> RulesDocument.read(kept.document(), tenant + " " + kept.rulesVersion()));
      if (!result.valid()) {
        continue; // only valid versions are kept; a reader that got stricter since skips, never guesses
      }
      // as it was served: a version citing its resolution shows it, and as the validity's source
      RulesOfProcedure rules = Amendments.amended(previous, result.rules(), kept.resolution());
      versions.add(new RulesVersion(kept.rulesVersion(), kept.takesEffect(), rules,
          RulesChanges.between(previous, rules)));
      previous = rules;
    }
    return List.copyOf(versions);
  }
}
