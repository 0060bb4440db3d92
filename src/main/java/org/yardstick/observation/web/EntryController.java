package org.yardstick.observation.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yardstick.framework.Indicator;
import org.yardstick.framework.Indicators;
import org.yardstick.framework.Target;
import org.yardstick.framework.Targets;
import org.yardstick.observation.DataSet;
import org.yardstick.observation.DataSets;
import org.yardstick.observation.Finding;
import org.yardstick.observation.Submission;
import org.yardstick.observation.Submissions;
import org.yardstick.observation.internal.FigureStore;
import org.yardstick.observation.internal.ObservationEditor;
import org.yardstick.region.Region;
import org.yardstick.region.Regions;
import org.yardstick.security.Account;
import org.yardstick.security.CurrentUser;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.InvalidInputException;
import org.yardstick.shared.Period;

/**
 * Data entry (数据填报): the reporter's overview of what is open, and the form of one region's figures
 * for one period — last period's value and the target beside each field, validation as you type,
 * save, submit.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'PLANNER', 'REPORTER', 'REVIEWER')")
class EntryController {

    static final int MAX_REGIONS_LISTED = 200;

    private final DataSets dataSets;
    private final Regions regions;
    private final Indicators indicators;
    private final Targets targets;
    private final ObservationEditor editor;
    private final Submissions submissions;
    private final FigureStore store;
    private final CurrentUser currentUser;
    private final Clock clock;

    EntryController(DataSets dataSets, Regions regions, Indicators indicators, Targets targets, ObservationEditor editor,
                    Submissions submissions, FigureStore store, CurrentUser currentUser, Clock clock) {
        this.dataSets = dataSets;
        this.regions = regions;
        this.indicators = indicators;
        this.targets = targets;
        this.editor = editor;
        this.submissions = submissions;
        this.store = store;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** One line of the overview: a region and period of a data set, with its submission if any. */
    record Slot(DataSet dataSet, Region region, String period, DataSet.Window window, @Nullable Submission submission) {}

    @GetMapping("/collect")
    String overview(Model model) {
        Account me = currentUser.account().orElseThrow();
        LocalDate today = LocalDate.now(clock);
        Region home = me.regionCode() == null ? null : regions.get(me.regionCode());
        List<Slot> slots = new ArrayList<>();
        boolean truncated = false;
        if (home != null) {
            for (DataSet ds : dataSets.all()) {
                List<Region> reporting = home.level() == ds.regionLevel() ? List.of(home) : regions.within(home, ds.regionLevel());
                for (DataSet.Window w : ds.openOn(today)) {
                    for (Region r : reporting) {
                        if (!ds.reportedBy(r) || !currentUser.mayReport(r) && !currentUser.mayReview(r)) {
                            continue;
                        }
                        if (slots.size() >= MAX_REGIONS_LISTED) {
                            truncated = true;
                            break;
                        }
                        slots.add(new Slot(ds, r, w.period(), w, store.submission(ds.id(), r.id(), w.period()).orElse(null)));
                    }
                }
            }
        }
        model.addAttribute("slots", slots);
        model.addAttribute("truncated", truncated);
        model.addAttribute("recent", submissions.recent(20));
        model.addAttribute("today", today);
        return "observation/collect";
    }

    /** A field of the form: the indicator, what is stored, what was typed, and what validation says. */
    record Field(Indicator indicator, boolean required, FigureStore.@Nullable Stored stored, String typed, String qualifier,
                 String comment, FigureStore.@Nullable Stored previous, List<Target> targets, List<InputProblem> problems,
                 List<Finding> findings, List<Part> parts, @Nullable Grid grid) {}

    /**
     * The combinations of two crossed dimensions as a grid (交叉分组: area in rows, enterprise size in columns), one
     * input per cell ({@code value.CODE.urban+large}); null when the data set crosses no dimensions, or more than two
     * (then each combination is a part of its own).
     */
    record Grid(List<Part> rows, List<Part> columns, List<List<Part>> cells) {}

    /** A category's input beside an indicator's total (分组: 城镇 / 农牧区), for data sets with breakdowns. */
    record Part(String category, org.yardstick.shared.LocalizedText name, FigureStore.@Nullable Stored stored, String typed) {}

    @GetMapping("/collect/{dataSet}/{region}/{period}")
    String form(@PathVariable String dataSet, @PathVariable String region, @PathVariable String period, Model model) {
        return render(dataSet, region, period, null, List.of(), List.of(), model);
    }

    @PostMapping("/collect/{dataSet}/{region}/{period}")
    String save(@PathVariable String dataSet, @PathVariable String region, @PathVariable String period,
                @RequestParam MultiValueMap<String, String> form, Model model, RedirectAttributes redirect,
                HttpServletResponse response) {
        try {
            List<ObservationEditor.Entry> entries = entries(dataSets.get(dataSet), form);
            ObservationEditor.Outcome outcome = editor.save(dataSet, region, period, entries);
            redirect.addFlashAttribute("saved", outcome);
            return "redirect:/collect/" + dataSet + "/" + region + "/" + period;
        } catch (InvalidInputException e) {
            response.setStatus(422);
            return render(dataSet, region, period, form, e.problems(), List.of(), model);
        }
    }

    /** Validation as you type: the findings for what the form holds now, written into each field's slot. */
    @PostMapping("/collect/{dataSet}/{region}/{period}/check")
    String check(@PathVariable String dataSet, @PathVariable String region, @PathVariable String period,
                 @RequestParam MultiValueMap<String, String> form, Model model) {
        DataSet ds = dataSets.get(dataSet);
        List<InputProblem> problems = List.of();
        List<Finding> findings = List.of();
        try {
            List<ObservationEditor.Entry> entries = entries(ds, form);
            findings = editor.check(dataSet, region, period, entries);
        } catch (InvalidInputException e) {
            problems = e.problems();
        }
        render(dataSet, region, period, form, problems, findings, model);
        return "observation/entry-fragments :: messages";
    }

    @PostMapping("/collect/submissions/{id}/submit")
    String submit(@PathVariable long id, @RequestParam String version, RedirectAttributes redirect, Model model,
                  HttpServletResponse response) {
        Submission s = submissions.get(id);
        int seen;
        try {
            seen = Versions.parse(version);
        } catch (InvalidInputException e) {
            // a tampered form: say which field and why, on the page itself, without submitting
            response.setStatus(422);
            model.addAttribute("submitProblems", e.problems());
            return render(s.dataSetCode(), s.regionCode(), s.period(), null, List.of(), List.of(), model);
        }
        try {
            submissions.submit(id, seen);
            redirect.addFlashAttribute("submitted", true);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("submitProblems", e.problems());
        }
        return "redirect:/collect/" + s.dataSetCode() + "/" + s.regionCode() + "/" + s.period();
    }

    private List<ObservationEditor.Entry> entries(DataSet ds, MultiValueMap<String, String> form) {
        List<ObservationEditor.Entry> entries = new ArrayList<>();
        for (DataSet.Item item : ds.items()) {
            String code = item.indicatorCode();
            String value = form.getFirst("value." + code);
            if (value == null) {
                continue;
            }
            String version = form.getFirst("version." + code);
            Integer expected = version == null || version.isBlank() ? null : Versions.parse("version." + code, version);
            String qualifier = form.getFirst("qualifier." + code);
            String comment = form.getFirst("comment." + code);
            if (value.isBlank() && expected == null) {
                continue;
            }
            entries.add(new ObservationEditor.Entry("form", 0, code, value, qualifier == null ? "" : qualifier,
                    comment, expected));
        }
        // the categories' inputs (value.CODE.category); a category the data set does not break down by is refused
        for (Map.Entry<String, List<String>> e : form.entrySet()) {
            String name = e.getKey();
            DataSet.Item item = ds.items().stream().filter(i -> name.startsWith("value." + i.indicatorCode() + "."))
                    .findFirst().orElse(null);
            if (item == null) {
                continue;
            }
            String code = item.indicatorCode();
            String category = name.substring(("value." + code + ".").length());
            String value = e.getValue().isEmpty() ? "" : e.getValue().get(0);
            String version = form.getFirst("version." + code + "." + category);
            Integer expected = version == null || version.isBlank() ? null
                    : Versions.parse("version." + code + "." + category, version);
            if (value.isBlank() && expected == null) {
                continue;
            }
            entries.add(new ObservationEditor.Entry("form", 0, code, value, "", null, expected, category));
        }
        return entries;
    }

    private String render(String dataSet, String regionCode, String periodCode, @Nullable MultiValueMap<String, String> form,
                          List<InputProblem> problems, List<Finding> findings, Model model) {
        DataSet ds = dataSets.get(dataSet);
        Region region = regions.get(regionCode);
        if (!currentUser.maySeeUnapproved(region)) {
            throw new org.springframework.security.access.AccessDeniedException("not your region: " + regionCode);
        }
        Period period = Period.parse(periodCode).filter(p -> p.type() == ds.periodType())
                .orElseThrow(() -> new org.yardstick.shared.NotFoundException("period", periodCode));
        List<String> codes = ds.items().stream().map(DataSet.Item::indicatorCode).toList();
        Map<String, FigureStore.Stored> stored = store.levels(codes, region.id(), period.code());
        Map<String, FigureStore.Stored> previous = store.levels(codes, region.id(), period.previousYear().code());
        Map<String, Indicator> byCode = indicators.byCodes(codes);
        Map<String, List<String>> breakdowns = dataSets.breakdowns(ds.code());
        List<String> categories = breakdowns.values().stream().flatMap(List::stream).toList();
        List<String> crossed = dataSets.crossed(ds.code());
        // two crossed dimensions: their combinations in a grid, not in the list of parts
        java.util.Set<String> inGrid = crossed.size() == 2
                ? new java.util.HashSet<>(breakdowns.getOrDefault(DataSets.CROSSED, List.of())) : java.util.Set.of();
        Map<String, org.yardstick.shared.LocalizedText> categoryNames = store.categoryNames(categories);
        Map<String, Map<String, FigureStore.Stored>> storedParts = categories.isEmpty() ? Map.of()
                : store.parts(codes, region.id(), period.code());
        Map<String, List<Target>> targetsOf = new HashMap<>();
        for (Target t : targets.ofRegion(region.code())) {
            if (t.indicatorCode() != null) {
                targetsOf.computeIfAbsent(t.indicatorCode(), k -> new ArrayList<>()).add(t);
            }
        }
        Map<String, Field> fields = new LinkedHashMap<>();
        for (DataSet.Item item : ds.items()) {
            String code = item.indicatorCode();
            FigureStore.Stored s = stored.get(code);
            String typed = form != null && form.getFirst("value." + code) != null ? form.getFirst("value." + code)
                    : s == null ? "" : s.value().stripTrailingZeros().toPlainString();
            String qualifier = form != null && form.getFirst("qualifier." + code) != null ? form.getFirst("qualifier." + code)
                    : s == null ? "" : s.qualifierText();
            String comment = form != null && form.getFirst("comment." + code) != null ? form.getFirst("comment." + code)
                    : s == null || s.comment() == null ? "" : s.comment();
            List<InputProblem> fieldProblems = new ArrayList<>();
            List<Part> parts = new ArrayList<>();
            Map<String, Map<String, FigureStore.Stored>> partsStored = storedParts;
            java.util.function.Function<String, Part> part = category -> {
                FigureStore.Stored ps = partsStored.getOrDefault(code, Map.of()).get(category);
                String name = "value." + code + "." + category;
                return new Part(category, categoryNames.get(category), ps,
                        form != null && form.getFirst(name) != null ? form.getFirst(name)
                                : ps == null ? "" : ps.value().stripTrailingZeros().toPlainString());
            };
            for (String category : categories) {
                if (!inGrid.contains(category)) {
                    parts.add(part.apply(category));
                }
            }
            Grid grid = null;
            if (!inGrid.isEmpty()) {
                List<String> rows = breakdowns.getOrDefault(crossed.get(0), List.of());
                List<String> columns = breakdowns.getOrDefault(crossed.get(1), List.of());
                boolean rowFirst = crossed.get(0).compareTo(crossed.get(1)) < 0; // canonical: by dimension code
                List<List<Part>> cells = new ArrayList<>();
                for (String r : rows) {
                    cells.add(columns.stream().map(col -> part.apply(rowFirst
                            ? r + org.yardstick.framework.Disaggregation.JOIN + col
                            : col + org.yardstick.framework.Disaggregation.JOIN + r)).toList());
                }
                grid = new Grid(rows.stream().map(r -> new Part(r, categoryNames.get(r), null, "")).toList(),
                        columns.stream().map(col -> new Part(col, categoryNames.get(col), null, "")).toList(), cells);
            }
            fields.put(code, new Field(byCode.get(code), item.required(), s, typed, qualifier, comment, previous.get(code),
                    targetsOf.getOrDefault(code, List.of()), fieldProblems,
                    findings.stream().filter(f -> f.indicatorCode().equals(code)).toList(), parts, grid));
        }
        List<InputProblem> general = new ArrayList<>();
        for (InputProblem p : problems) {
            String field = p.field().contains(".") ? p.field().substring(0, p.field().indexOf('.')) : p.field();
            Field f = fields.get(field);
            if (f != null) {
                f.problems().add(p);
            } else {
                general.add(p);
            }
        }
        Submission submission = store.submission(ds.id(), region.id(), period.code()).orElse(null);
        DataSet.Window window = ds.window(period.code()).orElse(null);
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("dataSet", ds);
        model.addAttribute("region", region);
        model.addAttribute("period", period);
        model.addAttribute("fields", fields.values());
        model.addAttribute("problems", problems);
        model.addAttribute("general", general);
        model.addAttribute("submission", submission);
        model.addAttribute("window", window);
        model.addAttribute("open", window != null && window.isOpen(today));
        model.addAttribute("editable", currentUser.mayReport(region) && window != null && window.isOpen(today)
                && (submission == null || submission.editable()));
        model.addAttribute("mayReview", currentUser.mayReview(region));
        return "observation/entry";
    }
}
