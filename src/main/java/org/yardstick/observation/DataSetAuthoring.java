package org.yardstick.observation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yardstick.audit.Changed.FieldChange;
import org.yardstick.audit.Changed;
import org.yardstick.framework.Disaggregation;
import org.yardstick.framework.DisaggregationDimension;
import org.yardstick.framework.Disaggregations;
import org.yardstick.framework.Indicator;
import org.yardstick.framework.Indicators;
import org.yardstick.framework.Plan;
import org.yardstick.framework.Plans;
import org.yardstick.observation.internal.DataSetProblem;
import org.yardstick.observation.internal.FormChannel;
import org.yardstick.region.Region;
import org.yardstick.region.RegionLevel;
import org.yardstick.region.Regions;
import org.yardstick.security.Account;
import org.yardstick.security.CurrentUser;
import org.yardstick.security.Role;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.InvalidInputException;
import org.yardstick.shared.LocalizedText;
import org.yardstick.shared.Period;

/**
 * Data sets written in the running system (数据集维护): created, changed, their collection windows
 * opened (a period that has ended only with a reason: 补报, back-filling) and retired — never deleted,
 * since submissions and figures refer to them. Planners write data sets reported within their
 * region's subtree, administrators any; a data set every region reports (no reporting regions and no
 * regional plan) only administrators. Everything is checked whole (every problem at once, field,
 * value and reason), and every change is in the audit trail with who, old, new and why.
 */
@Service
public class DataSetAuthoring {

    /**
     * A data set as a planner writes it; text as typed, so that a problem can name the value.
     *
     * @param regionLevel a {@link RegionLevel} name ({@code COUNTY}, …)
     * @param periodType {@code YEAR}, {@code QUARTER} or {@code MONTH}
     * @param items the indicators in the order the form shows them
     * @param regionCodes the regions within which regions of the level report it; empty: all of them
     * @param maxDecimals the most decimals a figure may have; null: 16 (what is stored)
     * @param windows collection windows (only read when the data set is created)
     * @param breakdowns the categories (分组) figures may be broken down by, by dimension as typed ({@code area →
     *     [urban, rural-pastoral]}), in order; null: as they are (none for a new data set)
     */
    public record Draft(String code, String nameZh, String nameEn, String regionLevel, String periodType,
                        @Nullable String planCode, String descriptionZh, String descriptionEn, List<DataSet.Item> items,
                        List<String> regionCodes, @Nullable Integer maxDecimals, List<WindowDraft> windows,
                        @Nullable Map<String, List<String>> breakdowns) {

        public Draft {
            items = List.copyOf(items);
            regionCodes = List.copyOf(regionCodes);
            windows = List.copyOf(windows);
            if (breakdowns != null) {
                Map<String, List<String>> copy = new java.util.LinkedHashMap<>();
                breakdowns.forEach((k, v) -> copy.put(k, List.copyOf(v)));
                breakdowns = java.util.Collections.unmodifiableMap(copy);
            }
        }

        /** A draft that leaves the breakdowns as they are. */
        public Draft(String code, String nameZh, String nameEn, String regionLevel, String periodType,
                     @Nullable String planCode, String descriptionZh, String descriptionEn, List<DataSet.Item> items,
                     List<String> regionCodes, @Nullable Integer maxDecimals, List<WindowDraft> windows) {
            this(code, nameZh, nameEn, regionLevel, periodType, planCode, descriptionZh, descriptionEn, items, regionCodes,
                    maxDecimals, windows, null);
        }

        /** The draft a stored data set is: what a change starts from. */
        public static Draft of(DataSet d) {
            return new Draft(d.code(), d.name().zh(), d.name().en(), d.regionLevel().name(), d.periodType().name(),
                    d.planCode(), d.description().zh(), d.description().en(), d.items(), d.regionCodes(), d.maxDecimals(),
                    List.of());
        }
    }

    /**
     * A collection window as typed.
     *
     * @param reason why it is opened; required when the period has already ended (back-filling)
     */
    public record WindowDraft(String period, String opensOn, String closesOn, String reason) {}

