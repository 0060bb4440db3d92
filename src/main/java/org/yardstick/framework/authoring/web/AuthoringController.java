package org.yardstick.framework.authoring.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yardstick.framework.Change;
import org.yardstick.framework.Documents;
import org.yardstick.framework.Indicators;
import org.yardstick.framework.Plan;
import org.yardstick.framework.Plans;
import org.yardstick.framework.Target;
import org.yardstick.framework.Targets;
import org.yardstick.framework.authoring.Decomposition;
import org.yardstick.framework.authoring.DecompositionProblem;
import org.yardstick.framework.authoring.PartCommand;
import org.yardstick.framework.authoring.PartsCheck;
import org.yardstick.region.Organisations;
import org.yardstick.region.Region;
import org.yardstick.region.Regions;
import org.yardstick.security.CurrentUser;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.InvalidInputException;
import org.yardstick.shared.NotFoundException;

/**
 * The authoring pages (编制): a plan's workspace with its sections, goals, key projects, tasks and targets,
 * and one form per kind of element, each checked as it is filled in (htmx posts the form with
 * {@code _check}: the write path runs and is rolled back, the form comes back with a message beside each
 * wrong field) and refused whole on saving, naming field, value and reason. Scope, audit and history are
 * the write path's ({@link org.yardstick.framework.internal.FrameworkChanges}).
 */
@Controller
class AuthoringController {

    private static final int MAX_SUGGESTED_REGIONS = 1500;
    private static final Pattern PART = Pattern.compile("parts\\[(\\d+)]\\.(\\w+)");
    private static final Set<String> NOT_FIELDS = Set.of("_csrf", "_check", "reason", "force", "confirm");

    private final ElementForms forms;
    private final Plans plans;
    private final Targets targets;
    private final Indicators indicators;
    private final Regions regions;
    private final Organisations organisations;
    private final Documents documents;
    private final Decomposition decomposition;
    private final CurrentUser user;
    private final TransactionTemplate transactions;

