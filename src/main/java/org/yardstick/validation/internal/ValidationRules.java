package org.yardstick.validation.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yardstick.audit.Changed.FieldChange;
import org.yardstick.audit.Changed;
import org.yardstick.framework.Indicator;
import org.yardstick.framework.Indicators;
import org.yardstick.framework.Plan;
import org.yardstick.framework.Plans;
import org.yardstick.observation.DataSet;
import org.yardstick.observation.DataSets;
import org.yardstick.region.Region;
import org.yardstick.region.Regions;
import org.yardstick.security.CurrentUser;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.InvalidInputException;
import org.yardstick.shared.NotFoundException;

/**
 * The validation rules (校验规则): read by anyone who may see them, changed by planners and
 * administrators. Every change checks the whole rule first (nothing is written when a field is
 * wrong), names the version it saw (a rule changed meanwhile is a conflict, not an overwrite), is
 * recorded in the audit trail, and takes effect for the next figure checked. A rule belongs to the
 * region of its data set's plan (a rule for every data set, or a data set of no plan, to the whole
 * country): only planners of that region, and administrators above it, may change it.
 */
@Service
public class ValidationRules {

    /** The audit trail's name for rules. */
    public static final String ENTITY = "validation-rule";

    private final RuleStore store;
    private final RuleCache cache;
    private final Indicators indicators;
    private final DataSets dataSets;
    private final Plans plans;
    private final Regions regions;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;

    ValidationRules(RuleStore store, RuleCache cache, Indicators indicators, DataSets dataSets, Plans plans,
                    Regions regions, CurrentUser currentUser, ApplicationEventPublisher events) {
        this.plans = plans;
        this.regions = regions;
        this.store = store;
        this.cache = cache;
        this.indicators = indicators;
        this.dataSets = dataSets;
        this.currentUser = currentUser;
        this.events = events;
    }

    public List<ValidationRule> all() {
        return store.all();
    }

    public Optional<ValidationRule> find(String code) {
        return store.find(code);
    }

    public ValidationRule get(String code) {
        return find(code).orElseThrow(() -> new NotFoundException(ENTITY, code));
    }

    /** The enabled rules, in memory (cached until a rule changes): what figures are checked with. */
    public RuleEvaluator evaluator() {
        return cache.evaluator();
    }