    static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    static final String SOURCE = "data set";

    private final DataSets dataSets;
    private final Disaggregations disaggregations;
    private final JdbcClient jdbc;
    private final Indicators indicators;
    private final Plans plans;
    private final Regions regions;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DataSetAuthoring(DataSets dataSets, Disaggregations disaggregations, JdbcClient jdbc, Indicators indicators, Plans plans,
                     Regions regions, CurrentUser currentUser, ApplicationEventPublisher events, Clock clock) {
        this.dataSets = dataSets;
        this.disaggregations = disaggregations;
        this.jdbc = jdbc;
        this.indicators = indicators;
        this.plans = plans;
        this.regions = regions;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Who writes, through which channel, and how: a page or the API (the account acting, its scope checked, the
     * channel found from the request) or a framework file ({@code file} or {@code api}, windows taken as the file
     * writes them: a past period's window needs no reason there, the file is the record of what was configured).
     */
    record Via(String actor, @Nullable String channel, boolean checkScope, boolean fromFile) {}

    private Via here() {
        return new Via(currentUser.name(), null, true, false);
    }

    /** Creates a data set with its windows; its code must be new. */
    @Transactional
    public DataSet create(Draft d) {
        return create(d, here());
    }

    @Transactional
    DataSet create(Draft d, Via via) {
        List<InputProblem> problems = new ArrayList<>();
        Checked c = check(d, problems);
        Chosen breakdowns = breakdowns(d.breakdowns(), problems);
        if (dataSets.find(d.code().strip()).isPresent()) {
            problems.add(problem("code", d.code(), DataSetProblem.CODE_TAKEN));
        }
        List<DataSet.Window> windows = new ArrayList<>();
        Set<String> periods = new HashSet<>();
        for (int i = 0; i < d.windows().size(); i++) {
            final int at = i;
            window(d.windows().get(i), c.type, "windows[" + i + "].", null, !via.fromFile(), problems).ifPresent(w -> {
                if (periods.add(w.period())) {
                    windows.add(w);
                } else {
                    problems.add(problem("windows[" + at + "].period", w.period(), DataSetProblem.WINDOW_TWICE));
                }
            });
        }
        throwIfAny(problems);
        if (via.checkScope()) {
            requireAuthor(c.regions, c.plan);
        }
        String code = d.code().strip();
        dataSets.insert(code, c.name, c.level, c.type, c.plan == null ? null : c.plan.code(), c.description, d.items(),
                windows);
        long id = dataSets.id(code);
        writeRegions(id, c.regions);
        jdbc.sql("update data_set set max_decimals = ? where id = ?").params(d.maxDecimals(), id).update();
        writeBreakdowns(id, breakdowns);
        DataSet created = dataSets.get(code);
        List<FieldChange> fields = fields(null, created);
        field(fields, "breakdowns", null, breakdownText(dataSets.declared(code)));
        events.publishEvent(FormChannel.of(Changed.of("data_set", id, code, "create", via.actor(), "",
                fields.toArray(FieldChange[]::new)), via.channel()));
        return created;
    }

    /**
     * Changes a data set's names, description, plan, indicators, reporting regions and decimals (its
     * windows through {@link #openWindow}); its level and period type only while it has no submissions.
     *
     * @param expectedVersion the version the writer read, or null not to check
     */
    @Transactional
    public DataSet update(String code, Draft d, @Nullable Integer expectedVersion, String reason) {
        return update(code, d, expectedVersion, reason, here());
    }

    @Transactional
    DataSet update(String code, Draft d, @Nullable Integer expectedVersion, String reason, Via via) {
        DataSet before = dataSets.get(code);
        if (via.checkScope()) {
            requireAuthor(before);
        }
        List<InputProblem> problems = new ArrayList<>();
        if (!d.code().strip().equals(code)) {
            problems.add(problem("code", d.code(), DataSetProblem.CODE_TAKEN));
        }
        Checked c = check(d, problems);
        Map<String, List<String>> breakdownsBefore = dataSets.breakdowns(code);
        Map<String, List<String>> declaredBefore = dataSets.declared(code);
        Chosen breakdowns = breakdowns(d.breakdowns(), problems);
        if (breakdowns != null) {
            Set<String> kept = new HashSet<>(breakdowns.all().stream().map(Disaggregation::code).toList());
            for (String removed : breakdownsBefore.values().stream().flatMap(List::stream).filter(b -> !kept.contains(b)).toList()) {
                long figures = jdbc.sql("""
                                select count(*) from observation o join disaggregation g on g.id = o.disaggregation_id
                                where g.code = ? and o.indicator_id in (select indicator_id from data_set_indicator where data_set_id = ?)""")
                        .params(removed, before.id()).query(Long.class).single();
                if (figures > 0) {
                    problems.add(problem("breakdowns", removed, DataSetProblem.BREAKDOWN_HAS_FIGURES, figures));
                }
            }
        }
        if (expectedVersion != null && expectedVersion != before.version()) {
            problems.add(problem("version", expectedVersion.toString(), DataSetProblem.STALE, expectedVersion,
                    before.version()));
        }
        if (c.level != null && c.type != null && (c.level != before.regionLevel() || c.type != before.periodType())) {
            long submissions = jdbc.sql("select count(*) from submission where data_set_id = ?").param(before.id())
                    .query(Long.class).single();
            if (submissions > 0) {
                problems.add(problem(c.level != before.regionLevel() ? "regionLevel" : "periodType",
                        c.level != before.regionLevel() ? d.regionLevel() : d.periodType(), DataSetProblem.HAS_FIGURES,
                        submissions));
            }
        }
        throwIfAny(problems);
        if (via.checkScope()) {
            requireAuthor(c.regions, c.plan);
        }
        int changed = jdbc.sql("""
                        update data_set set name_zh = ?, name_en = ?, region_level = ?, period_type = ?,
                               plan_id = (select id from plan where code = ?), description_zh = ?, description_en = ?,
                               max_decimals = ?, version = version + 1
                        where id = ? and version = ?""")
                .params(c.name.zh(), c.name.en(), c.level.name(), c.type.name(), c.plan == null ? null : c.plan.code(),
                        c.description.zh(), c.description.en(), d.maxDecimals(), before.id(), before.version())
                .update();
        if (changed == 0) {
            DataSet now = dataSets.get(code);
            throw new InvalidInputException(problem("version", Integer.toString(before.version()), DataSetProblem.STALE,
                    before.version(), now.version()));
        }
        jdbc.sql("delete from data_set_indicator where data_set_id = ?").param(before.id()).update();
        int ordinal = 0;
        for (DataSet.Item i : d.items()) {
            jdbc.sql("insert into data_set_indicator (data_set_id, indicator_id, ordinal, required) "
                            + "values (?, (select id from indicator where code = ?), ?, ?)")
                    .params(before.id(), i.indicatorCode().strip(), ordinal++, i.required()).update();
        }
        jdbc.sql("delete from data_set_region where data_set_id = ?").param(before.id()).update();
        writeRegions(before.id(), c.regions);
        if (breakdowns != null) {
            jdbc.sql("delete from data_set_breakdown where data_set_id = ?").param(before.id()).update();
            jdbc.sql("delete from data_set_crossed where data_set_id = ?").param(before.id()).update();
            writeBreakdowns(before.id(), breakdowns);
        }
        DataSet after = dataSets.get(code);
        List<FieldChange> fields = fields(before, after);
        field(fields, "breakdowns", breakdownText(declaredBefore), breakdownText(dataSets.declared(code)));
        if (!fields.isEmpty()) {
            events.publishEvent(FormChannel.of(new Changed("data_set", before.id(), code, "update", via.actor(), fields,
                    reason == null ? "" : reason.strip()), via.channel()));
        }
        return after;
    }

    /**
     * Opens (or moves) the collection window of a period. A period that has already ended is opened
     * only with a reason (补报, back-filling), which the window keeps and the audit trail records.
     */
    @Transactional
    public DataSet openWindow(String code, WindowDraft w) {
        return openWindow(code, w, here());
    }

    @Transactional
    DataSet openWindow(String code, WindowDraft w, Via via) {
        DataSet ds = dataSets.get(code);
        if (via.checkScope()) {
            requireAuthor(ds);
        }
        List<InputProblem> problems = new ArrayList<>();
        if (ds.retired()) {
            problems.add(problem("code", code, DataSetProblem.RETIRED));
        }
        Optional<DataSet.Window> before = Period.parse(w.period() == null ? "" : w.period().strip())
                .flatMap(p -> ds.window(p.code()));
        Optional<DataSet.Window> window = window(w, ds.periodType(), "", before.orElse(null), !via.fromFile(), problems);
        throwIfAny(problems);
        DataSet.Window next = window.orElseThrow();
        Period p = Period.parse(next.period()).orElseThrow();
        if (before.isPresent()) {
            jdbc.sql("update collection_window set opens_on = ?, closes_on = ?, reason = ? where data_set_id = ? and period = ?")
                    .params(java.sql.Date.valueOf(next.opensOn()), java.sql.Date.valueOf(next.closesOn()), next.reason(),
                            ds.id(), p.code())
                    .update();
        } else {
            jdbc.sql("insert into collection_window (data_set_id, period, period_start, opens_on, closes_on, reason) "
                            + "values (?, ?, ?, ?, ?, ?)")
                    .params(ds.id(), p.code(), java.sql.Date.valueOf(p.start()), java.sql.Date.valueOf(next.opensOn()),
                            java.sql.Date.valueOf(next.closesOn()), next.reason())
                    .update();
        }
        jdbc.sql("update data_set set version = version + 1 where id = ?").param(ds.id()).update();
        List<FieldChange> windowFields = new ArrayList<>();
        windowFields.add(new FieldChange("window " + p.code(), before.map(b -> b.opensOn() + ".." + b.closesOn()).orElse(null),
                next.opensOn() + ".." + next.closesOn()));
        if (before.isPresent() && !before.get().reason().equals(next.reason())) {
            windowFields.add(new FieldChange("window " + p.code() + " reason", before.get().reason(), next.reason()));
        }
        events.publishEvent(FormChannel.of(new Changed("data_set", ds.id(), code + "/" + p.code(),
                backFilling(p, before.orElse(null)) ? "open-past-window" : "open-window", via.actor(), windowFields,
                next.reason()), via.channel()));
        return dataSets.get(code);
    }

    /**
     * Retires a data set (停用), with a reason: it keeps its submissions and figures, which stay
     * published, but no period of it is open any more and it is offered for no new figures. Nothing
     * is ever deleted.
     */
    @Transactional
    public DataSet retire(String code, String reason) {
        DataSet ds = dataSets.get(code);
        requireAuthor(ds);
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException(problem("reason", "", CollectionProblem.REASON_REQUIRED));
        }
        if (ds.retired()) {
            return ds;
        }
        jdbc.sql("update data_set set retired_at = ?, retired_by = ?, retired_reason = ?, version = version + 1 where id = ?")
                .params(Timestamp.from(Instant.now(clock)), currentUser.name(), reason.strip(), ds.id()).update();
        events.publishEvent(FormChannel.of(Changed.of("data_set", ds.id(), code, "retire", currentUser.name(), reason.strip(),
                new FieldChange("retired", "false", "true"))));
        return dataSets.get(code);
    }

    /** Whether the current account may change this data set. */
    public boolean mayAuthor(DataSet ds) {
        try {
            requireAuthor(ds);
            return true;
        } catch (AccessDeniedException e) {
            return false;
        }
    }

    private void requireAuthor(DataSet ds) {
        List<Region> rs = ds.regionCodes().stream().map(regions::get).toList();
        Plan plan = ds.planCode() == null ? null : plans.find(ds.planCode()).orElse(null);
        requireAuthor(rs, plan);
    }

    private void requireAuthor(List<Region> reporting, @Nullable Plan plan) {
        Optional<Account> me = currentUser.account();
        if (me.map(Account::role).filter(r -> r == Role.ADMIN).isPresent()) {
            return;
        }
        currentUser.requirePlan();
        if (!reporting.isEmpty()) {
            reporting.forEach(currentUser::requirePlan);
        } else if (plan != null) {
            currentUser.requirePlan(regions.find(plan.regionId()).orElseThrow());
        } else {
            throw new AccessDeniedException("a data set every region reports is written only by an administrator");
        }
    }

    /** The draft's fields, checked; problems added for every wrong one. */
    private Checked check(Draft d, List<InputProblem> problems) {
        Checked c = new Checked();
        String code = d.code() == null ? "" : d.code().strip();
        if (!CODE.matcher(code).matches()) {
            problems.add(problem("code", d.code(), DataSetProblem.CODE_FORMAT));
        }
        text("nameZh", d.nameZh(), 200, true, problems);
        text("nameEn", d.nameEn(), 300, true, problems);
        text("descriptionZh", d.descriptionZh(), 2000, false, problems);
        text("descriptionEn", d.descriptionEn(), 2000, false, problems);
        c.name = LocalizedText.of(strip(d.nameZh()), strip(d.nameEn()));
        c.description = LocalizedText.of(strip(d.descriptionZh()), strip(d.descriptionEn()));
        c.level = enumOf(RegionLevel.class, d.regionLevel());
        if (c.level == null) {
            problems.add(problem("regionLevel", d.regionLevel(), DataSetProblem.UNKNOWN_LEVEL,
                    String.join(", ", java.util.Arrays.stream(RegionLevel.values()).map(Enum::name).toList())));
        }
        c.type = enumOf(Period.Type.class, d.periodType());
        if (c.type == null) {
            problems.add(problem("periodType", d.periodType(), DataSetProblem.UNKNOWN_PERIOD_TYPE));
        }
        if (d.planCode() != null && !d.planCode().isBlank()) {
            c.plan = plans.find(d.planCode().strip()).orElse(null);
            if (c.plan == null) {
                problems.add(problem("planCode", d.planCode(), CollectionProblem.UNKNOWN_PLAN));
            }
        }
        if (d.items().isEmpty()) {
            problems.add(problem("indicators", "", DataSetProblem.NO_INDICATORS));
        }
        Map<String, Indicator> known = indicators.byCodes(d.items().stream().map(i -> i.indicatorCode().strip()).toList());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < d.items().size(); i++) {
            String ic = d.items().get(i).indicatorCode().strip();
            if (!known.containsKey(ic)) {
                problems.add(problem("indicators[" + i + "]", ic, DataSetProblem.UNKNOWN_INDICATOR));
            } else if (!seen.add(ic)) {
                problems.add(problem("indicators[" + i + "]", ic, DataSetProblem.DUPLICATE_INDICATOR));
            }
        }
        for (int i = 0; i < d.regionCodes().size(); i++) {
            String rc = d.regionCodes().get(i).strip();
            Optional<Region> r = regions.find(rc);
            if (r.isEmpty()) {
                problems.add(problem("regions[" + i + "]", rc, DataSetProblem.UNKNOWN_REGION));
            } else if (c.level != null && r.get().level() != c.level && regions.within(r.get(), c.level).isEmpty()) {
                problems.add(problem("regions[" + i + "]", rc, DataSetProblem.REGION_BELOW_LEVEL,
                        r.get().level().name(), c.level.name()));
            } else if (c.regions.stream().noneMatch(x -> x.code().equals(rc))) {
                c.regions.add(r.get());
            }
        }
        if (d.maxDecimals() != null && (d.maxDecimals() < 0 || d.maxDecimals() > DataSet.MAX_DECIMALS)) {
            problems.add(problem("maxDecimals", d.maxDecimals().toString(), DataSetProblem.DECIMALS));
        }
        return c;
    }

