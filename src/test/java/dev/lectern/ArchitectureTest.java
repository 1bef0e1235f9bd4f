package dev.lectern;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.ws.rs.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The floors of docs/architecture.md, held against the compiled code: a floor uses only the floors
 * below it, the roster may use auth but not the reverse, no two packages depend on each other at
 * any depth, settings are read only by each package's config bean, and JDBC stays below the
 * services: resources touch neither JDBC nor JPA, and no service or resource offers a method that
 * throws {@link SQLException} (repositories translate it through {@code platform.db.Jdbc}).
 */
class ArchitectureTest {

  private static JavaClasses lectern;

  @BeforeAll
  static void importMainClasses() {
    lectern =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("/dev/lectern/bench/"))
            .importPackages("dev.lectern");
  }

  @Test
  void shouldUseOnlyTheFloorsBelow() {
    layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("platform")
        .definedBy("dev.lectern.platform..")
        .layer("control")
        .definedBy("dev.lectern.control..")
        .layer("domain")
        .definedBy("dev.lectern.auth..", "dev.lectern.roster..")
        .layer("ops")
        .definedBy("dev.lectern.ops..")
        .whereLayer("ops")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("domain")
        .mayOnlyBeAccessedByLayers("ops")
        .whereLayer("control")
        .mayOnlyBeAccessedByLayers("domain", "ops")
        .whereLayer("platform")
        .mayOnlyBeAccessedByLayers("control", "domain", "ops")
        .check(lectern);
  }

  @Test
  void shouldKeepAccountsFreeOfTheRoster() {
    noClasses()
        .that()
        .resideInAPackage("dev.lectern.auth..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.lectern.roster..")
        .because("the roster uses API keys and scopes, never the reverse")
        .check(lectern);
  }

  @Test
  void shouldHaveNoCyclesBetweenPackages() {
    slices().matching("dev.lectern.(**)").should().beFreeOfCycles().check(lectern);
  }

  @Test
  void shouldReadSettingsOnlyInConfigBeans() {
    noFields()
        .that()
        .areAnnotatedWith("org.eclipse.microprofile.config.inject.ConfigProperty")
        .should()
        .beDeclaredInClassesThat()
        .haveSimpleNameNotEndingWith("Config")
        .because("each package reads its settings in one config bean, named and documented there")
        .check(lectern);
  }

  @Test
  void shouldKeepResourcesFreeOfJdbcAndJpa() {
    noClasses()
        .that()
        .areAnnotatedWith(Path.class)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("java.sql..", "javax.sql..", "jakarta.persistence..")
        .because("a resource translates HTTP; its service and repositories hold the persistence")
        .check(lectern);
  }

  @Test
  void shouldKeepSqlExceptionBelowServicesAndResources() {
    methods()
        .that()
        .areDeclaredInClassesThat()
        .haveSimpleNameEndingWith("Service")
        .or()
        .areDeclaredInClassesThat()
        .haveSimpleNameEndingWith("Resource")
        .and()
        .areNotPrivate()
        .should()
        .notDeclareThrowableOfType(SQLException.class)
        .because("repositories turn SQLException into DataAccessException (platform.db.Jdbc)")
        .check(lectern);
  }
}
