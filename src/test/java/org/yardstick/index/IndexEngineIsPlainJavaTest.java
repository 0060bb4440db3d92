package org.yardstick.index;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The computation core stays plain Java, usable by the platform, the batch command and anyone's
 * program: no framework, no servlet or persistence API, no database.
 */
class IndexEngineIsPlainJavaTest {

    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.yardstick.index.engine", "org.yardstick.index.analysis");

    @Test
    void theEngineAndTheAnalysisDependOnNoFrameworkNorDatabase() {
        noClasses().that().resideInAnyPackage("org.yardstick.index.engine..", "org.yardstick.index.analysis..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "jakarta..", "javax.persistence..", "java.sql..")
                .check(CORE);
    }

    @Test
    void theEngineAndTheAnalysisUseOnlyTheJdkJspecifyAndTheSharedTypes() {
        noClasses().that().resideInAnyPackage("org.yardstick.index.engine..", "org.yardstick.index.analysis..")
                .should().dependOnClassesThat().resideOutsideOfPackages("java..", "org.jspecify..",
                        "org.yardstick.shared..", "org.yardstick.index.engine..", "org.yardstick.index.analysis..")
                .check(CORE);
    }

    @Test
    void theEngineDoesNotKnowItsCallers() {
        noClasses().that().resideInAPackage("org.yardstick.index.engine..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("org.yardstick.index.spec..", "org.yardstick.index.cli..", "org.yardstick.index.analysis..")
                .check(CORE);
    }
}
