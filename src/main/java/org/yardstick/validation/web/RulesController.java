package org.yardstick.validation.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yardstick.framework.Indicator;
import org.yardstick.framework.Indicators;
import org.yardstick.observation.DataSet;
import org.yardstick.observation.DataSets;
import org.yardstick.observation.Severity;
import org.yardstick.security.CurrentUser;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.InvalidInputException;
import org.yardstick.validation.internal.Condition;
import org.yardstick.validation.internal.Direction;
import org.yardstick.validation.internal.Operator;
import org.yardstick.validation.internal.RuleForm;
import org.yardstick.validation.internal.RuleKind;
import org.yardstick.validation.internal.ValidationProblem;
import org.yardstick.validation.internal.ValidationReport;
import org.yardstick.validation.internal.ValidationRule;
import org.yardstick.validation.internal.ValidationRules;

/**
 * The rule list and editor (校验规则): everyone allowed on {@code /rules} reads; planners and
 * administrators add, change, enable, disable and delete. A form with mistakes comes back with a
 * message beside each wrong field and nothing saved; a rule changed meanwhile is a conflict.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'PLANNER', 'REVIEWER')")
class RulesController {

    private final ValidationRules rules;
    private final ValidationReport report;
    private final Indicators indicators;
    private final DataSets dataSets;
    private final CurrentUser currentUser;
    private final MessageSource messages;

    RulesController(ValidationRules rules, ValidationReport report, Indicators indicators, DataSets dataSets,
                    CurrentUser currentUser, MessageSource messages) {
        this.rules = rules;
        this.report = report;
        this.indicators = indicators;
        this.dataSets = dataSets;
        this.currentUser = currentUser;
        this.messages = messages;
    }

    @GetMapping("/rules")
    String list(Model model, Locale locale) {
        List<ValidationRule> all = rules.all();
        Set<String> codes = new HashSet<>();
        all.forEach(r -> codes.addAll(r.indicators()));
        List<DataSet> sets = dataSets.all();
        Map<String, Indicator> names = indicators.byCodes(codes);
        Map<String, String> conditions = new LinkedHashMap<>();
        all.forEach(r -> conditions.put(r.code(), describe(r, names, locale)));
        model.addAttribute("rules", all);
        model.addAttribute("conditions", conditions);
        model.addAttribute("dataSets", sets);
        model.addAttribute("period", sets.isEmpty() ? "" : report.periods(sets.get(0)).stream().findFirst().orElse(""));
        model.addAttribute("kinds", RuleKind.values());
        model.addAttribute("mayPlan", currentUser.mayPlan());
        return "validation/rules";
    }

    @GetMapping("/rules/new")
    String create(@RequestParam(defaultValue = "RANGE") String kind, Model model) {
        currentUser.requirePlan();
        return form(model, RuleForm.blank(RuleKind.parse(kind).orElse(RuleKind.RANGE)), null, Map.of());
    }

    /** The fields of the kind chosen in the form (htmx swaps them in when the kind changes). */
    @GetMapping("/rules/fields")
    String fields(@ModelAttribute RuleForm form, Model model) {
        currentUser.requirePlan();
        fill(model, form.withKind(RuleKind.parse(form.kind()).orElse(RuleKind.RANGE)), null, Map.of());
        return "validation/rule-form :: fields";
    }

    @PostMapping("/rules")
    String save(@ModelAttribute RuleForm form, Model model, HttpServletResponse response, Locale locale,
                RedirectAttributes redirect) {
        try {
            ValidationRule created = rules.create(form);
            redirect.addFlashAttribute("saved", created.code());
            return "redirect:/rules";
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return form(model, form, null, Problems.byField(messages, e.problems(), locale));
        }
    }

    @GetMapping("/rules/{code}/edit")
    String edit(@PathVariable String code, Model model) {
        currentUser.requirePlan();
        ValidationRule rule = rules.get(code);
        return form(model, RuleForm.of(rule), rule, Map.of());
    }

    @PostMapping("/rules/{code}/edit")
    String update(@PathVariable String code, @RequestParam int version, @ModelAttribute RuleForm form, Model model,
                  HttpServletResponse response, Locale locale, RedirectAttributes redirect) {
        ValidationRule rule = rules.get(code);
        try {
            rules.update(code, version, form);
            redirect.addFlashAttribute("saved", code);
            return "redirect:/rules";
        } catch (InvalidInputException e) {
            response.setStatus(isConflict(e) ? HttpStatus.CONFLICT.value() : HttpStatus.UNPROCESSABLE_CONTENT.value());
            // the planner's input stays; the version stays the one they saw, so saving again is still refused
            ValidationRule seen = new ValidationRule(rule.id(), code, rule.name(), rule.severity(), rule.enabled(),
                    rule.dataSetCode(), rule.indicatorCode(), rule.condition(), version, rule.updatedBy(), rule.updatedAt());
            return form(model, form.withCode(code), seen, Problems.byField(messages, e.problems(), locale));
        }
    }

    @PostMapping("/rules/{code}/enable")
    String enable(@PathVariable String code, @RequestParam int version, RedirectAttributes redirect, Locale locale) {
        return change(code, redirect, locale, () -> rules.setEnabled(code, version, true));
    }

    @PostMapping("/rules/{code}/disable")
    String disable(@PathVariable String code, @RequestParam int version, RedirectAttributes redirect, Locale locale) {
        return change(code, redirect, locale, () -> rules.setEnabled(code, version, false));
    }

    @PostMapping("/rules/{code}/delete")
    String delete(@PathVariable String code, @RequestParam int version, RedirectAttributes redirect, Locale locale) {
        return change(code, redirect, locale, () -> rules.delete(code, version));
    }

    private String change(String code, RedirectAttributes redirect, Locale locale, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("saved", code);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("failed", code);
            redirect.addFlashAttribute("failures", e.problems().stream()
                    .map(p -> Problems.text(messages, p.kind(), p.args(), locale)).toList());
        }
        return "redirect:/rules";
    }

    /** What a rule requires, in words: 光纤到户数 ≤ 互联网宽带接入用户. */
    private String describe(ValidationRule r, Map<String, Indicator> names, Locale locale) {
        String a = name(r.indicatorCode(), names, locale);
        Condition c = r.condition();
        String key;
        Object[] args;
        if (c instanceof Condition.Range range) {
            key = range.min() == null ? "range-max" : range.max() == null ? "range-min" : "range";
            args = new Object[] {a, plain(range.min()), plain(range.max())};
        } else if (c instanceof Condition.Required req) {
            key = req.when() == null ? "required" : "required-when";
            args = new Object[] {a, req.when() == null ? "" : name(req.when(), names, locale)};
        } else if (c instanceof Condition.Comparison cmp) {
            key = cmp.factor().compareTo(java.math.BigDecimal.ONE) == 0 ? "comparison" : "comparison-factor";
            args = new Object[] {a, cmp.operator().symbol(), name(cmp.other(), names, locale), plain(cmp.factor())};
        } else if (c instanceof Condition.TotalOfParts t) {
            key = "total-of-parts";
            args = new Object[] {a, plain(t.tolerancePercent())};
        } else {
            Condition.YearOnYear y = (Condition.YearOnYear) c;
            key = "yoy-" + y.direction().name().toLowerCase(Locale.ROOT);
            args = new Object[] {a, plain(y.thresholdPercent())};
        }
        return messages.getMessage("validation.describe." + key, args, locale);
    }

    private static String name(String code, Map<String, Indicator> names, Locale locale) {
        Indicator i = names.get(code);
        return i == null ? code : i.name().in(locale);
    }

    private static String plain(java.math.@Nullable BigDecimal v) {
        return v == null ? "" : Condition.plain(v);
    }

    private static boolean isConflict(InvalidInputException e) {
        return e.problems().stream().map(InputProblem::kind).anyMatch(k -> k == ValidationProblem.CONFLICT);
    }

    private String form(Model model, RuleForm form, @Nullable ValidationRule rule, Map<String, List<String>> errors) {
        fill(model, form, rule, errors);
        return "validation/rule-form";
    }

    private void fill(Model model, RuleForm form, @Nullable ValidationRule rule, Map<String, List<String>> errors) {
        List<Indicator> all = indicators.all();
        model.addAttribute("form", form);
        model.addAttribute("rule", rule);
        model.addAttribute("kind", RuleKind.parse(form.kind()).orElse(RuleKind.RANGE));
        model.addAttribute("errors", errors);
        model.addAttribute("kinds", RuleKind.values());
        model.addAttribute("severities", Severity.values());
        model.addAttribute("operators", Operator.values());
        model.addAttribute("directions", Direction.values());
        model.addAttribute("allIndicators", all);
        model.addAttribute("dataSets", dataSets.all());
    }
}