    /** A window as typed, checked against the data set's period type; empty (with problems) if wrong. */
    private Optional<DataSet.Window> window(WindowDraft w, Period.@Nullable Type type, String prefix,
                                            DataSet.@Nullable Window existing, boolean askReason, List<InputProblem> problems) {
        int before = problems.size();
        Optional<Period> p = Period.parse(w.period() == null ? "" : w.period().strip());
        if (p.isEmpty() || type != null && p.get().type() != type) {
            problems.add(problem(prefix + "period", w.period(), DataSetProblem.BAD_PERIOD,
                    type == null ? "" : type.name().toLowerCase(Locale.ROOT), example(type)));
        }
        LocalDate opens = date(prefix + "opensOn", w.opensOn(), problems);
        LocalDate closes = date(prefix + "closesOn", w.closesOn(), problems);
        if (opens != null && closes != null && opens.isAfter(closes)) {
            problems.add(problem(prefix + "opensOn", w.opensOn(), DataSetProblem.WINDOW_DATES, opens, closes));
        }
        String reason = strip(w.reason());
        if (askReason && p.isPresent() && backFilling(p.get(), existing) && reason.isEmpty()) {
            problems.add(problem(prefix + "reason", "", DataSetProblem.BACKFILL_REASON, ended(p.get())));
        }
        if (reason.length() > 1000) {
            problems.add(problem(prefix + "reason", reason, DataSetProblem.TOO_LONG, 1000));
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new DataSet.Window(p.get().code(), opens, closes, reason));
    }