    AuthoringController(ElementForms forms, Plans plans, Targets targets, Indicators indicators, Regions regions,
                        Organisations organisations, Documents documents, Decomposition decomposition, CurrentUser user,
                        PlatformTransactionManager transactionManager) {
        this.forms = forms;
        this.plans = plans;
        this.targets = targets;
        this.indicators = indicators;
        this.regions = regions;
        this.organisations = organisations;
        this.documents = documents;
        this.decomposition = decomposition;
        this.user = user;
        this.transactions = new TransactionTemplate(transactionManager);
        // a savepoint when called inside a transaction, so that a dry run rolls back its own writes only
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    // ------------------------------------------------------------------ plans

    @GetMapping("/authoring/plans/new")
    String newPlan(Model model) {
        user.requirePlan();
        return form(model, "plan", null, null, forms.blank("plan", null, Map.of()), List.of(), false);
    }

    @PostMapping("/authoring/plans/new")
    String createPlan(@RequestParam Map<String, String> params, Model model, HttpServletResponse response,
                      RedirectAttributes redirect) {
        return submit(model, response, redirect, "plan", null, null, params);
    }

    /** A plan's workspace: its elements with their edit, retire and add actions. */
    @GetMapping("/authoring/plans/{plan}")
    String workspace(@PathVariable String plan, Model model) {
        Plan p = plans.get(plan);
        user.requirePlan(regions.find(p.regionId()).orElseThrow());
        model.addAttribute("plan", p);
        model.addAttribute("region", regions.find(p.regionId()).orElseThrow());
        model.addAttribute("sections", forms.flat(p));
        model.addAttribute("projects", plans.keyProjects(p));
        model.addAttribute("tasks", plans.tasks(p));
        List<Target> all = targets.ofPlanIncludingRetired(p);
        model.addAttribute("targets", all);
        Map<String, String> wholes = new LinkedHashMap<>();
        for (Target t : all) {
            decomposition.wholeOf(plan, t.code()).ifPresent(w -> wholes.put(t.code(), w));
        }
        model.addAttribute("wholes", wholes);
        return "framework/authoring/plan";
    }

    @GetMapping("/authoring/plans/{plan}/edit")
    String editPlan(@PathVariable String plan, Model model) {
        requirePlan(plan);
        return form(model, "plan", null, plan, forms.values("plan", null, plan), List.of(), false);
    }

    @PostMapping("/authoring/plans/{plan}/edit")
    String updatePlan(@PathVariable String plan, @RequestParam Map<String, String> params, Model model,
                      HttpServletResponse response, RedirectAttributes redirect) {
        return submit(model, response, redirect, "plan", null, plan, params);
    }

    @PostMapping("/authoring/plans/{plan}/retire")
    String retirePlan(@PathVariable String plan, @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        return retire(redirect, "plan", null, plan, reason, false, "/authoring/plans/" + plan);
    }

    // ------------------------------------------------------------------ a plan's parts

    @GetMapping("/authoring/plans/{plan}/{kind}/new")
    String newPart(@PathVariable String plan, @PathVariable String kind, @RequestParam Map<String, String> params,
                   Model model) {
        kind(kind);
        requirePlan(plan);
        params.keySet().removeAll(NOT_FIELDS);
        return form(model, kind, plan, null, forms.blank(kind, plan, params), List.of(), false);
    }

    @PostMapping("/authoring/plans/{plan}/{kind}/new")
    String createPart(@PathVariable String plan, @PathVariable String kind, @RequestParam Map<String, String> params,
                      Model model, HttpServletResponse response, RedirectAttributes redirect) {
        kind(kind);
        return submit(model, response, redirect, kind, plan, null, params);
    }

    @GetMapping("/authoring/plans/{plan}/{kind}/{code}/edit")
    String editPart(@PathVariable String plan, @PathVariable String kind, @PathVariable String code, Model model) {
        kind(kind);
        requirePlan(plan);
        return form(model, kind, plan, code, forms.values(kind, plan, code), List.of(), false);
    }

    @PostMapping("/authoring/plans/{plan}/{kind}/{code}/edit")
    String updatePart(@PathVariable String plan, @PathVariable String kind, @PathVariable String code,
                      @RequestParam Map<String, String> params, Model model, HttpServletResponse response,
                      RedirectAttributes redirect) {
        kind(kind);
        return submit(model, response, redirect, kind, plan, code, params);
    }

    @PostMapping("/authoring/plans/{plan}/{kind}/{code}/retire")
    String retirePart(@PathVariable String plan, @PathVariable String kind, @PathVariable String code,
                      @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        kind(kind);
        return retire(redirect, kind, plan, code, reason, false, "/authoring/plans/" + plan);
    }

    // ------------------------------------------------------------------ indicators

    @GetMapping("/authoring/indicators/new")
    String newIndicator(Model model) {
        user.requirePlan();
        return form(model, "indicator", null, null, forms.blank("indicator", null, Map.of()), List.of(), false);
    }

    @PostMapping("/authoring/indicators/new")
    String createIndicator(@RequestParam Map<String, String> params, Model model, HttpServletResponse response,
                           RedirectAttributes redirect) {
        return submit(model, response, redirect, "indicator", null, null, params);
    }

    @GetMapping("/authoring/indicators/{code}/edit")
    String editIndicator(@PathVariable String code, Model model) {
        user.requirePlan();
        return form(model, "indicator", null, code, forms.values("indicator", null, code), List.of(), false);
    }

    @PostMapping("/authoring/indicators/{code}/edit")
    String updateIndicator(@PathVariable String code, @RequestParam Map<String, String> params, Model model,
                           HttpServletResponse response, RedirectAttributes redirect) {
        return submit(model, response, redirect, "indicator", null, code, params);
    }

    @PostMapping("/authoring/indicators/{code}/retire")
    String retireIndicator(@PathVariable String code, @RequestParam(defaultValue = "") String reason,
                           @RequestParam(defaultValue = "false") boolean force, RedirectAttributes redirect) {
        return retire(redirect, "indicator", null, code, reason, force, "/indicators/" + code);
    }

    // ------------------------------------------------------------------ decomposition (分解落实)

    @GetMapping("/authoring/plans/{plan}/targets/{code}/parts")
    String parts(@PathVariable String plan, @PathVariable String code, @RequestParam(defaultValue = "regions") String by,
                 Model model) {
        requirePlan(plan);
        Target whole = target(plan, code);
        List<Map<String, String>> rows = new ArrayList<>();
        if ("departments".equals(by) || noNumbers(whole)) {
            for (int i = 0; i < 4; i++) {
                rows.add(new LinkedHashMap<>());
            }
        } else {
            for (Region r : regions.children(regions.get(whole.regionCode()))) {
                Map<String, String> row = new LinkedHashMap<>();
                row.put("region", r.code());
                rows.add(row);
            }
            if (rows.isEmpty()) {
                rows.add(new LinkedHashMap<>());
            }
        }
        return partsForm(model, plan, whole, by, rows, List.of(), null, false);
    }

    @PostMapping("/authoring/plans/{plan}/targets/{code}/parts")
    String decompose(@PathVariable String plan, @PathVariable String code, @RequestParam Map<String, String> params,
                     Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Target whole = target(plan, code);
        boolean check = params.containsKey("_check");
        boolean confirm = "true".equals(params.get("confirm"));
        String by = "departments".equals(params.get("by")) ? "departments" : "regions";
        TreeMap<Integer, Map<String, String>> byIndex = new TreeMap<>();
        params.forEach((k, v) -> {
            Matcher m = PART.matcher(k);
            if (m.matches()) {
                byIndex.computeIfAbsent(Integer.valueOf(m.group(1)), i -> new LinkedHashMap<>()).put(m.group(2), v.strip());
            }
        });
        List<Map<String, String>> rows = new ArrayList<>(byIndex.values());
        List<Integer> used = new ArrayList<>();
        List<PartCommand> commands = new ArrayList<>();
        List<InputProblem> problems = new ArrayList<>();
        String source = "plan " + plan + " target " + code + " parts";
        for (int i = 0; i < rows.size(); i++) {
            Map<String, String> row = rows.get(i);
            String key = "departments".equals(by) ? "organisation" : "region";
            // a row without numbers is left out (the form offers every sub-region); for a target without
            // numbers, a row counts once it names a region or department
            boolean blank = blankOf(row, "value") && blankOf(row, "share") && blankOf(row, "value_high") && blankOf(row, "code")
                    && (!noNumbers(whole) || blankOf(row, key));
            if (blank) {
                continue;
            }
            Values v = new Values(prefixed(row, i), source);
            commands.add(new PartCommand(v.optional("parts[" + i + "].code"), v.optional("parts[" + i + "].region"),
                    v.optional("parts[" + i + "].organisation"), v.decimal("parts[" + i + "].value"),
                    v.decimal("parts[" + i + "].value_high"), v.decimal("parts[" + i + "].share")));
            problems.addAll(v.problems());
            used.add(i);
        }
        PartsCheck result = null;
        // numbers that cannot be read are named; the rest is still checked (and not written) so that every
        // problem of the form is named at once
        Set<String> unreadableRows = new HashSet<>();
        problems.forEach(q -> unreadableRows.add(q.field().substring(0, q.field().indexOf('.') + 1)));
        boolean unreadable = !problems.isEmpty();
        try {
            result = decomposition.decompose(plan, code, commands, confirm, Change.form(params.get("reason")), check || unreadable);
        } catch (InvalidInputException e) {
            for (InputProblem q : e.problems()) {
                Matcher m = Pattern.compile("parts\\[(\\d+)](.*)").matcher(q.field());
                String field = m.matches() ? "parts[" + used.get(Integer.parseInt(m.group(1))) + "]" + m.group(2) : q.field();
                boolean named = unreadableRows.contains(field.substring(0, field.indexOf('.') + 1))
                        && (q.kind() == DecompositionProblem.VALUE_OR_SHARE || field.endsWith(".value") || field.endsWith(".share"));
                if (!named) {
                    problems.add(new InputProblem(q.source(), q.line(), field, q.value(), q.kind(), q.args()));
                }
            }
        }
        if (unreadable && !check) {
            result = null;
        }
        if (!check && problems.isEmpty()) {
            redirect.addFlashAttribute("saved", code);
            return "redirect:/plans/" + plan + "/targets/" + code;
        }
        if (!problems.isEmpty() && !check) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        }
        partsForm(model, plan, whole, by, rows, problems, result, confirm);
        return check ? "framework/authoring/parts :: form" : "framework/authoring/parts";
    }

