package org.yardstick.supervision.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yardstick.audit.AuditTrail;
import org.yardstick.framework.Plans;
import org.yardstick.progress.Progress;
import org.yardstick.progress.TargetProgress;
import org.yardstick.shared.InvalidInputException;
import org.yardstick.shared.LocalizedText;
import org.yardstick.supervision.internal.Access;
import org.yardstick.supervision.internal.Alerts;
import org.yardstick.supervision.internal.Contacts;
import org.yardstick.supervision.Item;
import org.yardstick.supervision.ItemStatus;
import org.yardstick.supervision.Items;
import org.yardstick.supervision.internal.ReportingPeriods;
import org.yardstick.supervision.internal.Reports;
import org.yardstick.supervision.internal.ReportingFrequency;
import org.yardstick.supervision.internal.SupervisionSettings;

/**
 * The supervised items: the list (filter by plan, unit, status), an item's page, and the planners'
 * changes (assignment, dates, milestones, comments, reporting rhythm, e-mail contacts).
 */
@Controller
@RequestMapping("/supervision")
class SupervisionController {

    private final Items items;
    private final Reports reports;
    private final Alerts alerts;
    private final ReportingPeriods periods;
    private final Contacts contacts;
    private final Access access;
    private final Plans plans;
    private final Progress progress;
    private final AuditTrail audit;
    private final org.yardstick.supervision.internal.SupervisionSettings settings;
    private final MessageSource messages;

    SupervisionController(Items items, Reports reports, Alerts alerts, ReportingPeriods periods, Contacts contacts,
                          Access access, Plans plans, Progress progress, AuditTrail audit,
                          org.yardstick.supervision.internal.SupervisionSettings settings, MessageSource messages) {
        this.items = items;
        this.reports = reports;
        this.alerts = alerts;
        this.periods = periods;
        this.contacts = contacts;
        this.access = access;
        this.plans = plans;
        this.progress = progress;
        this.audit = audit;
        this.settings = settings;
        this.messages = messages;
    }

    @GetMapping
    String list(@RequestParam(required = false) @Nullable String plan, @RequestParam(required = false) @Nullable String unit,
                @RequestParam(required = false) @Nullable String status, Model model) {
        ItemStatus s = parseStatus(status);
        List<Item> list = items.visible(new Items.Filter(plan, unit, s));
        model.addAttribute("items", list);
        model.addAttribute("today", items.today());
        model.addAttribute("dueSoonDays", items.dueSoonDays());
        model.addAttribute("filters", List.of(
                new Filter("plan", plan, plans.all().stream().map(p -> new Option(p.code(), p.name())).toList()),
                new Filter("unit", unit, items.assignedUnits().stream().map(u -> new Option(u.code(), u.name())).toList()),
                new Filter("status", s == null ? null : s.name(), Arrays.stream(ItemStatus.values())
                        .map(v -> new Option(v.name(), LocalizedText.of(
                                messages.getMessage("sup.status." + v.name(), null, Locale.SIMPLIFIED_CHINESE),
                                messages.getMessage("sup.status." + v.name(), null, Locale.ENGLISH)))).toList())));
        return "supervision/list";
    }

    /** One choice of a filter. */
    record Option(String value, LocalizedText label) {}

    /** A filter of the list: its parameter, the value chosen, and the choices. */
    record Filter(String name, @Nullable String selected, List<Option> options) {}