    /**
     * Whether opening a period now is back-filling (补报): the period ended more than a year ago (a
     * year's figures are collected in the year after it), or its window has already closed.
     */
    private boolean backFilling(Period p, DataSet.@Nullable Window existing) {
        LocalDate today = LocalDate.now(clock);
        return ended(p).plusYears(1).isBefore(today) || existing != null && existing.closesOn().isBefore(today);
    }

    /** The last day of a period. */
    static LocalDate ended(Period p) {
        return switch (p.type()) {
            case YEAR -> p.start().plusYears(1).minusDays(1);
            case QUARTER -> p.start().plusMonths(3).minusDays(1);
            case MONTH -> p.start().plusMonths(1).minusDays(1);
        };
    }

    private static String example(Period.@Nullable Type type) {
        return type == null ? "2025" : switch (type) {
            case YEAR -> "2025";
            case QUARTER -> "2025Q1";
            case MONTH -> "2025-01";
        };
    }

    private static @Nullable LocalDate date(String field, @Nullable String text, List<InputProblem> problems) {
        try {
            return LocalDate.parse(text == null ? "" : text.strip());
        } catch (DateTimeParseException e) {
            problems.add(problem(field, text, DataSetProblem.BAD_DATE));
            return null;
        }
    }

    private void writeRegions(long id, List<Region> rs) {
        for (Region r : rs) {
            jdbc.sql("insert into data_set_region (data_set_id, region_id) values (?, ?)").params(id, r.id()).update();
        }
    }

