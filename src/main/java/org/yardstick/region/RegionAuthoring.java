package org.yardstick.region;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
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
import org.yardstick.region.internal.Transliteration;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.InvalidInputException;
import org.yardstick.shared.LocalizedText;
import org.yardstick.shared.NotFoundException;

/**
 * Authoring the region tree in the running system: add (one or a batch, all or nothing), rename, move
 * (the whole subtree's {@code path} and {@code depth} recomputed in one statement) and retire (never
 * delete). Every change is checked whole first, audited with its channel, and announced as
 * {@link RegionsChanged} so that cached trees are read again.
 */
@Service
public class RegionAuthoring {

    static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    static final int NAME_MAX = 200;

    private final JdbcClient jdbc;
    private final Regions regions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RegionAuthoring(JdbcClient jdbc, Regions regions, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.regions = regions;
        this.events = events;
        this.clock = clock;
    }

    /** A region to add as typed or sent: every field as text, so that a wrong one is named with its value. */
    public record Draft(@Nullable String code, @Nullable String parent, @Nullable String level,
                        @Nullable String nameZh, @Nullable String nameEn) {}

    /** Fields to change; {@code null} leaves a field as it is; a new parent moves the region with its subtree. */
    public record Patch(@Nullable String nameZh, @Nullable String nameEn, @Nullable String parent) {}

    /** What an addition did (or, for a dry run, would do). */
    public record Added(List<String> codes, boolean dryRun) {}

    /**
     * Adds regions, parents before children (a batch may hold both), all or nothing.
     *
     * @param source the input's label for problems ({@code request}, {@code regions.csv}, {@code form})
     * @param firstRow the row number of the first draft (1 for JSON arrays, 2 for CSV under its header)
     * @throws InvalidInputException every problem of every row; nothing written
     * @throws AccessDeniedException when a row lies outside the editor's region
     */
    @Transactional
    public Added add(String source, int firstRow, List<Draft> drafts, Editor by, Channel channel, String reason,
                     boolean dryRun) {
        requireAuthor(by);
        List<InputProblem> problems = new ArrayList<>();
        List<String> outside = new ArrayList<>();
        Map<String, Region> stored = regions.byCodes(drafts.stream()
                .flatMap(d -> java.util.stream.Stream.of(d.code(), d.parent()))
                .filter(c -> c != null && !c.isBlank()).map(String::strip).toList());
        record Batch(int row, RegionLevel level, @Nullable Region storedAncestor) {}
        Map<String, Batch> inBatch = new HashMap<>();
        List<NewRegion> valid = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            Draft d = drafts.get(i);
            int row = firstRow + i;
            int before = problems.size();
            String code = strip(d.code());
            if (code.isEmpty()) {
                problems.add(InputProblem.of(source, row, "code", code, RegionProblem.REQUIRED));
            } else if (!CODE.matcher(code).matches()) {
                problems.add(InputProblem.of(source, row, "code", code, RegionProblem.BAD_CODE));
            } else if (inBatch.containsKey(code)) {
                problems.add(InputProblem.of(source, row, "code", code, RegionProblem.REPEATED_CODE, inBatch.get(code).row()));
            } else if (stored.containsKey(code)) {
                problems.add(InputProblem.of(source, row, "code", code, RegionProblem.DUPLICATE_CODE));
            }
            RegionLevel level = level(source, row, d.level(), problems);
            LocalizedText name = names(source, row, d.nameZh(), d.nameEn(), problems);
            String parent = strip(d.parent());
            Region storedAncestor = null;
            if (parent.isEmpty()) {
                if (!by.admin()) {
                    outside.add(source + " row " + row + ": only an administrator adds a region at the top");
                }
            } else if (stored.containsKey(parent)) {
                Region p = stored.get(parent);
                storedAncestor = p;
                if (isRetired(p.code())) {
                    problems.add(InputProblem.of(source, row, "parent", parent, RegionProblem.RETIRED));
                } else if (level != null && !level.mayBeUnder(p.level())) {
                    problems.add(InputProblem.of(source, row, "level", d.level(), RegionProblem.LEVEL_ORDER,
                            level.name(), p.level().name(), p.code()));
                }
            } else if (inBatch.containsKey(parent) && inBatch.get(parent).row() < row) {
                Batch p = inBatch.get(parent);
                storedAncestor = p.storedAncestor();
                if (level != null && !level.mayBeUnder(p.level())) {
                    problems.add(InputProblem.of(source, row, "level", d.level(), RegionProblem.LEVEL_ORDER,
                            level.name(), p.level().name(), parent));
                }
            } else {
                problems.add(InputProblem.of(source, row, "parent", parent, RegionProblem.UNKNOWN_PARENT));
            }
            if (!parent.isEmpty() && !by.mayEdit(storedAncestor)) {
                outside.add(source + " row " + row + ": " + parent + " is outside the editor's region");
            }
            if (!code.isEmpty() && !inBatch.containsKey(code) && level != null) {
                inBatch.put(code, new Batch(row, level, storedAncestor));
            }
            if (problems.size() == before && level != null && name != null) {
                valid.add(new NewRegion(code, parent.isEmpty() ? null : parent, level, name, false));
            }
        }
        if (!outside.isEmpty()) {
            throw new AccessDeniedException(String.join("; ", outside));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (dryRun) {
            return new Added(valid.stream().map(NewRegion::code).toList(), true);
        }
        regions.add(valid);
        Map<String, Region> added = regions.byCodes(valid.stream().map(NewRegion::code).toList());
        for (NewRegion r : valid) {
            events.publishEvent(Changed.of("region", added.get(r.code()).id(), r.code(), "create", by.username(), reason,
                    new FieldChange("parent", null, r.parentCode()), new FieldChange("level", null, r.level().name()),
                    new FieldChange("name_zh", null, r.name().zh()), new FieldChange("name_en", null, r.name().en()),
                    channel(channel)));
        }
        events.publishEvent(new RegionsChanged("add"));
        return new Added(valid.stream().map(NewRegion::code).toList(), false);
    }

