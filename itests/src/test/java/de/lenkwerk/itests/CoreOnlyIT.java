package de.lenkwerk.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import de.lenkwerk.api.Scope;
import de.lenkwerk.api.committee.NewPerson;
import de.lenkwerk.api.committee.Person;
import de.lenkwerk.api.committee.PersonService;
import de.lenkwerk.api.security.AuditEntry;
import de.lenkwerk.api.security.AuditLog;
import de.lenkwerk.api.security.AuditTrail;
import de.lenkwerk.api.tenant.TenantDirectory;
import de.lenkwerk.persistence.UnitOfWork;
import java.util.List;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * The core on its own: a container booted with {@code lenkwerk-database} and {@code lenkwerk-core}
 * only, no security, REST or shell bundle. Persistence starts (the database check health uses
 * answers), the tenant directory serves a tenant bundle deployed into it, and a service writes
 * and audits in one unit of work.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CoreOnlyIT {

  private static final String CORE_ONLY = String.join(",", "instance", "package", "scr", "log",
      "framework", "system", "feature", "shell", "management", "service", "bundle", "config",
      "lenkwerk-database", "lenkwerk-core");

  @Inject
  private BundleContext context;

  @Inject
  @Filter(timeout = 120_000)
  private UnitOfWork work;

  @Inject
  @Filter(timeout = 60_000)
  private TenantDirectory directory;

  @Inject
  @Filter(timeout = 60_000)
  private PersonService persons;

  @Inject
  @Filter(timeout = 60_000)
  private AuditLog audit;

  @Configuration
  public Option[] config() {
    return LenkwerkContainer.options(
        editConfigurationFilePut("etc/org.apache.karaf.features.cfg", "featuresBoot", CORE_ONLY));
  }

  @Test
  public void theCoreServesWithoutTheSecurityBundle() throws Exception {
    for (String absent : List.of("de.lenkwerk.security", "de.lenkwerk.rest", "de.lenkwerk.shell")) {
      assertNull(absent + " must not be installed", bundle(absent));
    }
    assertEquals(Bundle.ACTIVE, bundle("de.lenkwerk.persistence").getState());
    assertEquals(Bundle.ACTIVE, bundle("de.lenkwerk.audit").getState());
    work.ping();

    String version = bundle("de.lenkwerk.api").getVersion().toString().replace(".SNAPSHOT",
        "-SNAPSHOT");
    Bundle kleve = context.installBundle("mvn:de.lenkwerk/de.lenkwerk.tenant.kreis-kleve/" + version);
    kleve.start();
    long until = System.currentTimeMillis() + 60_000;
    while (directory.find("kreis-kleve").isEmpty() && System.currentTimeMillis() < until) {
      Thread.sleep(200);
    }
    assertTrue(directory.list().toString(), directory.find("kreis-kleve").isPresent());
    assertEquals("kreis-kleve", directory.serving("kreis-kleve").info().id());

    Scope scope = Scope.system("kreis-kleve");
    Person created = persons.create(scope, new NewPerson("Kern Ohne Sicherheit", null, null, null));
    assertEquals(created, persons.get(scope, created.id()));
    AuditTrail trail = audit.trail("kreis-kleve");
    assertTrue(trail.verification().problems().toString(), trail.verification().intact());
    AuditEntry last = trail.entries().get(trail.entries().size() - 1);
    assertEquals("POST /tenants/{tenant}/persons", last.action());
    assertEquals("system", last.user());
    assertTrue(last.after(), last.after().contains("Kern Ohne Sicherheit"));
  }

  private Bundle bundle(String symbolicName) {
    for (Bundle b : context.getBundles()) {
      if (symbolicName.equals(b.getSymbolicName())) {
        return b;
      }
    }
    return null;
  }
}
