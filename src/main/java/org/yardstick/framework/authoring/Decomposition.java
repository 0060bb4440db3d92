package org.yardstick.framework.authoring;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.yardstick.audit.Changed;
import org.yardstick.framework.Aggregation;
import org.yardstick.framework.Change;
import org.yardstick.framework.FrameworkProblem;
import org.yardstick.framework.Indicator;
import org.yardstick.framework.Indicators;
import org.yardstick.framework.Plan;
import org.yardstick.framework.Plans;
import org.yardstick.framework.Target;
import org.yardstick.framework.TargetKind;
import org.yardstick.framework.Targets;
import org.yardstick.framework.authoring.PartsCheck.Note;
import org.yardstick.framework.internal.FrameworkChanges;
import org.yardstick.framework.internal.TargetCommand;
import org.yardstick.region.Organisation;
import org.yardstick.region.Organisations;
import org.yardstick.region.Region;
import org.yardstick.region.Regions;
import org.yardstick.security.CurrentUser;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.InvalidInputException;
import org.yardstick.shared.LocalizedText;
import org.yardstick.shared.NotFoundException;

/**
 * Target decomposition (目标任务分解落实): a target split among the regions below its own, by value or by
 * share of the whole, or assigned to departments (责任单位). Each part is a target of its own, written
 * through {@link FrameworkChanges} (same checks, audit and history as any target), with the same indicator,
 * kind and years as the whole, and a link to the whole. The parts are checked against the whole by the
 * indicator's aggregation rule: for a sum, parts that fall short are warned about and parts that exceed
 * the whole are refused unless confirmed; for a mean the parts' plain mean is compared with the whole;
 * for a ratio or an index the rule is stated and nothing can be checked from the parts' values alone.
 */
@Service
public class Decomposition {

    private static final Set<TargetKind> LEVELS =
            Set.of(TargetKind.VALUE, TargetKind.AT_LEAST, TargetKind.AT_MOST, TargetKind.COUNT, TargetKind.RANGE);

    private final Plans plans;
    private final Targets targets;
    private final Indicators indicators;
    private final Regions regions;
    private final Organisations organisations;
    private final FrameworkChanges changes;
    private final CurrentUser user;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;

