package org.yardstick.index;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yardstick.audit.AuditTrail;
import org.yardstick.audit.Changed;
import org.yardstick.framework.Indicators;
import org.yardstick.index.DefinitionReader.Reading;
import org.yardstick.index.DefinitionReader.Ref;
import org.yardstick.region.Regions;
import org.yardstick.security.CurrentUser;
import org.yardstick.shared.FileProblem;
import org.yardstick.shared.FileSet;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.InvalidInputException;
import org.yardstick.shared.NotFoundException;

/**
 * The index definitions of the platform (指数定义库): read, checked, saved as new versions by
 * planners in the editor (optimistically locked: a save names the version it was edited from), and
 * loaded from files. Every save publishes an {@link Changed} event in its transaction.
 */
@Service
public class IndexDefinitions {

    /** The origin of versions saved in the application's editor. */
    public static final String EDITOR = "editor";
    /** The origin of versions saved through {@code PUT /api/v1/indices/{code}}. */
    public static final String API = "api";
    static final String AUDIT_TYPE = "index";
    /** The longest note a save may carry. */
    public static final int MAX_NOTE = AuditTrail.MAX_REASON;

    private static final String CURRENT = """
            select d.id, d.code, v.version, v.yaml, v.created_at, v.created_by
            from index_definition d
            join index_definition_version v on v.definition_id = d.id and v.version = d.version
            """;

    /** Someone saved the definition after it was opened for editing; nothing was saved. */
    public static final class Conflict extends RuntimeException {

        private final String code;
        private final int basedOn;
        private final IndexVersion current;

        Conflict(String code, int basedOn, IndexVersion current) {
            super("index " + code + " was edited from version " + basedOn + " but is at version " + current.version());
            this.code = code;
            this.basedOn = basedOn;
            this.current = current;
        }

        public String code() {
            return code;
        }

        /** The version the editor started from. */
        public int basedOn() {
            return basedOn;
        }

        /** The version saved meanwhile, with who saved it and when. */
        public IndexVersion current() {
            return current;
        }
    }

    /**
     * What a save did.
     *
     * @param definition the current version after the save
     * @param changed false when the text was the same as the current version's (no version was made)
     */
    public record Saved(IndexDefinition definition, boolean changed) {}

    private record Stored(long id, String code, int version, String yaml, Instant savedAt, String savedBy) {}

    private final JdbcClient jdbc;
    private final Regions regions;
    private final Indicators indicators;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;

    IndexDefinitions(JdbcClient jdbc, Regions regions, Indicators indicators, CurrentUser currentUser,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.regions = regions;
        this.indicators = indicators;
        this.currentUser = currentUser;
        this.events = events;
    }

    // ---- reading

    /** The current version of every definition, by code. */
    public List<IndexDefinition> all() {
        return jdbc.sql(CURRENT + " order by d.code").query(IndexDefinitions::stored).list().stream()
                .map(IndexDefinitions::definition).toList();
    }

    public Optional<IndexDefinition> find(String code) {
        return stored(code).map(IndexDefinitions::definition);
    }

    /** The current version, or a {@link NotFoundException}. */
    public IndexDefinition get(String code) {
        return find(code).orElseThrow(() -> new NotFoundException("index", code));
    }

    /** One version of a definition, or a {@link NotFoundException}. */
    public IndexDefinition version(String code, int version) {
        return jdbc.sql("""
                        select d.id, d.code, v.version, v.yaml, v.created_at, v.created_by
                        from index_definition d join index_definition_version v on v.definition_id = d.id
                        where d.code = ? and v.version = ?""")
                .param(code).param(version).query(IndexDefinitions::stored).optional()
                .map(IndexDefinitions::definition)
                .orElseThrow(() -> new NotFoundException("index", code + " v" + version));
    }

    /** Every version of a definition, newest first. */
    public List<IndexVersion> history(String code) {
        return jdbc.sql("""
                        select v.version, v.created_at, v.created_by, v.origin, v.note
                        from index_definition d join index_definition_version v on v.definition_id = d.id
                        where d.code = ? order by v.version desc""")
                .param(code).query((rs, n) -> new IndexVersion(rs.getInt(1), rs.getTimestamp(2).toInstant(),
                        rs.getString(3), rs.getString(4), rs.getString(5))).list();
    }

    private Optional<Stored> stored(String code) {
        return jdbc.sql(CURRENT + " where d.code = ?").param(code).query(IndexDefinitions::stored).optional();
    }

