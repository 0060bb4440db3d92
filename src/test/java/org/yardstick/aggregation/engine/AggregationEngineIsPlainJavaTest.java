package org.yardstick.aggregation.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The aggregation rules stay plain Java: the JDK, JSpecify, the shared types and the expression library. */
class AggregationEngineIsPlainJavaTest {

    @Test
    void theEngineUsesNoFrameworkNorDatabase() {
        noClasses().that().resideInAPackage("org.yardstick.aggregation.engine..")
                .should().dependOnClassesThat().resideOutsideOfPackages("java..", "org.jspecify..", "org.yardstick.shared..",
                        "org.yardstick.aggregation.engine..", "com.ezylang.evalex..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.yardstick.aggregation.engine"));
    }
}
