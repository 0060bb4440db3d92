package org.yardstick.assessment.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yardstick.assessment.engine.AssessmentProblem;
import org.yardstick.assessment.engine.Questionnaire;
import org.yardstick.assessment.engine.QuestionnaireReader;
import org.yardstick.audit.Changed.FieldChange;
import org.yardstick.audit.Changed;
import org.yardstick.security.CurrentUser;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.InvalidInputException;

/**
 * The questionnaire versions, kept as their YAML: an assessment is always scored under the version it was
 * answered in, so a new version never changes old scores. Where none is stored yet, the bundled example
 * (labelled as an example, not an official scheme) is installed as version 1.
 */
@Service
public class Questionnaires {

    static final String EXAMPLE = "/demo/assessment/example-questionnaire.yaml";

    /** A stored version: its identity and its content. */
    public record Version(long id, Questionnaire questionnaire) {}

    static final String AUDIT_TYPE = "questionnaire";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Map<Long, Questionnaire> byId = new ConcurrentHashMap<>();

    Questionnaires(JdbcClient jdbc, Clock clock, CurrentUser currentUser, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.currentUser = currentUser;
        this.events = events;
    }

    /** The newest version (of any code), installing the example when there is none. */
    @Transactional
    public Version latest() {
        var id = jdbc.sql("select id from asm_questionnaire order by created_at desc, id desc fetch first 1 rows only")
                .query(Long.class).optional();
        if (id.isEmpty()) {
            return install(example(), CurrentUser.SYSTEM);
        }
        return new Version(id.get(), byId(id.get()));
    }

    public Questionnaire byId(long id) {
        return byId.computeIfAbsent(id, k -> QuestionnaireReader.read("questionnaire " + k,
                jdbc.sql("select yaml from asm_questionnaire where id = ?").param(k).query(String.class).single()));
    }

    /** A stored version, by its code and number. */
    public Optional<Version> find(String code, int version) {
        return jdbc.sql("select id from asm_questionnaire where code = ? and version = ?").params(code, version)
                .query(Long.class).optional().map(id -> new Version(id, byId(id)));
    }

    /** A stored version as listed: who installed it when, and how many assessments were made under it. */
    public record Listed(long id, String code, int version, String createdBy, OffsetDateTime createdAt,
                         int assessments, int submitted) {}

    /** Every stored version, newest first. */
    public List<Listed> versions() {
        return jdbc.sql("select q.id, q.code, q.version, q.created_by, q.created_at, "
                        + "(select count(*) from asm_assessment a where a.questionnaire_id = q.id), "
                        + "(select count(*) from asm_assessment a where a.questionnaire_id = q.id and a.status = 'SUBMITTED') "
                        + "from asm_questionnaire q order by q.created_at desc, q.id desc")
                .query((rs, n) -> new Listed(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class), rs.getInt(6), rs.getInt(7)))
                .list();
    }

    /** The stored file of a version, as installed. */
    public String yaml(long id) {
        return jdbc.sql("select yaml from asm_questionnaire where id = ?").param(id).query(String.class).optional()
                .orElseThrow(() -> new org.yardstick.shared.NotFoundException("questionnaire", String.valueOf(id)));
    }

    /**
     * A planner's (or an administrator's) new version: the file checked whole (weights and points add up, stages
     * neither overlap nor leave a gap, each problem with its line and field), its version above every stored
     * one of its code; unless {@code dryRun}, stored and audited. Old assessments keep the version they were
     * scored under.
     *
     * @throws InvalidInputException naming each problem; nothing is stored then
     */
    @Transactional
    public Version upload(String source, String yaml, boolean dryRun, @Nullable String channel) {
        currentUser.requirePlan();
        Questionnaire q = QuestionnaireReader.read(source, yaml);
        int newest = jdbc.sql("select coalesce(max(version), 0) from asm_questionnaire where code = ?").param(q.code())
                .query(Integer.class).single();
        if (q.version() <= newest) {
            throw new InvalidInputException(InputProblem.of(source, 0, "version", String.valueOf(q.version()),
                    AssessmentProblem.VERSION_NOT_NEWER, q.code(), newest));
        }
        if (dryRun) {
            return new Version(0, q);
        }
        Version v = install(yaml, currentUser.name());
        List<FieldChange> changes = new java.util.ArrayList<>(List.of(
                new FieldChange("version", newest == 0 ? null : String.valueOf(newest), String.valueOf(q.version())),
                new FieldChange("dimensions", null, String.join(", ",
                        q.dimensions().stream().map(d -> d.code() + " " + d.weight().toPlainString()).toList()))));
        if (channel != null) {
            changes.add(new FieldChange("channel", null, channel));
        }
        events.publishEvent(new Changed(AUDIT_TYPE, v.id(), q.code() + "/v" + q.version(), "create",
                currentUser.name(), changes, ""));
        return v;
    }

    /** Stores a new version after checking the file whole. */
    @Transactional
    public Version install(String yaml, String actor) {
        Questionnaire q = QuestionnaireReader.read("questionnaire.yaml", yaml);
        jdbc.sql("insert into asm_questionnaire (code, version, yaml, created_by, created_at) values (?, ?, ?, ?, ?)")
                .params(q.code(), q.version(), yaml, actor, OffsetDateTime.now(clock)).update();
        long id = jdbc.sql("select id from asm_questionnaire where code = ? and version = ?")
                .params(q.code(), q.version()).query(Long.class).single();
        return new Version(id, q);
    }

    public static String example() {
        try (InputStream in = Questionnaires.class.getResourceAsStream(EXAMPLE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