    Decomposition(Plans plans, Targets targets, Indicators indicators, Regions regions, Organisations organisations,
                  FrameworkChanges changes, CurrentUser user, JdbcClient jdbc, ApplicationEventPublisher events,
                  PlatformTransactionManager transactionManager) {
        this.plans = plans;
        this.targets = targets;
        this.indicators = indicators;
        this.regions = regions;
        this.organisations = organisations;
        this.changes = changes;
        this.user = user;
        this.jdbc = jdbc;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
        // a savepoint when called inside a transaction, so that a dry run rolls back its own writes only
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** The parts of a target in force, in the plan's order. */
    public List<Part> parts(String planCode, String wholeCode) {
        Plan plan = plans.get(planCode);
        Target whole = whole(plan, wholeCode);
        return jdbc.sql("""
                        select t.code, t.share_percent, o.code as organisation_code from target t
                        left join organisation o on o.id = t.organisation_id
                        where t.parent_target_id = ? and t.retired_at is null order by t.ordinal""")
                .param(whole.id())
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getBigDecimal(2), rs.getString(3)}).list().stream()
                .map(r -> new Part(targets.find(plan.id(), (String) r[0]).orElseThrow(), strip((BigDecimal) r[1]), (String) r[2]))
                .toList();
    }

    /** The code of the whole a target is a part of, if it is one. */
    public Optional<String> wholeOf(String planCode, String partCode) {
        Plan plan = plans.get(planCode);
        return jdbc.sql("""
                        select w.code from target t join target w on w.id = t.parent_target_id
                        where t.plan_id = ? and t.code = ?""")
                .params(plan.id(), partCode).query(String.class).optional();
    }

    /**
     * Checks the parts against the whole and, unless {@code dryRun}, writes them all or none.
     *
     * @param confirm go ahead although the parts of a sum exceed the whole
     * @return the parts (to be) written and what the aggregation rule says about them
     * @throws InvalidInputException naming each part's field ({@code parts[0].region}), value and reason
     */
    public PartsCheck decompose(String planCode, String wholeCode, List<PartCommand> given, boolean confirm, Change how,
                                boolean dryRun) {
        Plan plan = plans.get(planCode);
        Target whole = whole(plan, wholeCode);
        user.requirePlan(regions.find(plan.regionId()).orElseThrow());
        String source = "plan " + planCode + " target " + wholeCode + " parts";
        List<InputProblem> problems = new ArrayList<>();
        if (whole.retired()) {
            problems.add(InputProblem.of(source, 0, "target", wholeCode, DecompositionProblem.RETIRED_WHOLE));
        }
        if (given.isEmpty()) {
            problems.add(InputProblem.of(source, 0, "parts", "", DecompositionProblem.NO_PARTS));
        }
        Indicator indicator = whole.indicatorCode() == null ? null : indicators.find(whole.indicatorCode()).orElse(null);
        Aggregation rule = indicator == null ? null : indicator.aggregation();
        TargetKind kind = whole.kind();
        boolean numbers = kind != TargetKind.MILESTONE && kind != TargetKind.COMPARATOR && !kind.directionOnly();
        boolean level = LEVELS.contains(kind);
        Region wholeRegion = regions.get(whole.regionCode());

        List<Part> existing = parts(planCode, wholeCode);
        Map<String, String> taken = new HashMap<>();
        boolean byRegion = false;
        boolean byUnit = false;
        BigDecimal total = BigDecimal.ZERO;
        int counted = 0;
        for (Part e : existing) {
            taken.put(e.organisationCode() != null ? "o:" + e.organisationCode() : "r:" + e.target().regionCode(), e.target().code());
            byRegion |= e.organisationCode() == null;
            byUnit |= e.organisationCode() != null;
            if (e.target().value() != null) {
                total = total.add(e.target().value());
                counted++;
            }
        }
        Set<String> seen = new HashSet<>();
        List<TargetCommand> commands = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            PartCommand c = given.get(i);
            String f = "parts[" + i + "].";
            String regionCode = blank(c.regionCode());
            String unitCode = blank(c.organisationCode());
            String name = null;
            LocalizedText label = null; // the part as the statement names it: the region's or unit's name, not its code
            String key = null;
            if ((regionCode == null) == (unitCode == null)) {
                problems.add(InputProblem.of(source, 0, f + "region", regionCode == null ? "" : regionCode,
                        DecompositionProblem.REGION_OR_UNIT));
            } else if (regionCode != null) {
                Optional<Region> r = regions.find(regionCode);
                if (r.isEmpty()) {
                    problems.add(InputProblem.of(source, 0, f + "region", regionCode, FrameworkProblem.UNKNOWN_REGION));
                } else if (!r.get().isWithin(wholeRegion) || r.get().id() == wholeRegion.id()) {
                    problems.add(InputProblem.of(source, 0, f + "region", regionCode, DecompositionProblem.NOT_BELOW,
                            wholeRegion.code()));
                } else {
                    name = r.get().code();
                    label = r.get().name();
                    key = "r:" + regionCode;
                    byRegion = true;
                }
            } else {
                Optional<Organisation> o = organisations.find(unitCode);
                if (o.isEmpty()) {
                    problems.add(InputProblem.of(source, 0, f + "organisation", unitCode, FrameworkProblem.UNKNOWN_ORGANISATION));
                } else {
                    name = o.get().code();
                    label = o.get().shortName().zh().isBlank() ? o.get().name() : o.get().shortName();
                    key = "o:" + unitCode;
                    byUnit = true;
                }
            }
            if (key != null) {
                if (taken.containsKey(key)) {
                    problems.add(InputProblem.of(source, 0, f + (regionCode != null ? "region" : "organisation"), name,
                            DecompositionProblem.ALREADY_A_PART, taken.get(key)));
                } else if (!seen.add(key)) {
                    problems.add(InputProblem.of(source, 0, f + (regionCode != null ? "region" : "organisation"), name,
                            FrameworkProblem.DUPLICATE_ITEM, name));
                }
            }
            if (byRegion && byUnit) {
                problems.add(InputProblem.of(source, 0, f + (unitCode != null ? "organisation" : "region"),
                        unitCode != null ? unitCode : regionCode, DecompositionProblem.MIXED));
                byUnit = false; // name it once
            }
            BigDecimal value = c.value();
            BigDecimal high = c.valueHigh();
            if (!numbers) {
                if (c.value() != null || c.share() != null || c.valueHigh() != null) {
                    problems.add(InputProblem.of(source, 0, f + (c.share() != null ? "share" : "value"),
                            String.valueOf(c.share() != null ? c.share().toPlainString() : c.value() != null
                                    ? c.value().toPlainString() : c.valueHigh().toPlainString()),
                            DecompositionProblem.NO_NUMBERS, kind.name().toLowerCase()));
                }
                value = null;
                high = null;
            } else if ((c.value() == null) == (c.share() == null)) {
                problems.add(InputProblem.of(source, 0, f + "value", c.value() == null ? "" : c.value().toPlainString(),
                        DecompositionProblem.VALUE_OR_SHARE));
            } else if (c.share() != null) {
                BigDecimal s = c.share();
                if (s.signum() <= 0 || s.compareTo(BigDecimal.valueOf(100)) > 0) {
                    problems.add(InputProblem.of(source, 0, f + "share", s.toPlainString(), DecompositionProblem.SHARE_RANGE));
                } else if (!level || rule != Aggregation.SUM) {
                    problems.add(InputProblem.of(source, 0, f + "share", s.toPlainString(),
                            DecompositionProblem.SHARE_NOT_ADDITIVE, (rule == null ? "" : rule.name().toLowerCase()) + " / "
                                    + kind.name().toLowerCase()));
                } else {
                    value = scale(whole.value(), s);
                    high = whole.valueHigh() == null ? null : scale(whole.valueHigh(), s);
                }
            } else if (kind != TargetKind.RANGE) {
                high = null;
            }
            if (value != null) {
                total = total.add(value);
                counted++;
            }
            String code = blank(c.code()) != null ? c.code().strip() : wholeCode + "-" + (name == null ? i : name);
            String whereZh = label == null ? "" : label.zh();
            String whereEn = label == null ? "" : label.en().isBlank() ? label.zh() : label.en();
            commands.add(new TargetCommand(code, whole.indicatorCode(), regionCode != null ? regionCode : whole.regionCode(),
                    whole.disaggregationCode(), kind, whole.qualifier(), whole.qualifierText(), value, high, whole.changeUnit(),
                    whole.limit(), whole.comparatorRegionCode(), whole.baselineYear(), whole.targetYear(),
                    LocalizedText.of(whole.statement().zh() + "（分解：" + whereZh + "）",
                            whole.statement().en() + " (part: " + whereEn + ")"), null));
        }

        List<Note> notes = new ArrayList<>();
        BigDecimal shown = null;
        if (!numbers) {
            notes.add(new Note("decomposition.note.no-numbers", List.of(), false));
        } else if (!level) {
            notes.add(new Note("decomposition.note.rates", List.of(), false));
        } else if (rule == Aggregation.SUM && whole.value() != null) {
            shown = total;
            int cmp = total.compareTo(whole.value());
            if (cmp > 0 && !confirm) {
                problems.add(InputProblem.of(source, 0, "parts", plain(total), DecompositionProblem.EXCEEDS, plain(total),
                        plain(whole.value())));
            } else if (cmp > 0) {
                notes.add(new Note("decomposition.note.exceeds", List.of(plain(total), plain(whole.value())), true));
            } else if (cmp < 0) {
                notes.add(new Note("decomposition.note.short", List.of(plain(total), plain(whole.value()),
                        plain(whole.value().subtract(total))), true));
            } else {
                notes.add(new Note("decomposition.note.sum-ok", List.of(plain(total)), false));
            }
        } else if (rule == Aggregation.MEAN && whole.value() != null && counted > 0) {
            shown = total.divide(BigDecimal.valueOf(counted), MathContext.DECIMAL64);
            boolean differs = shown.compareTo(whole.value()) != 0;
            notes.add(new Note("decomposition.note.mean", List.of(plain(shown), plain(whole.value())), differs));
        } else if (rule == Aggregation.RATIO) {
            notes.add(new Note("decomposition.note.ratio", List.of(String.valueOf(indicator.numeratorCode()),
                    String.valueOf(indicator.denominatorCode())), false));
        } else {
            notes.add(new Note("decomposition.note.not-additive", List.of(), false));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        PartsCheck check = new PartsCheck(commands, rule, shown, whole.value(), notes);
        transactions.executeWithoutResult(status -> {
            List<String> written = new ArrayList<>();
            for (int i = 0; i < commands.size(); i++) {
                TargetCommand t = commands.get(i);
                PartCommand c = given.get(i);
                Target created;
                try {
                    created = changes.createTarget(planCode, t, how);
                } catch (InvalidInputException e) {
                    String f = "parts[" + i + "].";
                    throw new InvalidInputException(e.problems().stream().map(q -> new InputProblem(q.source(), q.line(),
                            f + ("id".equals(q.field()) ? "code" : q.field()), q.value(), q.kind(), q.args())).toList());
                }
                jdbc.sql("""
                                update target set parent_target_id = ?, share_percent = ?,
                                       organisation_id = (select id from organisation where code = ?) where id = ?""")
                        .params(whole.id(), c.share(), blank(c.organisationCode()), created.id()).update();
                written.add(created.code());
            }
            events.publishEvent(Changed.of("target", whole.id(), planCode + "/" + wholeCode, "decompose", user.name(),
                    how.reason(), new Changed.FieldChange("parts", null, String.join(", ", written))));
            if (dryRun) {
                status.setRollbackOnly();
            }
        });
        return check;
    }

    private Target whole(Plan plan, String code) {
        return targets.find(plan.id(), code).orElseThrow(() -> new NotFoundException("target", plan.code() + "/" + code));
    }

    private static BigDecimal scale(@Nullable BigDecimal whole, BigDecimal percent) {
        if (whole == null) {
            return BigDecimal.ZERO;
        }
        return strip(whole.multiply(percent).divide(BigDecimal.valueOf(100), 8, RoundingMode.HALF_UP));
    }

    private static @Nullable BigDecimal strip(@Nullable BigDecimal v) {
        return v == null ? null : v.stripTrailingZeros().scale() < 0 ? v.setScale(0) : v.stripTrailingZeros();
    }

    private static String plain(BigDecimal v) {
        return strip(v).toPlainString();
    }

    private static @Nullable String blank(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

}