    private static Stored stored(ResultSet rs, int row) throws SQLException {
        return new Stored(rs.getLong("id"), rs.getString("code"), rs.getInt("version"), rs.getString("yaml"),
                rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"));
    }

    private static IndexDefinition definition(Stored s) {
        Reading r = DefinitionReader.read(s.code() + ".yaml", s.yaml());
        return definition(r, s.version(), s.yaml(), s.savedAt(), s.savedBy());
    }

    private static IndexDefinition definition(Reading r, int version, String yaml, Instant at, String by) {
        Map<String, String> published = new LinkedHashMap<>();
        r.published().forEach((node, ref) -> published.put(node, ref.code()));
        return new IndexDefinition(r.spec().code(), version, yaml, r.spec(), r.coverage(), published, at, by);
    }

    // ---- checking

    /**
     * Every problem of a definition's text, each with its line and field; empty when it may be
     * saved.
     *
     * @param editing the code of the definition being edited (its code may not change); null for a new one
     */
    public List<InputProblem> check(String yaml, @Nullable String editing) {
        try {
            read(source(editing), yaml, editing);
            return List.of();
        } catch (InvalidInputException e) {
            return e.problems();
        }
    }

    private static String source(@Nullable String editing) {
        return (editing == null ? "index" : editing) + ".yaml";
    }

    /** Reads a definition and checks what it names (the region, the indicators) and its code. */
    private Reading read(String source, String yaml, @Nullable String editing) {
        Reading r = readChecked(source, yaml);
        String code = r.spec().code();
        if (editing != null && !editing.equals(code)) {
            throw new InvalidInputException(InputProblem.of(source, r.code().line(), r.code().field(), code,
                    IndexDefinitionProblem.CODE_CHANGED, editing));
        } else if (editing == null && stored(code).isPresent()) {
            throw new InvalidInputException(r.code().problem(source, IndexDefinitionProblem.CODE_TAKEN));
        }
        return r;
    }

    /** Reads a definition and checks what it names; every problem of the form and the names together. */
    private Reading readChecked(String source, String yaml) {
        List<InputProblem> problems = new ArrayList<>();
        Reading r = null;
        try {
            r = DefinitionReader.read(source, yaml);
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
        }
        problems.addAll(references(source, DefinitionReader.refs(source, yaml)));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return r;
    }

    private List<InputProblem> references(String source, DefinitionReader.Refs r) {
        List<InputProblem> problems = new ArrayList<>();
        if (r.scope() != null && regions.find(r.scope().code()).isEmpty()) {
            problems.add(r.scope().problem(source, IndexDefinitionProblem.UNKNOWN_REGION));
        }
        for (Ref ref : r.referenceRegions()) {
            if (regions.find(ref.code()).isEmpty()) {
                problems.add(ref.problem(source, IndexDefinitionProblem.UNKNOWN_REGION));
            }
        }
        List<Ref> refs = r.indicators();
        Set<String> known = indicators.byCodes(refs.stream().map(Ref::code).toList()).keySet();
        for (Ref ref : refs) {
            if (!known.contains(ref.code())) {
                problems.add(ref.problem(source, IndexDefinitionProblem.UNKNOWN_INDICATOR));
            }
        }
        return problems;
    }

    // ---- saving

    /**
     * Saves a definition from the editor as a new version, if it is valid and differs from the
     * current one. Planners and administrators only, for indices whose scope region (before and after
     * the change) is inside their own.
     *
     * @param editing the code of the definition edited; null to create a new one
     * @param basedOn the version the text was edited from (0 for a new definition)
     * @param note why, as the person wrote it
     * @throws InvalidInputException with every problem of the text; nothing is saved
     * @throws Conflict when another version was saved since {@code basedOn}; nothing is saved
     * @throws org.springframework.security.access.AccessDeniedException when a scope region is outside the account's
     */
    @Transactional
    public Saved save(@Nullable String editing, int basedOn, String yaml, String note) {
        return save(editing, basedOn, yaml, note, EDITOR);
    }

    /**
     * Saves as {@link #save(String, int, String, String)} with the channel it came through recorded
     * as the version's origin ({@link #EDITOR}, {@link #API}).
     */
    @Transactional
    public Saved save(@Nullable String editing, int basedOn, String yaml, String note, String origin) {
        currentUser.requirePlan();
        String actor = currentUser.name();
        if (note.length() > MAX_NOTE) {
            throw new InvalidInputException(InputProblem.of("note", 0, "note", note, FileProblem.TOO_LARGE,
                    MAX_NOTE + " characters"));
        }
        Reading r = read(source(editing), yaml, editing);
        // scope: the index is computed over its scope region, which must be the planner's own
        currentUser.requirePlan(regions.get(r.coverage().scopeCode()));
        if (editing == null) {
            return new Saved(create(r, yaml, origin, note, actor), true);
        }
        Stored current = stored(editing).orElseThrow(() -> new InvalidInputException(
                r.code().problem(source(editing), IndexDefinitionProblem.NOT_FOUND)));
        // and the version being replaced: another region's index cannot be taken over by moving its scope
        currentUser.requirePlan(regions.get(definition(current).coverage().scopeCode()));
        if (current.version() != basedOn) {
            throw conflict(editing, basedOn);
        }
        if (current.yaml().equals(yaml)) {
            return new Saved(definition(current), false);
        }
        return new Saved(update(current, r, yaml, origin, note, actor), true);
    }

    /**
     * Loads the definitions in the {@code .yaml} files of a directory: new codes are created, changed
     * texts saved as new versions, unchanged ones left alone. Every file is checked first; a problem
     * in any writes nothing.
     *
     * @return how many versions were written
     */
    @Transactional
    public int load(FileSet files, String directory, String actor) {
        List<InputProblem> problems = new ArrayList<>();
        Map<String, Reading> readings = new LinkedHashMap<>();
        Map<String, String> texts = new HashMap<>();
        Map<String, String> origins = new HashMap<>();
        Set<String> codes = new HashSet<>();
        for (String name : files.list(directory, ".yaml")) {
            String source = files.describe(name);
            String yaml = files.read(name).orElse("");
            try {
                Reading r = readChecked(source, yaml);
                if (!codes.add(r.spec().code())) {
                    problems.add(r.code().problem(source, IndexDefinitionProblem.CODE_TAKEN));
                }
                readings.put(source, r);
                texts.put(source, yaml);
                origins.put(source, name);
            } catch (InvalidInputException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        int written = 0;
        for (Map.Entry<String, Reading> e : readings.entrySet()) {
            Reading r = e.getValue();
            String yaml = texts.get(e.getKey());
            String origin = origins.get(e.getKey());
            Optional<Stored> current = stored(r.spec().code());
            if (current.isEmpty()) {
                create(r, yaml, origin, "", actor);
                written++;
            } else if (!current.get().yaml().equals(yaml)) {
                update(current.get(), r, yaml, origin, "", actor);
                written++;
            }
        }
        return written;
    }

    private IndexDefinition create(Reading r, String yaml, String origin, String note, String actor) {
        Timestamp now = Timestamp.from(Instant.now());
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        try {
            jdbc.sql("""
                    insert into index_definition (code, name_zh, name_en, version, created_at, updated_at, created_by,
                                                  updated_by)
                    values (?, ?, ?, 1, ?, ?, ?, ?)""")
                    .params(r.spec().code(), r.spec().nameZh(), r.spec().nameEn(), now, now, actor, actor)
                    .update(keys, "id");
        } catch (DuplicateKeyException e) {
            throw new InvalidInputException(r.code().problem(r.spec().code() + ".yaml", IndexDefinitionProblem.CODE_TAKEN));
        }
        long id = keys.getKey().longValue();
        insertVersion(id, 1, yaml, origin, note, now, actor);
        events.publishEvent(new Changed(AUDIT_TYPE, id, r.spec().code(), "create", actor, List.of(
                new Changed.FieldChange("version", null, "1"),
                new Changed.FieldChange("name_zh", null, r.spec().nameZh()),
                new Changed.FieldChange("name_en", null, r.spec().nameEn()),
                new Changed.FieldChange("origin", null, origin)), note));
        return definition(r, 1, yaml, now.toInstant(), actor);
    }

    private IndexDefinition update(Stored current, Reading r, String yaml, String origin, String note, String actor) {
        Timestamp now = Timestamp.from(Instant.now());
        int next = current.version() + 1;
        int updated = jdbc.sql("""
                        update index_definition set version = ?, name_zh = ?, name_en = ?, updated_at = ?, updated_by = ?
                        where id = ? and version = ?""")
                .params(next, r.spec().nameZh(), r.spec().nameEn(), now, actor, current.id(), current.version())
                .update();
        if (updated == 0) {
            throw conflict(current.code(), current.version());
        }
        insertVersion(current.id(), next, yaml, origin, note, now, actor);
        IndexDefinition before = definition(current);
        List<Changed.FieldChange> changes = new ArrayList<>();
        changes.add(new Changed.FieldChange("version", Integer.toString(current.version()), Integer.toString(next)));
        if (!before.spec().nameZh().equals(r.spec().nameZh())) {
            changes.add(new Changed.FieldChange("name_zh", before.spec().nameZh(), r.spec().nameZh()));
        }
        if (!before.spec().nameEn().equals(r.spec().nameEn())) {
            changes.add(new Changed.FieldChange("name_en", before.spec().nameEn(), r.spec().nameEn()));
        }
        changes.add(new Changed.FieldChange("origin", null, origin));
        events.publishEvent(new Changed(AUDIT_TYPE, current.id(), current.code(), "update", actor, changes, note));
        return definition(r, next, yaml, now.toInstant(), actor);
    }

    private void insertVersion(long id, int version, String yaml, String origin, String note, Timestamp at,
            String actor) {
        jdbc.sql("""
                insert into index_definition_version (definition_id, version, yaml, origin, note, created_at, created_by)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(id, version, yaml, origin, note, at, actor).update();
    }

    private Conflict conflict(String code, int basedOn) {
        IndexVersion current = history(code).get(0);
        return new Conflict(code, basedOn, current);
    }
}
