package de.lenkwerk.committee.internal;

import de.lenkwerk.api.committee.ChairHolder;
import de.lenkwerk.api.committee.SeatComposition;
import de.lenkwerk.api.committee.SeatHolder;
import de.lenkwerk.api.rules.ChairRules;
import java.util.Map;

/**
 * Who holds the chair or deputy chair on a day, as the rules define it: by OFFICE or by SEAT, the
 * (first) member of the seat that carries the office. An office not tied to a seat, an elected
 * chair or a chair the rules do not regulate has no person we can name.
 */
final class ChairResolver {

  private ChairResolver() {}

  static ChairHolder resolve(ChairRules.Holder holder, Map<String, SeatComposition> seats) {
    if (holder == null) {
      return null;
    }
    String office = holder.office();
    if (holder.seat() != null && (holder.kind() == ChairRules.HolderKind.OFFICE
        || holder.kind() == ChairRules.HolderKind.SEAT)) {
      SeatComposition seat = seats.get(holder.seat());
      if (office == null && seat != null) {
        office = seat.institution();
      }
      if (seat != null && !seat.members().isEmpty()) {
        SeatHolder member = seat.members().get(0);
        return new ChairHolder(member.id(), member.name(), office, holder.seat(), holder.source());
      }
    }
    return new ChairHolder(null, null, office, holder.seat(), holder.source());
  }
}