    /**
     * The categories chosen and, for a data set crossing dimensions (交叉分组), the dimensions crossed (AREA,
     * ENTERPRISE_SIZE); {@code all} holds the categories, then one combination per cell of the crossed ones.
     */
    private record Chosen(List<Disaggregation> all, List<DisaggregationDimension> crossed) {}

    /**
     * The breakdowns as typed, checked: every dimension known, every category known, of its dimension and
     * listed once; the key {@code crossed} lists two or more of the typed dimensions to cross (their
     * combinations are written as categories of their own, decision 0051); null when the draft leaves them as
     * they are.
     */
    private @Nullable Chosen breakdowns(@Nullable Map<String, List<String>> typed, List<InputProblem> problems) {
        if (typed == null) {
            return null;
        }
        List<Disaggregation> out = new ArrayList<>();
        Map<String, String> listedUnder = new java.util.HashMap<>();
        List<String> crossedTyped = null;
        int before = problems.size();
        for (Map.Entry<String, List<String>> e : typed.entrySet()) {
            String dimensionText = strip(e.getKey());
            if (DataSets.CROSSED.equalsIgnoreCase(dimensionText)) {
                crossedTyped = e.getValue();
                continue;
            }
            DisaggregationDimension dimension = enumOf(DisaggregationDimension.class, dimensionText);
            if (dimension == null || dimension == DisaggregationDimension.TOTAL || dimension == DisaggregationDimension.CROSSED) {
                problems.add(problem("breakdowns", dimensionText, DataSetProblem.UNKNOWN_DIMENSION, dimensionNames()));
                continue;
            }
            String field = "breakdowns." + dimension.name().toLowerCase(Locale.ROOT);
            for (String typedCategory : e.getValue()) {
                String category = strip(typedCategory);
                String earlier = listedUnder.putIfAbsent(category, dimensionText);
                if (earlier != null) {
                    problems.add(problem(field, category, DataSetProblem.BREAKDOWN_TWICE, earlier));
                    continue;
                }
                Optional<Disaggregation> known = disaggregations.find(category).filter(g -> !g.isTotal());
                if (known.isEmpty()) {
                    problems.add(problem(field, category, DataSetProblem.UNKNOWN_BREAKDOWN, String.join(", ",
                            disaggregations.all().stream().filter(g -> g.dimension() == dimension).map(Disaggregation::code).toList())));
                } else if (known.get().dimension() != dimension) {
                    problems.add(problem(field, category, DataSetProblem.BREAKDOWN_OTHER_DIMENSION,
                            known.get().dimension().name().toLowerCase(Locale.ROOT)));
                } else {
                    out.add(known.get());
                }
            }
        }
        List<DisaggregationDimension> crossed = new ArrayList<>();
        if (crossedTyped != null) {
            java.util.Set<DisaggregationDimension> declared = new java.util.LinkedHashSet<>();
            out.forEach(g -> declared.add(g.dimension()));
            String names = String.join(", ", declared.stream().map(x -> x.name().toLowerCase(Locale.ROOT)).toList());
            for (String typedDimension : crossedTyped) {
                DisaggregationDimension dimension = enumOf(DisaggregationDimension.class, strip(typedDimension));
                if (dimension == null || !declared.contains(dimension)) {
                    problems.add(problem("breakdowns.crossed", strip(typedDimension), DataSetProblem.CROSSED_NOT_DECLARED,
                            names.isEmpty() ? "—" : names));
                } else if (!crossed.contains(dimension)) {
                    crossed.add(dimension);
                }
            }
            if (crossed.size() < 2 && problems.size() == before) {
                problems.add(problem("breakdowns.crossed", String.join(" ", crossedTyped), DataSetProblem.CROSSED_TOO_FEW,
                        crossed.size()));
            }
        }
        if (!crossed.isEmpty() && problems.size() == before) {
            // every cell of the crossed dimensions, a category of its own
            List<List<Disaggregation>> cells = List.of(List.of());
            for (DisaggregationDimension dimension : crossed) {
                List<List<Disaggregation>> next = new ArrayList<>();
                for (List<Disaggregation> cell : cells) {
                    for (Disaggregation g : out) {
                        if (g.dimension() == dimension) {
                            List<Disaggregation> longer = new ArrayList<>(cell);
                            longer.add(g);
                            next.add(longer);
                        }
                    }
                }
                cells = next;
            }
            for (List<Disaggregation> cell : cells) {
                out.add(disaggregations.combination(cell));
            }
        }
        return new Chosen(out, crossed);
    }

