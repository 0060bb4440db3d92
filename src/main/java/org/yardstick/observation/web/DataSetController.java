package org.yardstick.observation.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yardstick.observation.DataSet;
import org.yardstick.observation.DataSetAuthoring;
import org.yardstick.observation.DataSetAuthoring.Draft;
import org.yardstick.observation.DataSetAuthoring.WindowDraft;
import org.yardstick.observation.DataSets;
import org.yardstick.region.RegionLevel;
import org.yardstick.security.CurrentUser;
import org.yardstick.shared.InvalidInputException;
import org.yardstick.shared.Period;

/**
 * Data set pages (数据集维护) under {@code /collect/data-sets}: the list, a form to create one, and a
 * data set's page to change it, open a collection window (a past period with a reason) and retire it.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'PLANNER', 'REPORTER', 'REVIEWER')")
class DataSetController {

    /** The form's fields as typed, so that a refused form comes back as it was. */
    record Form(String code, String nameZh, String nameEn, String regionLevel, String periodType, String planCode,
                String descriptionZh, String descriptionEn, String indicators, String regions, String maxDecimals,
                String period, String opensOn, String closesOn, String reason, String version, String breakdowns) {

        static Form of(DataSet d, String breakdowns) {
            return new Form(d.code(), d.name().zh(), d.name().en(), d.regionLevel().name(), d.periodType().name(),
                    d.planCode() == null ? "" : d.planCode(), d.description().zh(), d.description().en(),
                    String.join("\n", d.items().stream().map(i -> i.indicatorCode() + (i.required() ? "" : "?")).toList()),
                    String.join(" ", d.regionCodes()), d.maxDecimals() == null ? "" : d.maxDecimals().toString(),
                    "", "", "", "", Integer.toString(d.version()), breakdowns);
        }

        static Form empty() {
            return new Form("", "", "", RegionLevel.COUNTY.name(), Period.Type.YEAR.name(), "", "", "", "", "", "", "", "", "",
                    "", "", "");
        }

        /**
         * The breakdowns as typed: a line a dimension, {@code area: urban rural-pastoral}; a line without a colon
         * is refused as an unknown dimension (naming the line). Null when the form has no such field: unchanged.
         */
        java.util.@Nullable Map<String, List<String>> breakdownMap() {
            if (breakdowns == null) {
                return null;
            }
            java.util.Map<String, List<String>> out = new java.util.LinkedHashMap<>();
            for (String line : breakdowns.split("[\\r\\n]+")) {
                String l = line.strip();
                if (l.isEmpty()) {
                    continue;
                }
                int colon = l.indexOf(':') >= 0 ? l.indexOf(':') : l.indexOf('：');
                String dimension = colon < 0 ? l : l.substring(0, colon).strip();
                List<String> categories = colon < 0 ? List.of() : Arrays.stream(l.substring(colon + 1).split("[\\s,，、]+"))
                        .map(String::strip).filter(c -> !c.isEmpty()).toList();
                out.merge(dimension, categories, (a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream()).toList());
            }
            return out;
        }

        /** One indicator code a line; {@code CODE?} is an optional one. */
        List<DataSet.Item> items() {
            List<DataSet.Item> items = new ArrayList<>();
            for (String line : indicators.split("[\\r\\n]+")) {
                String l = line.strip();
                if (!l.isEmpty()) {
                    boolean optional = l.endsWith("?");
                    items.add(new DataSet.Item(optional ? l.substring(0, l.length() - 1).strip() : l, !optional));
                }
            }
            return items;
        }

        List<String> regionCodes() {
            return Arrays.stream(regions.split("[\\s,，、]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        }
    }

    private final DataSets dataSets;
    private final DataSetAuthoring authoring;
    private final CurrentUser currentUser;

    DataSetController(DataSets dataSets, DataSetAuthoring authoring, CurrentUser currentUser) {
        this.dataSets = dataSets;
        this.authoring = authoring;
        this.currentUser = currentUser;
    }

    @GetMapping("/collect/data-sets")
    String list(Model model) {
        model.addAttribute("dataSets", dataSets.all());
        model.addAttribute("mayPlan", currentUser.mayPlan());
        return "observation/data-sets";
    }

    @GetMapping("/collect/data-sets/new")
    String newForm(Model model) {
        currentUser.requirePlan();
        return form(model, Form.empty(), null);
    }

    @PostMapping("/collect/data-sets")
    String create(Form form, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        currentUser.requirePlan();
        List<WindowDraft> windows = form.period().isBlank() ? List.of()
                : List.of(new WindowDraft(form.period(), form.opensOn(), form.closesOn(), form.reason()));
        try {
            DataSet d = authoring.create(new Draft(form.code(), form.nameZh(), form.nameEn(), form.regionLevel(),
                    form.periodType(), form.planCode(), form.descriptionZh(), form.descriptionEn(), form.items(),
                    form.regionCodes(), decimals(form.maxDecimals()), windows, form.breakdownMap()));
            redirect.addFlashAttribute("done", "created");
            return "redirect:/collect/data-sets/" + d.code();
        } catch (InvalidInputException e) {
            response.setStatus(422);
            model.addAttribute("problems", e.problems());
            return form(model, form, null);
        }
    }

    @GetMapping("/collect/data-sets/{code}")
    String page(@PathVariable String code, Model model) {
        DataSet d = dataSets.get(code);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Form.of(d, DataSetAuthoring.breakdownText(dataSets.declared(code))));
        }
        return form(model, (Form) model.getAttribute("form"), d);
    }

    @PostMapping("/collect/data-sets/{code}")
    String update(@PathVariable String code, Form form, Model model, HttpServletResponse response,
                  RedirectAttributes redirect) {
        try {
            Integer version = null;
            if (form.version() != null && !form.version().isBlank()) {
                try {
                    version = Integer.valueOf(form.version().strip());
                } catch (NumberFormatException e) {
                    throw new InvalidInputException(org.yardstick.shared.InputProblem.of("form", 0, "version",
                            form.version(), ApiProblem.NOT_AN_INTEGER));
                }
            }
            authoring.update(code, new Draft(code, form.nameZh(), form.nameEn(), form.regionLevel(), form.periodType(),
                    form.planCode(), form.descriptionZh(), form.descriptionEn(), form.items(), form.regionCodes(),
                    decimals(form.maxDecimals()), List.of(), form.breakdownMap()), version, form.reason());
            redirect.addFlashAttribute("done", "updated");
            return "redirect:/collect/data-sets/" + code;
        } catch (InvalidInputException e) {
            response.setStatus(422);
            model.addAttribute("problems", e.problems());
            model.addAttribute("form", form);
            return page(code, model);
        }
    }

    @PostMapping("/collect/data-sets/{code}/windows")
    String openWindow(@PathVariable String code, @RequestParam String period, @RequestParam String opensOn,
                      @RequestParam String closesOn, @RequestParam(defaultValue = "") String reason, Model model,
                      HttpServletResponse response, RedirectAttributes redirect) {
        try {
            authoring.openWindow(code, new WindowDraft(period, opensOn, closesOn, reason));
            redirect.addFlashAttribute("done", "window");
            return "redirect:/collect/data-sets/" + code;
        } catch (InvalidInputException e) {
            response.setStatus(422);
            model.addAttribute("windowProblems", e.problems());
            model.addAttribute("window", new WindowDraft(period, opensOn, closesOn, reason));
            return page(code, model);
        }
    }

    @PostMapping("/collect/data-sets/{code}/retire")
    String retire(@PathVariable String code, @RequestParam(defaultValue = "") String reason, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) {
        try {
            authoring.retire(code, reason);
            redirect.addFlashAttribute("done", "retired");
            return "redirect:/collect/data-sets/" + code;
        } catch (InvalidInputException e) {
            response.setStatus(422);
            model.addAttribute("retireProblems", e.problems());
            return page(code, model);
        }
    }

    private String form(Model model, Form form, @Nullable DataSet d) {
        model.addAttribute("form", form);
        model.addAttribute("dataSet", d);
        model.addAttribute("levels", RegionLevel.values());
        model.addAttribute("types", Period.Type.values());
        model.addAttribute("mayAuthor", d == null ? currentUser.mayPlan() : authoring.mayAuthor(d));
        if (!model.containsAttribute("window")) {
            model.addAttribute("window", new WindowDraft("", "", "", ""));
        }
        return d == null ? "observation/data-set-new" : "observation/data-set";
    }

    /** The decimals as typed: blank is none; anything else not a whole number goes to the check as an impossible value. */
    private static @Nullable Integer decimals(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
