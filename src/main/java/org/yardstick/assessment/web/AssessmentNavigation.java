package org.yardstick.assessment.web;

import java.util.List;
import org.springframework.stereotype.Component;
import org.yardstick.web.NavigationItem;
import org.yardstick.web.NavigationItems;

/**
 * The self-assessment for enterprises; in the management menu the assessment import and the 贯标/示范 flags
 * for reviewers, administrators and planners, and the questionnaire versions for the latter two.
 */
@Component
class AssessmentNavigation implements NavigationItems {

    private static final List<NavigationItem> ITEMS = List.of(
            NavigationItem.main(110, "/assessment", "nav.assessment", "ENTERPRISE"),
            NavigationItem.manage(160, "/assessment/imports", "nav.assessment-import", "ADMIN", "PLANNER", "REVIEWER"),
            NavigationItem.manage(165, "/assessment/enterprises", "nav.assessment-flags", "ADMIN", "PLANNER", "REVIEWER"),
            NavigationItem.manage(170, "/assessment/questionnaires", "nav.assessment-versions", "ADMIN", "PLANNER"));

    @Override
    public List<NavigationItem> items() {
        return ITEMS;
    }
}