    private static @Nullable ItemStatus parseStatus(@Nullable String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return ItemStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A linked target with its assessment, or without one if the plan does not have it. */
    record TargetView(String code, @Nullable TargetProgress progress) {}

    @GetMapping("/items/{id}")
    String item(@PathVariable long id, Model model) {
        Item item = items.get(id);
        model.addAttribute("item", item);
        model.addAttribute("itemStatus", item.status(items.today(), items.dueSoonDays()));
        model.addAttribute("milestones", items.milestones(id));
        Map<String, TargetProgress> byCode = progress.ofPlan(plans.get(item.planCode())).stream()
                .collect(Collectors.toMap(t -> t.target().code(), Function.identity(), (a, b) -> a));
        model.addAttribute("targets", item.targetCodes().stream().map(c -> new TargetView(c, byCode.get(c))).toList());
        boolean details = access.seesDetails(item);
        model.addAttribute("details", details);
        model.addAttribute("canReport", access.mayReport(item));
        model.addAttribute("canPlan", access.isPlanner());
        if (details) {
            model.addAttribute("reports", reports.ofItem(item));
            model.addAttribute("alerts", alerts.ofItem(item));
            model.addAttribute("history", audit.history(Items.AUDIT_TYPE, id));
        }
        model.addAttribute("setting", periods.of(item.planId()));
        model.addAttribute("currentPeriod", periods.current(item.planId(), items.today()).code());
        return "supervision/item";
    }

    @GetMapping("/items/{id}/edit")
    @PreAuthorize("hasAnyRole('ADMIN', 'PLANNER')")
    String editForm(@PathVariable long id, Model model) {
        Item item = items.get(id);
        access.requirePlan();
        model.addAttribute("item", item);
        model.addAttribute("units", items.allUnits());
        model.addAttribute("lead", item.lead() == null ? "" : item.lead().code());
        model.addAttribute("coUnits", item.coUnits().stream().map(u -> u.code()).collect(Collectors.joining(", ")));
        model.addAttribute("start", item.start().toString());
        model.addAttribute("deadline", item.deadline().toString());
        model.addAttribute("version", item.version());
        return "supervision/edit";
    }

    @PostMapping("/items/{id}/edit")
    @PreAuthorize("hasAnyRole('ADMIN', 'PLANNER')")
    String edit(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) @Nullable String lead,
                @RequestParam(required = false) @Nullable String coUnits, @RequestParam(required = false) @Nullable String start,
                @RequestParam(required = false) @Nullable String deadline, Model model, HttpServletResponse response) {
        try {
            items.update(id, version, lead, splitCodes(coUnits), start, deadline);
            return "redirect:/supervision/items/" + id;
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("item", items.get(id));
            model.addAttribute("units", items.allUnits());
            model.addAttribute("lead", lead == null ? "" : lead);
            model.addAttribute("coUnits", coUnits == null ? "" : coUnits);
            model.addAttribute("start", start == null ? "" : start);
            model.addAttribute("deadline", deadline == null ? "" : deadline);
            model.addAttribute("version", version);
            model.addAttribute("problems", e.problems());
            return "supervision/edit";
        }
    }

    static List<String> splitCodes(@Nullable String codes) {
        if (codes == null || codes.isBlank()) {
            return List.of();
        }
        return List.of(codes.split("[,，、;\\s]+")).stream().filter(c -> !c.isBlank()).toList();
    }

    @PostMapping("/items/{id}/milestones")
    @PreAuthorize("hasAnyRole('ADMIN', 'PLANNER')")
    String addMilestone(@PathVariable long id, @RequestParam(required = false) @Nullable String title,
                        @RequestParam(required = false) @Nullable String due, Model model, HttpServletResponse response) {
        try {
            items.addMilestone(id, title, due);
            return "redirect:/supervision/items/" + id;
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("problems", e.problems());
            model.addAttribute("back", "/supervision/items/" + id);
            return "supervision/problems";
        }
    }

    @PostMapping("/items/{id}/milestones/{milestone}")
    @PreAuthorize("hasAnyRole('ADMIN', 'PLANNER')")
    String markMilestone(@PathVariable long id, @PathVariable long milestone, @RequestParam boolean done) {
        items.markMilestone(id, milestone, done);
        return "redirect:/supervision/items/" + id;
    }

    @PostMapping("/reports/{report}/comments")
    @PreAuthorize("hasAnyRole('ADMIN', 'PLANNER')")
    String comment(@PathVariable long report, @RequestParam(required = false) @Nullable String body, Model model,
                   HttpServletResponse response) {
        long itemId = reports.get(report).itemId();
        try {
            reports.comment(report, body);
            return "redirect:/supervision/items/" + itemId;
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("problems", e.problems());
            model.addAttribute("back", "/supervision/items/" + itemId);
            return "supervision/problems";
        }
    }

    @PostMapping("/plans/{plan}/setting")
    @PreAuthorize("hasAnyRole('ADMIN', 'PLANNER')")
    String setting(@PathVariable String plan, @RequestParam String frequency, @RequestParam(defaultValue = "-1") int graceDays,
                   Model model, HttpServletResponse response) {
        var p = plans.get(plan);
        try {
            periods.configure(p.id(), p.code(), org.yardstick.supervision.internal.ReportingFrequency.valueOf(frequency), graceDays);
            return "redirect:/supervision/scoreboard/plans";
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("problems", e.problems());
            model.addAttribute("back", "/supervision/scoreboard/plans");
            return "supervision/problems";
        }
    }

    @GetMapping("/contacts")
    @PreAuthorize("hasAnyRole('ADMIN', 'PLANNER')")
    String contacts(Model model) {
        access.requirePlan();
        model.addAttribute("units", items.allUnits());
        model.addAttribute("contacts", items.allUnits().stream()
                .collect(Collectors.toMap(u -> u.code(), u -> String.join(", ", contacts.of(u.code())))));
        return "supervision/contacts";
    }

    @PostMapping("/contacts")
    @PreAuthorize("hasAnyRole('ADMIN', 'PLANNER')")
    String setContacts(@RequestParam String unit, @RequestParam(required = false) @Nullable String emails, Model model,
                       HttpServletResponse response) {
        try {
            contacts.set(unit, emails);
            return "redirect:/supervision/contacts";
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("problems", e.problems());
            model.addAttribute("back", "/supervision/contacts");
            return "supervision/problems";
        }
    }
}
