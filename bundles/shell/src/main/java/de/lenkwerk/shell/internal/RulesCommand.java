package de.lenkwerk.shell.internal;

import de.lenkwerk.api.rules.RuleSource;
import de.lenkwerk.api.rules.RulesOfProcedure;
import de.lenkwerk.api.rules.Seat;
import de.lenkwerk.api.rules.VotingRules;
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
    out.println("Chair:          " + rules.chair().chair().kind() + " " + nullToDash(rules.chair().chair().office())
        + " [" + label(rules.chair().chair().source()) + "]");
    out.println("Deputy chair:   " + rules.chair().deputyChair().kind() + " "
        + nullToDash(rules.chair().deputyChair().office()) + " [" + label(rules.chair().deputyChair().source()) + "]");
    VotingRules v = rules.voting();
    out.println("Quorum:         " + v.quorum().kind() + " [" + label(v.quorum().source()) + "]");
    out.println("Majority:       " + v.majority().kind() + ", abstentions " + v.majority().abstentions()
        + " [" + label(v.majority().source()) + "]");
    out.println("Tie:            " + v.tie().kind() + " [" + label(v.tie().source()) + "]");
    out.println("Voting unit:    " + v.unit().kind() + " [" + label(v.unit().source()) + "]");
    out.println("Ballot:         " + v.ballot().kind() + " [" + label(v.ballot().source()) + "]");
    out.println("Consensus:      " + (v.consensus().normal() ? "normal way" : "no") + " [" + label(v.consensus().source()) + "]");
    out.println("Cadence:        " + nullToDash(rules.meetings().cadence().minimum()) + " per "
        + rules.meetings().cadence().period() + " [" + label(rules.meetings().cadence().source()) + "]");
    out.println("Objections:     " + rules.minutes().objections().periodDays() + " days, silence approves: "
        + rules.minutes().objections().silenceMeansApproval() + " [" + label(rules.minutes().objections().source()) + "]");
    out.println("Valid until:    " + nullToDash(rules.validity().validUntil()) + " [" + label(rules.validity().source()) + "]");
    return null;
  }

  private static String label(RuleSource source) {
    return source == null ? "-" : source.label();
  }

  private static String nullToDash(Object value) {
    return value == null ? "-" : value.toString();
  }
}
