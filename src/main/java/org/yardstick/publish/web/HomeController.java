package org.yardstick.publish.web;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.yardstick.framework.Plan;
import org.yardstick.framework.Plans;
import org.yardstick.framework.Targets;
import org.yardstick.region.Region;
import org.yardstick.region.Regions;

/** The home page: the plans and the regions they cover. */
@Controller
class HomeController {

    private final Plans plans;
    private final Regions regions;
    private final Targets targets;

    HomeController(Plans plans, Regions regions, Targets targets) {
        this.plans = plans;
        this.regions = regions;
        this.targets = targets;
    }

    @GetMapping("/")
    String home(Model model) {
        List<Plan> all = plans.all();
        Map<Long, Region> planRegions = regions.byIds(all.stream().map(Plan::regionId).distinct().toList());
        model.addAttribute("plans", all);
        model.addAttribute("planRegions", planRegions);
        model.addAttribute("targetCounts", all.stream().collect(Collectors.toMap(Plan::code,
                p -> targets.ofPlan(p).size())));
        model.addAttribute("indicatorCounts", all.stream().collect(Collectors.toMap(Plan::code,
                p -> plans.indicatorCodes(p).size())));
        List<Region> featured = planRegions.values().stream().distinct()
                .sorted(java.util.Comparator.comparing(Region::code)).toList();
        model.addAttribute("regions", featured);
        model.addAttribute("regionChildren", featured.stream().collect(Collectors.toMap(Region::code,
                regions::children, (a, b) -> a)));
        regions.find("XJBT").ifPresent(corps -> model.addAttribute("corps", corps));
        return "publish/home";
    }
}
