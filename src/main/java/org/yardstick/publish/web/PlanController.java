package org.yardstick.publish.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.yardstick.framework.Plans;
import org.yardstick.publish.internal.PlanSheets;
import org.yardstick.region.Regions;

/** The plans: list and one plan's page. */
@Controller
class PlanController {

    private final Plans plans;
    private final PlanSheets sheets;
    private final Regions regions;

    PlanController(Plans plans, PlanSheets sheets, Regions regions) {
        this.plans = plans;
        this.sheets = sheets;
        this.regions = regions;
    }

    @GetMapping("/plans")
    String list(Model model) {
        var all = plans.all();
        model.addAttribute("plans", all);
        model.addAttribute("planRegions", regions.byIds(all.stream().map(p -> p.regionId()).distinct().toList()));
        return "publish/plans";
    }

    @GetMapping("/plans/{code}")
    String plan(@PathVariable String code, Model model) {
        model.addAttribute("sheet", sheets.sheet(code));
        return "publish/plan";
    }
}
