package org.yardstick.region;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yardstick.audit.Changed.FieldChange;
import org.yardstick.audit.Changed;
import org.yardstick.region.internal.RegionProblem;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.InvalidInputException;

/**
 * Authoring organisations (责任单位) in the running system: add, rename, aliases, region, kind, retire.
 * Planners author the organisations of regions inside their own, administrators any. Checked whole,
 * audited with the channel; never deleted (tasks, accounts and reports refer to them).
 */
@Service
public class OrganisationAuthoring {

    private final JdbcClient jdbc;
    private final Regions regions;
    private final Organisations organisations;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OrganisationAuthoring(JdbcClient jdbc, Regions regions, Organisations organisations, ApplicationEventPublisher events,
                          Clock clock) {
        this.jdbc = jdbc;
        this.regions = regions;
        this.organisations = organisations;
        this.events = events;
        this.clock = clock;
    }

    /**
     * An organisation as typed or sent; on a change, {@code null} leaves a field as it is.
     *
     * @param aliases other spellings in the documents (经信委); on a change, the complete new list
     */
    public record Draft(@Nullable String code, @Nullable String nameZh, @Nullable String nameEn,
                        @Nullable String shortZh, @Nullable String shortEn, @Nullable String kind,
                        @Nullable String region, @Nullable List<String> aliases) {}

