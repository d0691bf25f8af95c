package de.lenkwerk.tenancy.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import de.lenkwerk.api.tenant.RulesHistory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JudgedVersionsTest {

  /** A history over a map of kept versions that counts how often it is read. */
  private static final class Kept implements RulesHistory {
    final Map<String, List<RulesVersion>> versions = new HashMap<>();
    final Map<String, Integer> reads = new HashMap<>();
    Runnable duringRead = () -> { };

    void keep(String tenant, String version, LocalDate day) {
      versions.computeIfAbsent(tenant, t -> new ArrayList<>())
          .add(new RulesVersion(version, day, null, List.of()));
    }

    @Override
    public List<RulesVersion> versions(String tenant) {
      reads.merge(tenant, 1, Integer::sum);
      List<RulesVersion> answer = List.copyOf(versions.getOrDefault(tenant, List.of()));
      duringRead.run();
      return answer;
    }

    int reads(String tenant) {
      return reads.getOrDefault(tenant, 0);
    }
  }

  private final Kept history = new Kept();
  private final JudgedVersions judged = new JudgedVersions();

  private List<String> names(String tenant) {
    return judged.versions(history, tenant).stream().map(RulesHistory.RulesVersion::rulesVersion).toList();
  }

  @Test
  void readOnceUntilAVersionIsKeptForThatTenant() {
    history.keep("alpha", "1.0.0-a", LocalDate.of(2021, 1, 1));
    history.keep("beta", "1.0.0-b", LocalDate.of(2021, 1, 1));
    assertEquals(List.of("1.0.0-a"), names("alpha"));
    assertEquals(List.of("1.0.0-a"), names("alpha"));
    assertEquals(List.of("1.0.0-b"), names("beta"));
    assertEquals(1, history.reads("alpha"), "the second request does not reload the kept documents");

    history.keep("alpha", "1.1.0-a", LocalDate.of(2024, 1, 1));
    assertEquals(List.of("1.0.0-a"), names("alpha"), "not yet invalidated: still the cached read");
    judged.invalidate("alpha");
    assertEquals(List.of("1.0.0-a", "1.1.0-a"), names("alpha"), "the next read after keep sees it");
    assertEquals(2, history.reads("alpha"));
    assertEquals(List.of("1.0.0-b"), names("beta"));
    assertEquals(1, history.reads("beta"), "another tenant's versions stay cached");
  }

  @Test
  void neverAnotherTenantsVersions() {
    history.keep("alpha", "1.0.0-a", LocalDate.of(2021, 1, 1));
    assertEquals(List.of("1.0.0-a"), names("alpha"));
    assertEquals(List.of(), names("beta"));
    history.keep("beta", "1.0.0-b", LocalDate.of(2022, 1, 1));
    judged.invalidate("beta");
    assertEquals(List.of("1.0.0-b"), names("beta"));
    assertEquals(List.of("1.0.0-a"), names("alpha"));
  }

  @Test
  void aRebindReadsEveryTenantAgain() {
    history.keep("alpha", "1.0.0-a", LocalDate.of(2021, 1, 1));
    history.keep("beta", "1.0.0-b", LocalDate.of(2021, 1, 1));
    names("alpha");
    names("beta");
    judged.invalidateAll();
    names("alpha");
    names("beta");
    assertEquals(2, history.reads("alpha"));
    assertEquals(2, history.reads("beta"));
  }

  @Test
  void aReadOverlappingAnInvalidationIsNotKept() {
    history.keep("alpha", "1.0.0-a", LocalDate.of(2021, 1, 1));
    // the version is kept and invalidated while an older read is on its way back
    history.duringRead = () -> {
      history.duringRead = () -> { };
      history.keep("alpha", "1.1.0-a", LocalDate.of(2024, 1, 1));
      judged.invalidate("alpha");
    };
    assertEquals(List.of("1.0.0-a"), names("alpha"), "the overlapping read answers as it read");
    assertEquals(List.of("1.0.0-a", "1.1.0-a"), names("alpha"), "but it is not kept for the next");
  }

  @Test
  void aFailedReadIsNotKept() {
    RulesHistory broken = tenant -> {
      throw new IllegalStateException("database gone");
    };
    assertThrows(IllegalStateException.class, () -> judged.versions(broken, "alpha"));
    history.keep("alpha", "1.0.0-a", LocalDate.of(2021, 1, 1));
    assertEquals(List.of("1.0.0-a"), names("alpha"));
  }
}
