package de.lenkwerk.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shape every bundle keeps, checked on the production classes of all bundles (their jars as
 * the reactor built them, tests left out).
 */
class ArchitectureTest {

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("de.lenkwerk");
  }

  @Test
  void persistenceAndSqlTypesStayInThePersistenceBundle() {
    ArchRule rule = noClasses().that().resideOutsideOfPackage("de.lenkwerk.persistence..")
        .should().dependOnClassesThat().resideInAnyPackage("javax.persistence..",
            "jakarta.persistence..", "java.sql..", "javax.sql..", "org.eclipse.persistence..",
            "org.apache.aries.jpa..", "liquibase..")
        .because("entities, JPQL and SQL are private to de.lenkwerk.persistence; the others use "
            + "its repositories");
    rule.check(classes);
  }

  @Test
  void noBundleUsesTheInternalPackagesOfAnother() {
    ArchRule rule = classes().that().resideInAPackage("de.lenkwerk..")
        .should(new ArchCondition<JavaClass>("use internal packages of their own bundle only") {
          @Override
          public void check(JavaClass origin, ConditionEvents events) {
            for (Dependency d : origin.getDirectDependenciesFromSelf()) {
              String target = d.getTargetClass().getPackageName();
              int internal = target.indexOf(".internal");
              if (!target.startsWith("de.lenkwerk.") || internal < 0) {
                continue;
              }
              String owner = target.substring(0, internal);
              String from = origin.getPackageName();
              if (!(from.equals(owner) || from.startsWith(owner + "."))) {
                events.add(SimpleConditionEvent.violated(d, d.getDescription()));
              }
            }
          }
        });
    rule.check(classes);
  }

  @Test
  void theApiDependsOnNothingButTheJdkAndTheOsgiAnnotations() {
    ArchRule rule = classes().that().resideInAnyPackage("de.lenkwerk.api..", "de.lenkwerk.spi..")
        .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "de.lenkwerk.api..",
            "de.lenkwerk.spi..", "org.osgi.annotation..")
        .because("the API is what every bundle and every tenant's policy imports");
    rule.check(classes);
  }

  @Test
  void theRulesSeeEveryBundle() {
    // A rule over no classes passes anything: make sure every bundle was imported.
    for (String pkg : new String[] {"de.lenkwerk.api", "de.lenkwerk.persistence.internal",
        "de.lenkwerk.audit.internal", "de.lenkwerk.committee.internal",
        "de.lenkwerk.procedure.internal", "de.lenkwerk.circulars.internal",
        "de.lenkwerk.security.internal",
        "de.lenkwerk.rest.internal", "de.lenkwerk.shell.internal", "de.lenkwerk.tenancy.internal"}) {
      if (!classes.containPackage(pkg)) {
        throw new AssertionError("no classes of " + pkg + " imported");
      }
    }
  }
}
