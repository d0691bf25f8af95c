package de.lenkwerk.shell.internal;

import de.lenkwerk.api.rules.ChairRules;
import de.lenkwerk.api.rules.MeetingRules;
import de.lenkwerk.api.rules.RuleSource;
import de.lenkwerk.api.rules.RulesOfProcedure;
import de.lenkwerk.api.rules.Seat;
import de.lenkwerk.api.rules.VotingRules;
import de.lenkwerk.api.tenant.PolicyInfo;
import de.lenkwerk.api.tenant.Tenant;
import de.lenkwerk.api.tenant.TenantDirectory;
import java.io.PrintStream;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/** {@code lenkwerk:rules <tenant>}: the effective rules of a tenant, each with its source. */
@Service
@Command(scope = "lenkwerk", name = "rules", description = "Shows the effective rules of procedure of a tenant with their sources")
public final class RulesCommand implements Action {

  @Reference
  private TenantDirectory directory;

  @Argument(index = 0, name = "tenant", description = "The tenant id, e.g. kreis-steinfurt", required = true)
  private String tenantId;

  @Override
  public Object execute() {
    Tenant tenant = directory.serving(tenantId);
    RulesOfProcedure rules = tenant.rules();
    PrintStream out = System.out;
    out.println(rules.name() + " (" + rules.tenant() + "), " + tenant.info().status()
        + ", rules " + tenant.rulesVersion());
    out.println(rules.title());
    ShellTable seats = new ShellTable();
    seats.column("Seat");
    seats.column("Institution");
    seats.column("Group");
    seats.column("Voting");
    seats.column("Standing");
    seats.column("Members");
    seats.column("Deputies");
    seats.column("Source");
    for (Seat s : rules.composition().seats()) {
      seats.addRow().addContent(s.id(), s.institution(), s.group(), s.voting(), s.standing(),
          s.members(), s.deputies() + " " + s.deputyMode(), label(s.source()));
    }
    seats.print(out);
    out.println("Chair:          " + holder(rules.chair().chair()));
    out.println("Deputy chair:   " + holder(rules.chair().deputyChair()));
    VotingRules v = rules.voting();
    out.println("Quorum:         " + v.quorum().kind() + " [" + label(v.quorum().source()) + "]");
    out.println("Majority:       " + v.majority().kind() + ", abstentions " + v.majority().abstentions()
        + " [" + label(v.majority().source()) + "]");
    out.println("Tie:            " + v.tie().kind() + " [" + label(v.tie().source()) + "]");
    out.println("Voting unit:    " + v.unit().kind() + " [" + label(v.unit().source()) + "]");
    out.println("Ballot:         " + v.ballot().kind() + " [" + label(v.ballot().source()) + "]");
    out.println("Consensus:      " + (v.consensus().normal() ? "normal way" : "no") + " [" + label(v.consensus().source()) + "]");
    out.println("Cadence:        " + cadence(rules.meetings().cadence()));
    out.println("Objections:     " + rules.minutes().objections().periodDays() + " days, silence approves: "
        + rules.minutes().objections().silenceMeansApproval() + " [" + label(rules.minutes().objections().source()) + "]");
    out.println("Valid until:    " + nullToDash(rules.validity().validUntil()) + " [" + label(rules.validity().source()) + "]");
    for (PolicyInfo p : tenant.policies()) {
      out.println("Policy:         " + String.join(", ", p.rules()) + " by \"" + p.name() + "\" from "
          + p.bundle() + " " + p.version() + " (" + p.digest() + ") [" + label(p.source()) + "]");
    }
    return null;
  }

  /** "OFFICE Leitung des KI, seat amt-1 [GO §3]"; the seat of a chair by seat is never left out. */
  private static String holder(ChairRules.Holder holder) {
    StringBuilder text = new StringBuilder(String.valueOf(holder.kind()));
    if (holder.office() != null) {
      text.append(' ').append(holder.office());
    }
    if (holder.seat() != null) {
      text.append(holder.office() != null ? ", seat " : " seat ").append(holder.seat());
    }
    return text.append(" [").append(label(holder.source())).append(']').toString();
  }

  /** "2 per YEAR (binding)"; "not regulated" where the rules name no number. */
  private static String cadence(MeetingRules.Cadence cadence) {
    if (cadence.minimum() == null || cadence.period() == null) {
      return "not regulated [" + label(cadence.source()) + "]";
    }
    return cadence.minimum() + " per " + cadence.period() + (cadence.binding() ? "" : " (if possible)")
        + " [" + label(cadence.source()) + "]";
  }

  private static String label(RuleSource source) {
    return source == null ? "-" : source.label();
  }

  private static String nullToDash(Object value) {
    return value == null ? "-" : value.toString();
  }
}