    // ------------------------------------------------------------------ shared

    private String submit(Model model, HttpServletResponse response, RedirectAttributes redirect, String kind,
                          @Nullable String plan, @Nullable String code, Map<String, String> params) {
        boolean check = params.containsKey("_check");
        Map<String, String> given = new LinkedHashMap<>(params);
        given.keySet().removeAll(NOT_FIELDS);
        Values v = new Values(given, kind + (code == null ? "" : " " + code));
        Change how = Change.form(params.get("reason"));
        if ("true".equals(params.get("force"))) {
            how = how.forced();
        }
        Change change = how;
        List<InputProblem> found = new ArrayList<>();
        try {
            transactions.executeWithoutResult(status -> {
                forms.save(kind, plan, code, v, change);
                if (check || !v.problems().isEmpty()) {
                    status.setRollbackOnly();
                }
            });
        } catch (InvalidInputException e) {
            found.addAll(e.problems());
        }
        List<InputProblem> problems = new ArrayList<>(v.problems());
        Set<String> unreadable = new HashSet<>();
        v.problems().forEach(p -> unreadable.add(p.field()));
        for (InputProblem p : found) {
            String field = "targets".equals(kind) && "id".equals(p.field()) ? "code" : p.field();
            if (!unreadable.contains(field)) {
                problems.add(new InputProblem(p.source(), p.line(), field, p.value(), p.kind(), p.args()));
            }
        }
        if (check) {
            // while filling in, only what was typed is judged; empty required fields are named on saving
            problems.removeIf(p -> v.text(p.field()).isEmpty() && !p.field().startsWith("source."));
            fill(model, kind, plan, code, given, problems, true);
            model.addAttribute("reason", params.getOrDefault("reason", ""));
            return "framework/authoring/form :: form";
        }
        if (!problems.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("reason", params.getOrDefault("reason", ""));
            return form(model, kind, plan, code, given, problems, false);
        }
        String saved = code == null ? v.text("code") : code;
        redirect.addFlashAttribute("saved", saved);
        return switch (kind) {
            case "plan" -> "redirect:/authoring/plans/" + saved;
            case "indicator" -> "redirect:/indicators/" + saved;
            case "targets" -> "redirect:/plans/" + plan + "/targets/" + saved;
            default -> "redirect:/authoring/plans/" + plan;
        };
    }

