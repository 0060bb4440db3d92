package org.yardstick.progress.rules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The progress rules are plain Java: no framework, no database, only the framework module's enums. */
class ProgressRulesArePlainJavaTest {

    private static final String RULES = "org.yardstick.progress.rules..";

    private final JavaClasses rules = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.yardstick.progress.rules");

    @Test
    void noSpringJakartaOrJdbc() {
        noClasses().that().resideInAPackage(RULES).and().doNotHaveSimpleName("package-info")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta..", "java.sql..")
                .check(rules);
    }

    @Test
    void onlyTheJdkJspecifySharedAndTheFrameworkEnums() {
        classes().that().resideInAPackage(RULES).and().doNotHaveSimpleName("package-info")
                .should().onlyDependOnClassesThat(
                        com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage(
                                        "java..", "org.jspecify..", "org.yardstick.shared..", RULES)
                                .or(com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf(
                                        org.yardstick.framework.TargetKind.class,
                                        org.yardstick.framework.ChangeUnit.class,
                                        org.yardstick.framework.Polarity.class,
                                        org.yardstick.framework.Qualifier.class)))
                .check(rules);
    }
}