    /**
     * Renames and/or moves a region. A move re-parents it and recomputes {@code path} and {@code depth} of
     * its whole subtree in one statement; moving a region into its own subtree is refused.
     */
    @Transactional
    public Region update(String code, Patch patch, Editor by, Channel channel, String reason) {
        requireAuthor(by);
        Region region = regions.get(code);
        String source = "request";
        if (!by.mayEdit(region)) {
            throw new AccessDeniedException("region " + code + " is outside the editor's region");
        }
        List<InputProblem> problems = new ArrayList<>();
        if (isRetired(code)) {
            problems.add(InputProblem.of(source, 0, "code", code, RegionProblem.RETIRED));
        }
        String zh = patch.nameZh() == null ? region.name().zh() : checkName(source, "nameZh", patch.nameZh(), problems);
        String en = patch.nameEn() == null ? region.name().en() : checkName(source, "nameEn", patch.nameEn(), problems);
        Region newParent = null;
        if (patch.parent() != null) {
            String p = patch.parent().strip();
            if (p.isEmpty()) {
                problems.add(InputProblem.of(source, 0, "parent", p, RegionProblem.REQUIRED));
            } else {
                newParent = regions.find(p).orElse(null);
                if (newParent == null) {
                    problems.add(InputProblem.of(source, 0, "parent", p, RegionProblem.UNKNOWN_PARENT));
                } else if (newParent.isWithin(region)) {
                    problems.add(InputProblem.of(source, 0, "parent", p, RegionProblem.CYCLE, p, code));
                } else if (isRetired(p)) {
                    problems.add(InputProblem.of(source, 0, "parent", p, RegionProblem.RETIRED));
                } else if (!region.level().mayBeUnder(newParent.level())) {
                    problems.add(InputProblem.of(source, 0, "parent", p, RegionProblem.LEVEL_ORDER,
                            region.level().name(), newParent.level().name(), p));
                } else if (!by.mayEdit(newParent)) {
                    throw new AccessDeniedException("region " + p + " is outside the editor's region");
                }
                if (newParent != null && region.parentId() != null && newParent.id() == region.parentId()) {
                    newParent = null; // already there
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        List<FieldChange> changes = new ArrayList<>();
        if (!zh.equals(region.name().zh()) || !en.equals(region.name().en())) {
            regions.rename(code, LocalizedText.of(zh, en));
            if (!zh.equals(region.name().zh())) {
                changes.add(new FieldChange("name_zh", region.name().zh(), zh));
            }
            if (!en.equals(region.name().en())) {
                changes.add(new FieldChange("name_en", region.name().en(), en));
            }
        }
        if (newParent != null) {
            String oldParent = region.parentId() == null ? null : regions.find(region.parentId()).map(Region::code).orElse(null);
            move(region, newParent);
            changes.add(new FieldChange("parent", oldParent, newParent.code()));
            changes.add(new FieldChange("path", region.path(), newParent.path() + code + "/"));
            events.publishEvent(new RegionsChanged("move"));
        }
        if (!changes.isEmpty()) {
            changes.add(channel(channel));
            events.publishEvent(new Changed("region", region.id(), code, newParent != null ? "move" : "rename",
                    by.username(), changes, reason));
        }
        return regions.get(code);
    }

    private void move(Region region, Region newParent) {
        String oldPath = region.path();
        String newPath = newParent.path() + region.code() + "/";
        int delta = newParent.depth() + 1 - region.depth();
        jdbc.sql("update region set parent_id = ? where id = ?").params(newParent.id(), region.id()).update();
        // the subtree (the region included) in one statement: its paths' prefix replaced, depths shifted
        jdbc.sql("update region set path = ? || substr(path, ?), depth = depth + ? where path like ? escape '\\'")
                .params(newPath, oldPath.length() + 1, delta, Regions.likePrefix(oldPath)).update();
    }

    /**
     * Retires a region: it stays (figures, targets and the audit trail refer to it) and pages say it is
     * retired. Refused while live sub-regions, figures, targets, plans, live organisations or enabled
     * accounts refer to it.
     */
    @Transactional
    public void retire(String code, Editor by, Channel channel, String reason) {
        requireAuthor(by);
        Region region = regions.get(code);
        if (!by.mayEdit(region)) {
            throw new AccessDeniedException("region " + code + " is outside the editor's region");
        }
        if (isRetired(code)) {
            throw new InvalidInputException(InputProblem.of("request", 0, "code", code, RegionProblem.RETIRED));
        }
        Map<String, String> referrers = new LinkedHashMap<>();
        referrers.put("sub-regions", "select count(*) from region where parent_id = :id and retired_at is null");
        referrers.put("figures", "select count(*) from observation where region_id = :id");
        referrers.put("targets", "select count(*) from target where region_id = :id or comparator_region_id = :id");
        referrers.put("plans", "select count(*) from plan where region_id = :id");
        referrers.put("organisations", "select count(*) from organisation where region_id = :id and retired_at is null");
        referrers.put("accounts", "select count(*) from account where region_id = :id and enabled");
        List<InputProblem> problems = new ArrayList<>();
        int kind = 0; // which referrer, as the message's choice names it in each language
        for (String sql : referrers.values()) {
            long n = jdbc.sql(sql).param("id", region.id()).query(Long.class).single();
            if (n > 0) {
                problems.add(InputProblem.of("request", 0, "code", code, RegionProblem.RETIRE_REFERRED, n, kind));
            }
            kind++;
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Instant now = clock.instant();
        jdbc.sql("update region set retired_at = ? where id = ?")
                .params(java.sql.Timestamp.from(now), region.id()).update();
        events.publishEvent(Changed.of("region", region.id(), code, "retire", by.username(), reason,
                new FieldChange("retired_at", null, now.toString()), channel(channel)));
        events.publishEvent(new RegionsChanged("retire"));
    }

    /**
     * What a region is (code, parent, level, names, path, official, retired, and the codes, levels and names of its
     * ancestors and children, which its public answer shows), as text: the API's ETag of a region is its digest,
     * so that a change of any of these is a new tag.
     */
    public String state(Region r) {
        StringBuilder state = new StringBuilder(String.join("|", r.code(), String.valueOf(r.parentId()), r.level().name(),
                r.name().zh(), r.name().en(), String.valueOf(r.official()), r.path(), "retired=" + isRetired(r.code())));
        // the public answer also names the ancestors and children: a change of theirs is a new tag too
        regions.ancestors(r).forEach(a -> state.append("|^").append(a.code()).append(' ').append(a.level()).append(' ')
                .append(a.name().zh()).append(' ').append(a.name().en()));
        regions.children(r).forEach(c -> state.append("|v").append(c.code()).append(' ').append(c.level()).append(' ')
                .append(c.name().zh()).append(' ').append(c.name().en()));
        return state.toString();
    }

    /** Whether a region is retired. */
    public boolean isRetired(String code) {
        return jdbc.sql("select count(*) from region where code = ? and retired_at is not null").param(code)
                .query(Long.class).single() > 0;
    }

    static FieldChange channel(Channel channel) {
        return new FieldChange("channel", null, channel.label());
    }

    static void requireAuthor(Editor by) {
        if (!by.mayAuthor()) {
            throw new AccessDeniedException(by.username() + " may not author regions or organisations");
        }
    }

    private static String strip(@Nullable String s) {
        return s == null ? "" : s.strip();
    }

    private static @Nullable RegionLevel level(String source, int row, @Nullable String text, List<InputProblem> problems) {
        String t = strip(text);
        if (t.isEmpty()) {
            problems.add(InputProblem.of(source, row, "level", t, RegionProblem.REQUIRED));
            return null;
        }
        try {
            return RegionLevel.valueOf(t.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(InputProblem.of(source, row, "level", t, RegionProblem.UNKNOWN_LEVEL,
                    Arrays.stream(RegionLevel.values()).map(Enum::name).collect(Collectors.joining(", "))));
            return null;
        }
    }

    /** Both names; one may be missing (the other stands in, a Chinese name transliterated). */
    private static @Nullable LocalizedText names(String source, int row, @Nullable String zh, @Nullable String en,
                                                 List<InputProblem> problems) {
        String z = strip(zh);
        String e = strip(en);
        if (z.isEmpty() && e.isEmpty()) {
            problems.add(InputProblem.of(source, row, "nameZh", z, RegionProblem.REQUIRED));
            return null;
        }
        int before = problems.size();
        if (z.length() > NAME_MAX) {
            problems.add(InputProblem.of(source, row, "nameZh", z, RegionProblem.TOO_LONG, NAME_MAX));
        }
        if (e.length() > NAME_MAX) {
            problems.add(InputProblem.of(source, row, "nameEn", e, RegionProblem.TOO_LONG, NAME_MAX));
        }
        if (problems.size() > before) {
            return null;
        }
        return LocalizedText.of(z.isEmpty() ? e : z, e.isEmpty() ? Transliteration.placeName(z) : e);
    }

    private static String checkName(String source, String field, String value, List<InputProblem> problems) {
        String v = value.strip();
        if (v.isEmpty()) {
            problems.add(InputProblem.of(source, 0, field, v, RegionProblem.REQUIRED));
        } else if (v.length() > NAME_MAX) {
            problems.add(InputProblem.of(source, 0, field, v, RegionProblem.TOO_LONG, NAME_MAX));
        }
        return v;
    }

    /** Finds a region or answers 404. */
    Region get(String code) {
        return regions.find(code).orElseThrow(() -> new NotFoundException("region", code));
    }
}
