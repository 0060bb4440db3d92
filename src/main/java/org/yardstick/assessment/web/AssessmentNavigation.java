package org.yardstick.assessment.web;

import java.util.List;
import org.springframework.stereotype.Component;
import org.yardstick.web.NavigationItem;
import org.yardstick.web.NavigationItems;

/**
 * The self-assessment for enterprises, the assessment import for reviewers (and in the management menu for
 * administrators and planners, with the questionnaire versions).
 */
@Component
class AssessmentNavigation implements NavigationItems {

    private static final List<NavigationItem> ITEMS = List.of(
            NavigationItem.main(110, "/assessment", "nav.assessment", "ENTERPRISE"),
            NavigationItem.main(120, "/assessment/imports", "nav.assessment-import", "REVIEWER"),
            NavigationItem.manage(160, "/assessment/imports", "nav.assessment-import", "ADMIN", "PLANNER"),
            NavigationItem.manage(170, "/assessment/questionnaires", "nav.assessment-versions", "ADMIN", "PLANNER"));

    @Override
    public List<NavigationItem> items() {
        return ITEMS;
    }
}