    private static String dimensionNames() {
        return String.join(", ", java.util.Arrays.stream(DisaggregationDimension.values())
                .filter(x -> x != DisaggregationDimension.TOTAL && x != DisaggregationDimension.CROSSED)
                .map(x -> x.name().toLowerCase(Locale.ROOT)).toList());
    }

    private void writeBreakdowns(long dataSetId, @Nullable Chosen breakdowns) {
        if (breakdowns == null) {
            return;
        }
        int ordinal = 0;
        for (Disaggregation g : breakdowns.all()) {
            jdbc.sql("insert into data_set_breakdown (data_set_id, disaggregation_id, ordinal) values (?, ?, ?)")
                    .params(dataSetId, g.id(), ordinal++).update();
        }
        ordinal = 0;
        for (DisaggregationDimension d : breakdowns.crossed()) {
            jdbc.sql("insert into data_set_crossed (data_set_id, dimension, ordinal) values (?, ?, ?)")
                    .params(dataSetId, d.name(), ordinal++).update();
        }
    }

    /** Breakdowns as the audit trail and the form show them: {@code area: urban rural-pastoral}, a line a dimension. */
    public static String breakdownText(Map<String, List<String>> breakdowns) {
        return String.join("\n", breakdowns.entrySet().stream()
                .map(e -> e.getKey().toLowerCase(Locale.ROOT) + ": " + String.join(" ", e.getValue())).toList());
    }