    private String retire(RedirectAttributes redirect, String kind, @Nullable String plan, String code, String reason,
                          boolean force, String back) {
        Change how = Change.form(reason);
        try {
            forms.retire(kind, plan, code, force ? how.forced() : how);
            redirect.addFlashAttribute("retired", code);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problems", e.problems());
        }
        return "redirect:" + back;
    }

    private String form(Model model, String kind, @Nullable String plan, @Nullable String code, Map<String, String> values,
                        List<InputProblem> problems, boolean check) {
        fill(model, kind, plan, code, values, problems, check);
        return "framework/authoring/form";
    }

    private void fill(Model model, String kind, @Nullable String plan, @Nullable String code, Map<String, String> values,
                      List<InputProblem> problems, boolean check) {
        Values v = new Values(values, kind);
        Map<String, List<InputProblem>> byField = new LinkedHashMap<>();
        for (InputProblem p : problems) {
            byField.computeIfAbsent(p.field(), k -> new ArrayList<>()).add(p);
        }
        String base = plan == null ? "/authoring/" + ("plan".equals(kind) ? "plans" : "indicators")
                : "/authoring/plans/" + plan + "/" + kind;
        String action = "plan".equals(kind) && code != null ? "/authoring/plans/" + code + "/edit"
                : code == null ? base + "/new" : base + "/" + code + "/edit";
        model.addAttribute("kind", kind);
        model.addAttribute("planCode", plan);
        model.addAttribute("code", code);
        model.addAttribute("fields", forms.fields(kind, v, code != null));
        model.addAttribute("values", values);
        model.addAttribute("errors", byField);
        model.addAttribute("problems", check ? List.of() : problems);
        model.addAttribute("checked", check);
        model.addAttribute("action", action);
        model.addAttribute("adjusting", code != null && "targets".equals(kind));
        model.addAttribute("back", plan != null ? "/authoring/plans/" + plan
                : "indicator".equals(kind) ? (code == null ? "/indicators" : "/indicators/" + code)
                : code == null ? "/plans" : "/authoring/plans/" + code);
        suggestions(model, plan, values.get("region"));
    }

