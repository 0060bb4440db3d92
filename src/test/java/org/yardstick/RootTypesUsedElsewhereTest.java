package org.yardstick;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * A module's root package is its API: a public type there that no other module uses belongs in the module's
 * {@code internal} (issue 19), or is package-private when its only users share the root package. The types
 * below are the public root types no other module's code uses that stay at the root, each for the reason
 * written beside it: the test fails when a new one appears, and when one of them is moved or becomes used
 * (then delete it from the list, so the list stays true).
 */
class RootTypesUsedElsewhereTest {

    static final Set<String> STAYING = Set.of(
            // events other modules may listen to
            "assessment.AssessmentStatusChanged",
            // in the signature of an exported type: Document's kind, Indicator's period rule,
            // Targets.revisions(), IndexDefinitions.current()/history(), Submissions.valueComments(),
            // RegionAuthoring's channel, Regions.add(), Organisations.add(), Organisation's kind, Items.milestones()
            "framework.DocumentKind", "framework.PeriodRule", "framework.TargetRevision",
            "index.IndexVersion",
            "observation.ValueComment",
            "region.Channel", "region.NewRegion", "region.NewOrganisation", "region.OrganisationKind",
            "supervision.Milestone",
            // write through package-private methods that moving them would make public: DataSetAuthoring
            // through DataSets' insert and id, DataSetFiles through DataSetAuthoring's create and update,
            // DivisionImport and OrganisationAuthoring through RegionAuthoring's author and channel checks
            "observation.DataSetAuthoring", "observation.DataSetFiles",
            "region.DivisionImport", "region.OrganisationAuthoring",
            // the shell, whose types every module's pages may use (decision 0054)
            "reading.Authors", "reading.Figures", "reading.Names", "reading.Provenance", "reading.SinceReturn",
            "web.Assets", "web.Dates", "web.Navigation", "web.ReplicaRouting");

    @Test
    void everyPublicRootTypeIsUsedByAnotherModule() {
        JavaClasses all = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.yardstick");
        Set<String> unused = new TreeSet<>();
        for (JavaClass c : all) {
            String pkg = c.getPackageName();
            if (!pkg.matches("org\\.yardstick\\.[a-z]+") || c.isNestedClass() || c.isAnonymousClass()
                    || !c.getModifiers().contains(JavaModifier.PUBLIC) || c.getSimpleName().equals("package-info")) {
                continue;
            }
            boolean used = c.getDirectDependenciesToSelf().stream().map(d -> d.getOriginClass().getPackageName())
                    .anyMatch(p -> !p.equals(pkg) && !p.startsWith(pkg + "."));
            if (!used) {
                unused.add(c.getName().substring("org.yardstick.".length()));
            }
        }
        assertThat(unused).as("public root types no other module uses: move them into internal/")
                .containsExactlyInAnyOrderElementsOf(STAYING);
    }
}