    /** The fields that differ between two versions of a data set, as the audit trail records them. */
    private static List<FieldChange> fields(@Nullable DataSet before, DataSet after) {
        List<FieldChange> fields = new ArrayList<>();
        field(fields, "name_zh", before == null ? null : before.name().zh(), after.name().zh());
        field(fields, "name_en", before == null ? null : before.name().en(), after.name().en());
        field(fields, "region_level", before == null ? null : before.regionLevel().name(), after.regionLevel().name());
        field(fields, "period_type", before == null ? null : before.periodType().name(), after.periodType().name());
        field(fields, "plan", before == null ? null : before.planCode(), after.planCode());
        field(fields, "description_zh", before == null ? null : before.description().zh(), after.description().zh());
        field(fields, "description_en", before == null ? null : before.description().en(), after.description().en());
        field(fields, "indicators", before == null ? null : items(before), items(after));
        field(fields, "regions", before == null ? null : String.join(",", before.regionCodes()),
                String.join(",", after.regionCodes()));
        field(fields, "max_decimals", before == null || before.maxDecimals() == null ? null : before.maxDecimals().toString(),
                after.maxDecimals() == null ? null : after.maxDecimals().toString());
        if (before == null) {
            after.windows().forEach(w -> fields.add(new FieldChange("window " + w.period(), null, w.opensOn() + ".." + w.closesOn())));
        }
        return fields;
    }