    private String partsForm(Model model, String plan, Target whole, String by, List<Map<String, String>> rows,
                             List<InputProblem> problems, @Nullable PartsCheck result, boolean confirm) {
        Map<String, List<InputProblem>> byField = new LinkedHashMap<>();
        for (InputProblem p : problems) {
            byField.computeIfAbsent(p.field(), k -> new ArrayList<>()).add(p);
        }
        model.addAttribute("planCode", plan);
        model.addAttribute("whole", whole);
        model.addAttribute("indicator", whole.indicatorCode() == null ? null : indicators.find(whole.indicatorCode()).orElse(null));
        model.addAttribute("by", by);
        model.addAttribute("rows", rows);
        model.addAttribute("errors", byField);
        model.addAttribute("problems", problems);
        model.addAttribute("result", result);
        model.addAttribute("confirm", confirm);
        model.addAttribute("existing", decomposition.parts(plan, whole.code()));
        model.addAttribute("numbers", !noNumbers(whole));
        suggestions(model, plan, whole.regionCode());
        return "framework/authoring/parts";
    }

    /** Suggestions for the code fields: regions near the plan's, indicators, departments, documents, the plan's own codes. */
    private void suggestions(Model model, @Nullable String plan, @Nullable String regionCode) {
        List<Region> near = new ArrayList<>();
        Region start = null;
        if (plan != null) {
            start = regions.find(plans.get(plan).regionId()).orElse(null);
        } else if (regionCode != null && !regionCode.isBlank()) {
            start = regions.find(regionCode.strip()).orElse(null);
        }
        Deque<Region> queue = new ArrayDeque<>(start == null ? regions.roots() : List.of(start));
        if (start != null) {
            near.addAll(regions.ancestors(start));
        }
        while (!queue.isEmpty() && near.size() < MAX_SUGGESTED_REGIONS) {
            Region r = queue.poll();
            near.add(r);
            if (r.depth() < (start == null ? 2 : start.depth() + 2)) {
                queue.addAll(regions.children(r));
            }
        }
        model.addAttribute("suggestRegions", near);
        model.addAttribute("suggestIndicators", indicators.all());
        model.addAttribute("suggestOrganisations", organisations.all());
        model.addAttribute("suggestDocuments", documents.all());
        if (plan != null) {
            Plan p = plans.get(plan);
            model.addAttribute("suggestSections", forms.flat(p));
            model.addAttribute("suggestTargets", targets.ofPlan(p));
        } else {
            model.addAttribute("suggestSections", List.of());
            model.addAttribute("suggestTargets", List.of());
        }
    }

    private static boolean noNumbers(Target t) {
        return t.kind() == org.yardstick.framework.TargetKind.MILESTONE || t.kind() == org.yardstick.framework.TargetKind.COMPARATOR
                || t.kind().directionOnly();
    }

    private static boolean blankOf(Map<String, String> row, String key) {
        String v = row.get(key);
        return v == null || v.isBlank();
    }

    private static Map<String, String> prefixed(Map<String, String> row, int i) {
        Map<String, String> m = new LinkedHashMap<>();
        row.forEach((k, v) -> m.put("parts[" + i + "]." + k, v));
        return m;
    }

    private Target target(String plan, String code) {
        return targets.find(plans.get(plan).id(), code).orElseThrow(() -> new NotFoundException("target", plan + "/" + code));
    }

    private void requirePlan(String plan) {
        user.requirePlan(regions.find(plans.get(plan).regionId()).orElseThrow());
    }

    private static void kind(String kind) {
        if (!ElementForms.PLAN_PARTS.contains(kind)) {
            throw new NotFoundException("form", kind);
        }
    }

}