    /**
     * Adds a rule.
     *
     * @throws InvalidInputException with every problem of the form; nothing is written
     */
    @Transactional
    public ValidationRule create(RuleForm form) {
        requireScope(form.dataSet(), form.indicator());
        String actor = currentUser.name();
        List<InputProblem> problems = new ArrayList<>();
        ValidationRule rule = null;
        try {
            rule = reader().read(form, "form", 0, 0, actor);
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
        }
        String code = form.code() == null ? "" : form.code().strip();
        if (!code.isEmpty() && store.find(code).isPresent()) {
            problems.add(duplicate(code).problems().get(0));
        }
        if (rule == null || !problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return insert(rule, actor);
    }

    /**
     * Changes a rule (not its code).
     *
     * @param version the version the planner saw
     * @throws InvalidInputException with every problem of the form, or a conflict; nothing is written
     */
    @Transactional
    public ValidationRule update(String code, int version, RuleForm form) {
        currentUser.requirePlan();
        String actor = currentUser.name();
        ValidationRule before = current(code, version);
        requireScope(before.dataSetCode(), before.indicatorCode());
        requireScope(form.dataSet(), form.indicator());
        ValidationRule rule = reader().read(form.withCode(code), "form", before.id(), version, actor);
        if (!store.update(rule, version, actor)) {
            throw conflict(code, version);
        }
        List<FieldChange> changes = diff(fields(before), fields(rule));
        if (!changes.isEmpty()) {
            events.publishEvent(new Changed(ENTITY, before.id(), code, "update", actor, changes, ""));
        }
        cache.invalidate();
        return get(code);
    }

    /** Enables or disables a rule. */
    @Transactional
    public ValidationRule setEnabled(String code, int version, boolean enabled) {
        currentUser.requirePlan();
        String actor = currentUser.name();
        ValidationRule before = current(code, version);
        requireScope(before.dataSetCode(), before.indicatorCode());
        ValidationRule changed = new ValidationRule(before.id(), before.code(), before.name(), before.severity(), enabled,
                before.dataSetCode(), before.indicatorCode(), before.condition(), version, actor, null);
        if (!store.update(changed, version, actor)) {
            throw conflict(code, version);
        }
        if (before.enabled() != enabled) {
            events.publishEvent(Changed.of(ENTITY, before.id(), code, enabled ? "enable" : "disable", actor, "",
                    new FieldChange("enabled", Boolean.toString(before.enabled()), Boolean.toString(enabled))));
        }
        cache.invalidate();
        return get(code);
    }

    /** Removes a rule; the audit trail keeps what it was. */
    @Transactional
    public void delete(String code, int version) {
        currentUser.requirePlan();
        String actor = currentUser.name();
        ValidationRule before = current(code, version);
        requireScope(before.dataSetCode(), before.indicatorCode());
        if (!store.delete(code, version)) {
            throw conflict(code, version);
        }
        events.publishEvent(new Changed(ENTITY, before.id(), code, "delete", actor,
                diff(fields(before), Map.of()), ""));
        cache.invalidate();
    }

    /** Whether the current account may change a rule: it plans for every region the rule checks figures of. */
    public boolean mayChange(ValidationRule rule) {
        return currentUser.mayPlan()
                && regionsOf(rule.dataSetCode(), rule.indicatorCode()).stream().allMatch(currentUser::mayPlan);
    }

    /** Throws 403 unless the account plans for every region a rule about this data set and indicator checks. */
    private void requireScope(@Nullable String dataSetCode, @Nullable String indicatorCode) {
        currentUser.requirePlan();
        regionsOf(dataSetCode, indicatorCode).forEach(currentUser::requirePlan);
    }

    /**
     * The regions whose figures a rule checks: those a data set is reported within, else those of the
     * plan of its data set, or, for a rule of every data set, of each data set holding its indicator. A data set without a plan, or a rule
     * that no data set holds yet, belongs to the whole country (every root). Empty for an unknown data
     * set or indicator, which the form check refuses.
     */
    private List<Region> regionsOf(@Nullable String dataSetCode, @Nullable String indicatorCode) {
        List<DataSet> sets;
        if (dataSetCode != null && !dataSetCode.isBlank()) {
            Optional<DataSet> set = dataSets.find(dataSetCode.strip());
            if (set.isEmpty()) {
                return List.of();
            }
            sets = List.of(set.get());
        } else if (indicatorCode == null || indicatorCode.isBlank()) {
            return List.of();
        } else {
            sets = dataSets.all().stream().filter(d -> d.contains(indicatorCode.strip())).toList();
            if (sets.isEmpty()) {
                return regions.roots();
            }
        }
        List<Region> held = new ArrayList<>();
        for (DataSet d : sets) {
            if (!d.regionCodes().isEmpty()) {
                // a data set reported within named regions checks figures of those only
                for (String code : d.regionCodes()) {
                    Optional<Region> named = regions.find(code);
                    if (named.isEmpty()) {
                        return regions.roots();
                    }
                    held.add(named.get());
                }
                continue;
            }
            Optional<Plan> plan = d.planCode() == null ? Optional.empty() : plans.find(d.planCode());
            Optional<Region> region = plan.flatMap(p -> regions.find(p.regionId()));
            if (region.isEmpty()) {
                return regions.roots();
            }
            held.add(region.get());
        }
        return held;
    }

    /** Writes rules read from a file (demo, framework files), in the caller's transaction. */
    public void insertAll(List<ValidationRule> rules, String actor) {
        rules.forEach(r -> insert(r, actor));
    }

    public RuleReader reader() {
        Set<String> codes = indicators.all().stream().map(Indicator::code).collect(Collectors.toSet());
        Map<String, Set<String>> sets = new LinkedHashMap<>();
        for (DataSet d : dataSets.all()) {
            Set<String> held = new HashSet<>();
            d.items().forEach(i -> held.add(i.indicatorCode()));
            sets.put(d.code(), held);
        }
        return new RuleReader(new RuleReader.Catalog(codes, sets));
    }

    private ValidationRule insert(ValidationRule rule, String actor) {
        if (store.find(rule.code()).isPresent()) {
            throw duplicate(rule.code());
        }
        long id;
        try {
            id = store.insert(rule, actor);
        } catch (DuplicateKeyException raced) {
            throw duplicate(rule.code());
        }
        events.publishEvent(new Changed(ENTITY, id, rule.code(), "create", actor, diff(Map.of(), fields(rule)), ""));
        cache.invalidate();
        return get(rule.code());
    }

    private ValidationRule current(String code, int version) {
        ValidationRule now = get(code);
        if (now.version() != version) {
            throw conflict(code, version);
        }
        return now;
    }

    private InvalidInputException conflict(String code, int version) {
        ValidationRule now = get(code);
        return new InvalidInputException(InputProblem.of("form", 0, "version", Integer.toString(version),
                ValidationProblem.CONFLICT, now.updatedBy(), now.version()));
    }

    private static InvalidInputException duplicate(String code) {
        return new InvalidInputException(InputProblem.of("form", 0, "code", code, ValidationProblem.DUPLICATE_CODE));
    }

    /** A rule's fields as text, as the audit trail records them. */
    static Map<String, String> fields(ValidationRule r) {
        RuleForm f = RuleForm.of(r);
        Map<String, String> m = new LinkedHashMap<>();
        m.put("name_zh", f.nameZh());
        m.put("name_en", f.nameEn());
        m.put("kind", f.kind());
        m.put("severity", f.severity());
        m.put("enabled", f.enabled());
        m.put("data_set", f.dataSet());
        m.put("indicator", f.indicator());
        m.put("other", f.other());
        m.put("operator", f.operator());
        m.put("factor", f.factor());
        m.put("min", f.min());
        m.put("max", f.max());
        m.put("threshold", f.threshold());
        m.put("direction", f.direction());
        m.replaceAll((k, v) -> v == null ? "" : v);
        return m;
    }

    /** The fields whose text differs; absent and empty are the same. */
    static List<FieldChange> diff(Map<String, String> before, Map<String, String> after) {
        List<FieldChange> changes = new ArrayList<>();
        Set<String> keys = new java.util.LinkedHashSet<>(before.keySet());
        keys.addAll(after.keySet());
        for (String k : keys) {
            String old = before.getOrDefault(k, "");
            String now = after.getOrDefault(k, "");
            if (!Objects.equals(old, now)) {
                changes.add(new FieldChange(k, old.isEmpty() ? null : old, now.isEmpty() ? null : now));
            }
        }
        return changes;
    }
}