    private static String items(DataSet d) {
        return String.join(",", d.items().stream().map(i -> i.indicatorCode() + (i.required() ? "" : "?")).toList());
    }

    private static void field(List<FieldChange> fields, String name, @Nullable String before, @Nullable String after) {
        if (!Objects.equals(before, after) && !(before == null && (after == null || after.isEmpty()))) {
            fields.add(new FieldChange(name, before, after));
        }
    }

    private static void text(String field, @Nullable String value, int max, boolean required, List<InputProblem> problems) {
        String v = strip(value);
        if (required && v.isEmpty()) {
            problems.add(problem(field, value, DataSetProblem.REQUIRED));
        } else if (v.length() > max) {
            problems.add(problem(field, v, DataSetProblem.TOO_LONG, max));
        }
    }

    private static String strip(@Nullable String s) {
        return s == null ? "" : s.strip();
    }

    private static <E extends Enum<E>> @Nullable E enumOf(Class<E> type, @Nullable String text) {
        if (text == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static InputProblem problem(String field, @Nullable String value, org.yardstick.shared.ProblemKind kind, Object... args) {
        return InputProblem.of(SOURCE, 0, field, value, kind, args);
    }

    private static void throwIfAny(List<InputProblem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    /** A draft's values once checked. */
    private static final class Checked {
        LocalizedText name = LocalizedText.of("", "");
        LocalizedText description = LocalizedText.of("", "");
        @Nullable RegionLevel level;
        Period.@Nullable Type type;
        @Nullable Plan plan;
        final List<Region> regions = new ArrayList<>();
    }
}
