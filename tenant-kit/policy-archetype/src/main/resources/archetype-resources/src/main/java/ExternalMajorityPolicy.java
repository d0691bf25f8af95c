package ${package};

import de.lenkwerk.api.rules.RuleSource;
import de.lenkwerk.api.rules.SeatGroup.GroupKind;
import de.lenkwerk.spi.DecisionInput;
import de.lenkwerk.spi.DecisionPolicy;
import de.lenkwerk.spi.DecisionResult;
import de.lenkwerk.spi.DecisionResult.Outcome;
import de.lenkwerk.spi.Policies;
import de.lenkwerk.spi.SeatInput;
import de.lenkwerk.spi.VoteContext.Vote;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * GO §6 Abs. 3 (replace with your Kommune's rule): a motion is adopted only with the majority the
 * Geschäftsordnung asks for (the standard outcome, {@link DecisionInput#standard()}) and, besides,
 * the yes votes of a majority of the external seats.
 */
@Component(service = DecisionPolicy.class, property = Policies.TENANT + "=${tenant}")
public final class ExternalMajorityPolicy implements DecisionPolicy {

  static final RuleSource SOURCE = RuleSource.tenant("§6 Abs. 3");

  @Override
  public String name() {
    return "Mehrheit der Sitze, zusätzlich die Mehrheit der verwaltungsexternen Sitze";
  }

  @Override
  public RuleSource source() {
    return SOURCE;
  }

  @Override
  public DecisionResult decide(DecisionInput input) {
    DecisionResult standard = input.standard();
    if (standard.outcome() == Outcome.REJECTED) {
      return standard;
    }
    if (!input.votesPerSeat()) {
      return new DecisionResult(Outcome.REJECTED, "abgelehnt: ein Beschluss braucht zusätzlich die "
          + "Ja-Stimmen der Mehrheit der verwaltungsexternen Sitze, dafür müssen die Stimmen je "
          + "Sitz erfasst sein (" + SOURCE.label() + ")", SOURCE);
    }
    List<SeatInput> external = input.seats().stream()
        .filter(s -> s.groupKind() == GroupKind.EXTERNAL).toList();
    long yes = external.stream().filter(s -> s.vote().orElse(null) == Vote.YES).count();
    String figures = yes + " von " + external.size() + " verwaltungsexternen Sitzen mit Ja";
    if (2 * yes <= external.size()) {
      return new DecisionResult(Outcome.REJECTED, "abgelehnt: nur " + figures + ", erforderlich "
          + "ist zusätzlich deren Mehrheit (" + SOURCE.label() + ")", SOURCE);
    }
    return new DecisionResult(Outcome.ADOPTED, standard.reason() + "; zudem " + figures
        + ", die Mehrheit der verwaltungsexternen Sitze (" + SOURCE.label() + ")", SOURCE);
  }
}