    /** Adds one organisation. */
    @Transactional
    public Organisation add(Draft d, Editor by, Channel channel, String reason) {
        RegionAuthoring.requireAuthor(by);
        List<InputProblem> problems = new ArrayList<>();
        String code = strip(d.code());
        if (code.isEmpty()) {
            problems.add(problem("code", code, RegionProblem.REQUIRED));
        } else if (!RegionAuthoring.CODE.matcher(code).matches()) {
            problems.add(problem("code", code, RegionProblem.BAD_CODE));
        } else if (organisations.find(code).isPresent()) {
            problems.add(problem("code", code, RegionProblem.DUPLICATE_CODE));
        }
        String nameZh = name("nameZh", d.nameZh(), true, 200, problems);
        String nameEn = name("nameEn", d.nameEn(), false, 300, problems);
        String shortZh = name("shortZh", d.shortZh(), false, 100, problems);
        String shortEn = name("shortEn", d.shortEn(), false, 200, problems);
        OrganisationKind kind = kind(d.kind() == null ? "OTHER" : d.kind(), problems);
        Region region = region(d.region(), by, problems);
        List<String> aliases = aliases(d.aliases(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String en = nameEn.isEmpty() ? nameZh : nameEn;
        organisations.add(List.of(new NewOrganisation(code, org.yardstick.shared.LocalizedText.of(nameZh, en),
                org.yardstick.shared.LocalizedText.of(shortZh.isEmpty() ? nameZh : shortZh, shortEn.isEmpty() ? en : shortEn),
                Objects.requireNonNull(kind), Objects.requireNonNull(region).code(), aliases)));
        Organisation o = organisations.get(code);
        events.publishEvent(Changed.of("organisation", o.id(), code, "create", by.username(), reason,
                new FieldChange("name_zh", null, nameZh), new FieldChange("kind", null, o.kind().name()),
                new FieldChange("region", null, region.code()), new FieldChange("aliases", null, String.join("、", aliases)),
                RegionAuthoring.channel(channel)));
        return o;
    }

    /** Changes the fields given: names, kind, region, aliases. */
    @Transactional
    public Organisation update(String code, Draft d, Editor by, Channel channel, String reason) {
        RegionAuthoring.requireAuthor(by);
        Organisation o = organisations.get(code);
        Region current = regions.find(o.regionId()).orElseThrow();
        if (!by.mayEdit(current)) {
            throw new AccessDeniedException("organisation " + code + " belongs to a region outside the editor's");
        }
        List<InputProblem> problems = new ArrayList<>();
        if (isRetired(code)) {
            problems.add(problem("code", code, RegionProblem.RETIRED));
        }
        String nameZh = d.nameZh() == null ? o.name().zh() : name("nameZh", d.nameZh(), true, 200, problems);
        String nameEn = d.nameEn() == null ? o.name().en() : name("nameEn", d.nameEn(), true, 300, problems);
        String shortZh = d.shortZh() == null ? o.shortName().zh() : name("shortZh", d.shortZh(), true, 100, problems);
        String shortEn = d.shortEn() == null ? o.shortName().en() : name("shortEn", d.shortEn(), true, 200, problems);
        OrganisationKind kind = d.kind() == null ? o.kind() : kind(d.kind(), problems);
        Region region = d.region() == null ? current : region(d.region(), by, problems);
        List<String> aliases = d.aliases() == null ? o.aliases() : aliases(d.aliases(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        List<FieldChange> changes = new ArrayList<>();
        diff(changes, "name_zh", o.name().zh(), nameZh);
        diff(changes, "name_en", o.name().en(), nameEn);
        diff(changes, "short_zh", o.shortName().zh(), shortZh);
        diff(changes, "short_en", o.shortName().en(), shortEn);
        diff(changes, "kind", o.kind().name(), Objects.requireNonNull(kind).name());
        diff(changes, "region", current.code(), Objects.requireNonNull(region).code());
        List<String> sortedOld = o.aliases().stream().sorted().toList();
        List<String> sortedNew = aliases.stream().sorted().toList();
        diff(changes, "aliases", String.join("、", sortedOld), String.join("、", sortedNew));
        if (changes.isEmpty()) {
            return o;
        }
        jdbc.sql("""
                update organisation set name_zh = ?, name_en = ?, short_zh = ?, short_en = ?, kind = ?, region_id = ?
                where id = ?""").params(nameZh, nameEn, shortZh, shortEn, kind.name(), region.id(), o.id()).update();
        if (!sortedOld.equals(sortedNew)) {
            jdbc.sql("delete from organisation_alias where organisation_id = ?").param(o.id()).update();
            for (String alias : aliases) {
                jdbc.sql("insert into organisation_alias (organisation_id, alias) values (?, ?)").params(o.id(), alias).update();
            }
        }
        changes.add(RegionAuthoring.channel(channel));
        events.publishEvent(new Changed("organisation", o.id(), code, "update", by.username(), changes, reason));
        return organisations.get(code);
    }

    /** Retires an organisation: it stays for what refers to it, and pages say it is retired. */
    @Transactional
    public void retire(String code, Editor by, Channel channel, String reason) {
        RegionAuthoring.requireAuthor(by);
        Organisation o = organisations.get(code);
        Region current = regions.find(o.regionId()).orElseThrow();
        if (!by.mayEdit(current)) {
            throw new AccessDeniedException("organisation " + code + " belongs to a region outside the editor's");
        }
        if (isRetired(code)) {
            throw new InvalidInputException(problem("code", code, RegionProblem.RETIRED));
        }
        Instant now = clock.instant();
        jdbc.sql("update organisation set retired_at = ? where id = ?").params(java.sql.Timestamp.from(now), o.id()).update();
        events.publishEvent(Changed.of("organisation", o.id(), code, "retire", by.username(), reason,
                new FieldChange("retired_at", null, now.toString()), RegionAuthoring.channel(channel)));
    }

    public boolean isRetired(String code) {
        return jdbc.sql("select count(*) from organisation where code = ? and retired_at is not null").param(code)
                .query(Long.class).single() > 0;
    }

    /** The codes of the retired organisations. */
    public java.util.Set<String> retiredCodes() {
        return new java.util.HashSet<>(jdbc.sql("select code from organisation where retired_at is not null")
                .query(String.class).list());
    }

    private static void diff(List<FieldChange> changes, String field, String old, String now) {
        if (!old.equals(now)) {
            changes.add(new FieldChange(field, old, now));
        }
    }

    private static InputProblem problem(String field, @Nullable String value, RegionProblem kind, Object... args) {
        return InputProblem.of("request", 0, field, value, kind, args);
    }

    private static String strip(@Nullable String s) {
        return s == null ? "" : s.strip();
    }

    private static String name(String field, @Nullable String value, boolean required, int max, List<InputProblem> problems) {
        String v = strip(value);
        if (v.isEmpty() && required) {
            problems.add(problem(field, v, RegionProblem.REQUIRED));
        } else if (v.length() > max) {
            problems.add(problem(field, v, RegionProblem.TOO_LONG, max));
        }
        return v;
    }

    private static @Nullable OrganisationKind kind(String text, List<InputProblem> problems) {
        try {
            return OrganisationKind.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(problem("kind", text, RegionProblem.UNKNOWN_KIND,
                    Arrays.stream(OrganisationKind.values()).map(Enum::name).collect(Collectors.joining(", "))));
            return null;
        }
    }

    private @Nullable Region region(@Nullable String code, Editor by, List<InputProblem> problems) {
        String c = strip(code);
        if (c.isEmpty()) {
            problems.add(problem("region", c, RegionProblem.REQUIRED));
            return null;
        }
        Region r = regions.find(c).orElse(null);
        if (r == null) {
            problems.add(problem("region", c, RegionProblem.UNKNOWN_REGION));
            return null;
        }
        if (jdbc.sql("select count(*) from region where id = ? and retired_at is not null").param(r.id()).query(Long.class).single() > 0) {
            problems.add(problem("region", c, RegionProblem.RETIRED));
        }
        if (!by.mayEdit(r)) {
            throw new AccessDeniedException("region " + c + " is outside the editor's region");
        }
        return r;
    }

    private static List<String> aliases(@Nullable List<String> given, List<InputProblem> problems) {
        if (given == null) {
            return List.of();
        }
        LinkedHashSet<String> result = new LinkedHashSet<>();
        for (String a : given) {
            String v = strip(a);
            if (v.length() > 100) {
                problems.add(problem("aliases", v, RegionProblem.TOO_LONG, 100));
            } else if (!v.isEmpty()) {
                result.add(v);
            }
        }
        return List.copyOf(result);
    }
}
