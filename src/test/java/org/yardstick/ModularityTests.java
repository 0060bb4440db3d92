package org.yardstick;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Module boundaries are part of the build: a dependency across a module's internals fails it. */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(YardstickApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        MODULES.verify();
    }

    @Test
    void everyCapabilityIsAModule() {
        assertThat(MODULES.stream().map(ApplicationModule::getIdentifier).map(Object::toString))
                .contains("region", "aggregation", "framework", "supervision", "observation", "validation", "audit", "progress", "index", "publish", "sdmx", "demo", "web",
                        "security", "shared", "assessment", "home", "ingestion", "jobs", "backup", "database", "maps", "reading");
    }

    /** An open module lets every other module reach its internals: none is. */
    @Test
    void noModuleIsOpen() {
        assertThat(MODULES.stream().filter(ApplicationModule::isOpen).map(ApplicationModule::getIdentifier))
                .isEmpty();
    }

    /**
     * The committed module diagram is the build's: when a dependency between modules changes, this
     * fails until {@code target/module-diagram-check/components.puml} is copied to {@code docs/modules/}.
     */
    @Test
    void committedModuleDiagramIsCurrent() throws java.io.IOException {
        var out = java.nio.file.Path.of("target", "module-diagram-check");
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(out.toString())).writeModulesAsPlantUml();
        // PlantUML's relation lines come in no fixed order: compare them as sets of lines.
        var generated = java.nio.file.Files.readAllLines(out.resolve("components.puml"));
        var committed = java.nio.file.Files.readAllLines(java.nio.file.Path.of("docs", "modules", "components.puml"));
        assertThat(new java.util.TreeSet<>(committed))
                .as("docs/modules/components.puml is stale: copy %s over it", out.resolve("components.puml"))
                .isEqualTo(new java.util.TreeSet<>(generated));
    }

    @Test
    void sharedTypesArePlainJava() {
        JavaClasses shared = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.yardstick.shared");
        ArchRuleDefinition.noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "jakarta..", "java.sql..")
                .check(shared);
    }

    /**
     * Spring names a bean after its class's simple name: two components of the same simple name in
     * two modules stop the application from starting, so the build stops it first.
     */
    @Test
    void componentNamesAreUniqueAcrossModules() {
        JavaClasses all = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.yardstick");
        var names = new java.util.HashMap<String, java.util.List<String>>();
        for (var c : all) {
            if (c.isMetaAnnotatedWith(org.springframework.stereotype.Component.class) && !c.isAnnotation()) {
                names.computeIfAbsent(c.getSimpleName(), k -> new java.util.ArrayList<>()).add(c.getName());
            }
        }
        assertThat(names.values()).allSatisfy(classes -> assertThat(classes).hasSize(1));
    }

    /** Writes the module diagrams and canvases to target/spring-modulith-docs (copied into docs/modules). */
    @Test
    void writesModuleDocumentation() {
        new Documenter(MODULES).writeDocumentation();
    }
}
