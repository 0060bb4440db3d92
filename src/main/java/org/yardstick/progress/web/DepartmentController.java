package org.yardstick.progress.web;

import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.yardstick.progress.internal.Charts;
import org.yardstick.progress.internal.DepartmentView;
import org.yardstick.progress.internal.DepartmentViews;
import tools.jackson.databind.json.JsonMapper;

/**
 * The responsible units (责任单位) and, for one, the targets of the tasks it leads or co-operates on,
 * with status and reason, and the tasks' deadlines. Public: plans name their units openly and only
 * approved figures are used.
 */
@Controller
class DepartmentController {

    private final DepartmentViews views;
    private final Charts charts;
    private final JsonMapper json;

    DepartmentController(DepartmentViews views, Charts charts, JsonMapper json) {
        this.views = views;
        this.charts = charts;
        this.json = json;
    }

    @GetMapping("/departments")
    String list(Model model) {
        model.addAttribute("organisations", views.responsible());
        return "progress/departments";
    }

    @GetMapping("/departments/{code}")
    String department(@PathVariable String code, Model model, Locale locale) {
        DepartmentView view = views.of(code);
        model.addAttribute("view", view);
        model.addAttribute("statusChart", view.targetCount() == 0 ? null
                : json.writeValueAsString(charts.statusCounts(view.counts(), locale)));
        return "progress/department";
    }
}
