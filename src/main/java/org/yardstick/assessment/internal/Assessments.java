package org.yardstick.assessment.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yardstick.assessment.AssessmentStatusChanged;
import org.yardstick.assessment.engine.Answer;
import org.yardstick.assessment.engine.AssessmentProblem;
import org.yardstick.assessment.engine.Disclosure;
import org.yardstick.assessment.engine.PeerPosition;
import org.yardstick.assessment.engine.Questionnaire;
import org.yardstick.assessment.engine.Scoring.Loss;
import org.yardstick.assessment.engine.Scoring.Score;
import org.yardstick.assessment.engine.Scoring;
import org.yardstick.assessment.engine.Stage;
import org.yardstick.audit.Changed.FieldChange;
import org.yardstick.audit.Changed;
import org.yardstick.region.Regions;
import org.yardstick.security.Account;
import org.yardstick.security.CurrentUser;
import org.yardstick.security.Role;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.InvalidInputException;
import org.yardstick.shared.LocalizedText;
import org.yardstick.shared.NotFoundException;

/**
 * Answering and scoring: an enterprise account saves drafts of its own enterprise's answers, resumes and
 * submits them (scored then, under the questionnaire version answered, and frozen); the reviewer of the
 * enterprise's region may return a submission with a reason. Every change goes to the audit trail.
 */
@Service
public class Assessments {

    static final String AUDIT_TYPE = "assessment";

    /** An assessment as stored, with its questionnaire version. */
    public record View(
            long id, Enterprise enterprise, long questionnaireId, Questionnaire questionnaire, AssessmentStatus status,
            Map<String, Answer> answers, @Nullable BigDecimal total, @Nullable Stage stage,
            @Nullable String returnReason, int version, @Nullable String variant) {}

    /**
     * A submitted assessment's result: its score, strongest and weakest dimensions, the questions that cost
     * most points, and its position in three peer groups — same industry division, same prefecture, same size
     * class — each shown only when that group passes disclosure control.
     */
    public record Result(View assessment, Score score, String strongest, String weakest, List<Loss> costliest,
                         List<Peers> peers) {}

    /** The three peer groups an enterprise is compared within, separately. */
    public enum PeerGroup { INDUSTRY, REGION, SIZE }

    /**
     * The position in one peer group: submitted assessments under the same questionnaire version and the same
     * per-industry variant (scores of different variants are not compared).
     *
     * @param key the group's key: industry division (e.g. {@code 39}), prefecture code, or size class
     * @param regionName the prefecture's name, for the REGION group only
     * @param verdict PUBLISHED, or why the group is withheld (TOO_FEW, DOMINATED)
     * @param count how many enterprises the group has (the enterprise included); null when withheld
     * @param percentile the share of peers (the enterprise excluded) with a lower total, 0–100; null when withheld
     * @param medians the group's median score per dimension (null where that dimension is withheld); empty when
     *     the group is
     */
    public record Peers(PeerGroup group, String key, @Nullable LocalizedText regionName, Disclosure.Verdict verdict, @Nullable Integer count,
                        @Nullable BigDecimal percentile, Map<String, @Nullable BigDecimal> medians) {
        public boolean suppressed() {
            return verdict != Disclosure.Verdict.PUBLISHED;
        }
    }

    private final JdbcClient jdbc;
    private final Enterprises enterprises;
    private final Questionnaires questionnaires;
    private final CurrentUser currentUser;
    private final Regions regions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Assessments(JdbcClient jdbc, Enterprises enterprises, Questionnaires questionnaires, CurrentUser currentUser,
                Regions regions, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.enterprises = enterprises;
        this.questionnaires = questionnaires;
        this.currentUser = currentUser;
        this.regions = regions;
        this.events = events;
        this.clock = clock;
    }

    private Enterprise myEnterprise() {
        Account a = currentUser.account().orElseThrow(() -> new AccessDeniedException("not signed in"));
        if (a.role() != Role.ENTERPRISE) {
            throw new AccessDeniedException("only enterprise accounts answer questionnaires");
        }
        return enterprises.mine().orElseThrow(() -> new InvalidInputException(
                InputProblem.of("assessment", 0, "enterprise", a.organisationCode(), AssessmentProblem.NO_ENTERPRISE)));
    }

    /** The signed-in enterprise's assessment under the newest questionnaire, if it has started one. */
    public Optional<View> mine() {
        Enterprise e = myEnterprise();
        Questionnaires.Version v = questionnaires.latest();
        return jdbc.sql("select id from asm_assessment where enterprise_id = ? and questionnaire_id = ?")
                .params(e.id(), v.id()).query(Long.class).optional().map(this::load);
    }

    public View get(long id) {
        View v = load(id);
        requireSee(v.enterprise());
        return v;
    }

    private void requireSee(Enterprise e) {
        Account a = currentUser.account().orElseThrow(() -> new AccessDeniedException("not signed in"));
        boolean own = a.role() == Role.ENTERPRISE && Objects.equals(a.organisationCode(), e.organisationCode());
        if (!own && !currentUser.mayReview(regions.get(e.regionCode())) && a.role() != Role.ADMIN) {
            throw new AccessDeniedException("not this account's enterprise nor region");
        }
    }

    private View load(long id) {
        record Row(long enterpriseId, long questionnaireId, String status, @Nullable BigDecimal total,
                   @Nullable String stage, @Nullable String reason, int version, @Nullable String variant) {}
        Row r = jdbc.sql("select enterprise_id, questionnaire_id, status, total_score, stage, return_reason, version, "
                        + "variant from asm_assessment where id = ?").param(id)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getBigDecimal(4),
                        rs.getString(5), rs.getString(6), rs.getInt(7), rs.getString(8)))
                .optional().orElseThrow(() -> new NotFoundException("assessment", String.valueOf(id)));
        Map<String, Answer> answers = new LinkedHashMap<>();
        jdbc.sql("select question_code, answer_value, unit from asm_answer where assessment_id = ? order by question_code")
                .param(id).query((rs, n) -> new Answer(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list().forEach(a -> answers.put(a.question(), a));
        return new View(id, enterprises.find(r.enterpriseId()).orElseThrow(), r.questionnaireId(),
                questionnaires.byId(r.questionnaireId()).applied(r.variant()), AssessmentStatus.valueOf(r.status()),
                answers, r.total(), r.stage() == null ? null : Stage.valueOf(r.stage()), r.reason(), r.version(),
                r.variant());
    }

    /**
     * Saves answers as a draft: given answers replace stored ones, an empty value removes one; answers not
     * given stay. Checked whole first: a wrong answer refuses the lot, naming question, value and reason.
     */
    @Transactional
    public View saveDraft(List<Answer> given) {
        Enterprise e = myEnterprise();
        Questionnaires.Version v = questionnaires.latest();
        Map<String, Answer> byQuestion = new LinkedHashMap<>();
        given.forEach(a -> byQuestion.put(a.question(), a));
        // the variant of the enterprise's industry: a question it removes is not one to answer
        Questionnaire q = v.questionnaire().answeredBy(e.industryCode());
        List<InputProblem> problems = Scoring.check(q, byQuestion, false);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        long id = jdbc.sql("select id from asm_assessment where enterprise_id = ? and questionnaire_id = ?")
                .params(e.id(), v.id()).query(Long.class).optional().orElseGet(() -> create(e, v));
        View before = load(id);
        requireEditable(before);
        List<FieldChange> changes = new ArrayList<>();
        for (Answer given1 : byQuestion.values()) {
            var question = q.question(given1.question()).orElseThrow();
            // stored with the question's own unit (the answer's, if given, was checked to be the same)
            Answer a = new Answer(given1.question(), given1.value(), question.unit());
            Answer old = before.answers().get(a.question());
            String oldText = old == null ? null : text(old);
            String newText = a.value().isEmpty() ? null : text(a);
            if (Objects.equals(oldText, newText)) {
                continue;
            }
            jdbc.sql("delete from asm_answer where assessment_id = ? and question_code = ?").params(id, a.question())
                    .update();
            if (newText != null) {
                jdbc.sql("insert into asm_answer (assessment_id, question_code, answer_value, unit) values (?, ?, ?, ?)")
                        .params(id, a.question(), a.value(), a.unit()).update();
            }
            changes.add(new FieldChange(a.question(), oldText, newText));
        }
        if (!changes.isEmpty()) {
            jdbc.sql("update asm_assessment set updated_at = ?, version = version + 1 where id = ?")
                    .params(OffsetDateTime.now(clock), id).update();
            events.publishEvent(new Changed(AUDIT_TYPE, id, key(e, v), "update", currentUser.name(), changes, ""));
        }
        return load(id);
    }

    private static String text(Answer a) {
        return a.unit() == null ? a.value() : a.value() + " " + a.unit();
    }

    private long create(Enterprise e, Questionnaires.Version v) {
        jdbc.sql("insert into asm_assessment (enterprise_id, questionnaire_id, status, updated_at, variant) "
                        + "values (?, ?, ?, ?, ?)")
                .params(e.id(), v.id(), AssessmentStatus.DRAFT.name(), OffsetDateTime.now(clock),
                        v.questionnaire().answeredBy(e.industryCode()).variant()).update();
        long id = jdbc.sql("select id from asm_assessment where enterprise_id = ? and questionnaire_id = ?")
                .params(e.id(), v.id()).query(Long.class).single();
        events.publishEvent(Changed.of(AUDIT_TYPE, id, key(e, v), "create", currentUser.name(), ""));
        return id;
    }

    private static String key(Enterprise e, Questionnaires.Version v) {
        return e.creditCode() + "/" + v.questionnaire().code() + "/v" + v.questionnaire().version();
    }

    private static void requireEditable(View v) {
        if (v.status() == AssessmentStatus.SUBMITTED) {
            throw new InvalidInputException(InputProblem.of("assessment", 0, "status", v.status().name(),
                    AssessmentProblem.NOT_EDITABLE, v.status().name()));
        }
    }

    /** Submits the draft: every question must be answered; the score is computed and frozen. */
    @Transactional
    public View submit() {
        Enterprise e = myEnterprise();
        Questionnaires.Version v = questionnaires.latest();
        long id = jdbc.sql("select id from asm_assessment where enterprise_id = ? and questionnaire_id = ?")
                .params(e.id(), v.id()).query(Long.class).optional().orElseGet(() -> create(e, v));
        View before = load(id);
        requireEditable(before);
        List<InputProblem> problems = Scoring.check(before.questionnaire(), before.answers(), true);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Score s = Scoring.score(before.questionnaire(), before.answers());
        freeze(id, s, e, v);
        events.publishEvent(Changed.of(AUDIT_TYPE, id, key(e, v), "submit", currentUser.name(), "",
                new FieldChange("status", before.status().name(), AssessmentStatus.SUBMITTED.name()),
                new FieldChange("total", null, s.total().toPlainString()),
                new FieldChange("stage", null, s.stage().name())));
        return load(id);
    }

    /**
     * Stores an enterprise's complete, already checked answers under a version and submits them, scored and
     * frozen, for a bulk import by the region's 经信委 (a draft or returned assessment is replaced; a submitted
     * one must have been refused by the caller). Audited with its channel.
     */
    View submitImported(Enterprise e, Questionnaires.Version v, Map<String, Answer> answers, String actor,
                        String channel) {
        long id = jdbc.sql("select id from asm_assessment where enterprise_id = ? and questionnaire_id = ?")
                .params(e.id(), v.id()).query(Long.class).optional().orElseGet(() -> create(e, v));
        View before = load(id);
        requireEditable(before);
        List<FieldChange> changes = new ArrayList<>();
        jdbc.sql("delete from asm_answer where assessment_id = ?").param(id).update();
        for (Answer given : answers.values()) {
            Answer a = new Answer(given.question(), given.value(), before.questionnaire().question(given.question())
                    .orElseThrow().unit());
            jdbc.sql("insert into asm_answer (assessment_id, question_code, answer_value, unit) values (?, ?, ?, ?)")
                    .params(id, a.question(), a.value(), a.unit()).update();
            Answer old = before.answers().get(a.question());
            String oldText = old == null ? null : text(old);
            if (!Objects.equals(oldText, text(a))) {
                changes.add(new FieldChange(a.question(), oldText, text(a)));
            }
        }
        Score s = Scoring.score(before.questionnaire(), answers);
        freeze(id, s, e, v);
        changes.add(new FieldChange("status", before.status().name(), AssessmentStatus.SUBMITTED.name()));
        changes.add(new FieldChange("total", null, s.total().toPlainString()));
        changes.add(new FieldChange("stage", null, s.stage().name()));
        changes.add(new FieldChange("channel", null, channel));
        events.publishEvent(new Changed(AUDIT_TYPE, id, key(e, v), "submit", actor, changes, ""));
        return load(id);
    }

    /** Whether the enterprise has a submitted assessment under this version. */
    boolean submitted(long enterpriseId, long questionnaireId) {
        return jdbc.sql("select count(*) from asm_assessment where enterprise_id = ? and questionnaire_id = ? "
                + "and status = 'SUBMITTED'").params(enterpriseId, questionnaireId).query(Integer.class).single() > 0;
    }

    private void freeze(long id, Score s, Enterprise e, Questionnaires.Version v) {
        jdbc.sql("delete from asm_dimension_score where assessment_id = ?").param(id).update();
        s.dimensions().forEach((d, score) -> jdbc.sql(
                "insert into asm_dimension_score (assessment_id, dimension_code, score) values (?, ?, ?)")
                .params(id, d, score).update());
        jdbc.sql("update asm_assessment set status = ?, total_score = ?, stage = ?, submitted_at = ?, updated_at = ?, "
                        + "version = version + 1 where id = ?")
                .params(AssessmentStatus.SUBMITTED.name(), s.total(), s.stage().name(), OffsetDateTime.now(clock),
                        OffsetDateTime.now(clock), id).update();
        // the regional indicators follow every submission, from the form or an import (after commit)
        events.publishEvent(new AssessmentStatusChanged(id, v.id(), regions.get(e.regionCode()).id(),
                OffsetDateTime.now(clock).atZoneSameInstant(clock.getZone()).getYear()));
    }

    /** The region's reviewer (or an administrator) returns a submission to the enterprise, saying why. */
    @Transactional
    public View returnToEnterprise(long id, @Nullable String reason) {
        View before = load(id);
        Account a = currentUser.account().orElseThrow(() -> new AccessDeniedException("not signed in"));
        if (a.role() != Role.ADMIN && !(a.role() == Role.REVIEWER
                && currentUser.mayReview(regions.get(before.enterprise().regionCode())))) {
            throw new AccessDeniedException("not the reviewer of this enterprise's region");
        }
        String why = reason == null ? "" : reason.strip();
        List<InputProblem> problems = new ArrayList<>();
        if (before.status() != AssessmentStatus.SUBMITTED) {
            problems.add(InputProblem.of("assessment", 0, "status", before.status().name(),
                    AssessmentProblem.NOT_SUBMITTED, before.status().name()));
        }
        if (why.isEmpty()) {
            problems.add(InputProblem.of("assessment", 0, "reason", "", AssessmentProblem.REQUIRED));
        } else if (why.length() > 2000) {
            problems.add(InputProblem.of("assessment", 0, "reason", why, AssessmentProblem.TOO_LONG, 2000));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        java.sql.Timestamp submittedAt = jdbc.sql("select submitted_at from asm_assessment where id = ?").param(id)
                .query(java.sql.Timestamp.class).single();
        jdbc.sql("update asm_assessment set status = ?, return_reason = ?, updated_at = ?, version = version + 1 "
                        + "where id = ?")
                .params(AssessmentStatus.RETURNED.name(), why, OffsetDateTime.now(clock), id).update();
        events.publishEvent(Changed.of(AUDIT_TYPE, id, before.enterprise().creditCode() + "/"
                        + before.questionnaire().code() + "/v" + before.questionnaire().version(), "return",
                a.username(), why, new FieldChange("status", before.status().name(), AssessmentStatus.RETURNED.name())));
        events.publishEvent(new AssessmentStatusChanged(id, before.questionnaireId(),
                regions.get(before.enterprise().regionCode()).id(), submittedAt.toInstant().atZone(clock.getZone()).getYear()));
        return load(id);
    }

    /** The result of the signed-in enterprise's submitted assessment, if it has one. */
    public Optional<Result> myResult() {
        return mine().filter(v -> v.status() == AssessmentStatus.SUBMITTED).map(this::result);
    }

    public Result result(long id) {
        return result(get(id));
    }

    private Result result(View v) {
        Score s = Scoring.score(v.questionnaire(), v.answers());
        var ranked = v.questionnaire().dimensions().stream()
                .sorted(Comparator.comparing((Questionnaire.Dimension d) -> s.dimensions().get(d.code()))).toList();
        List<Loss> costliest = s.losses().stream().filter(l -> l.points().signum() > 0).limit(5).toList();
        return new Result(v, s, ranked.get(ranked.size() - 1).code(), ranked.get(0).code(), costliest, peers(v, s));
    }

    /**
     * Peers: submitted assessments under the same questionnaire version, in the same industry division (2
     * characters), in the same prefecture (the county's parent region), and of the same size class — three
     * groups, each under disclosure control separately.
     */
    private List<Peers> peers(View v, Score s) {
        Enterprise me = v.enterprise();
        String industry = me.industryCode().length() > 2 ? me.industryCode().substring(0, 2) : me.industryCode();
        var county = regions.get(me.regionCode());
        var prefecture = county.parentId() == null ? county : regions.find(county.parentId()).orElse(county);
        // scores compare within one variant only: peers answered the same one (or, like the enterprise, none)
        String variant = v.variant() == null ? "-" : v.variant();
        record Row(long assessment, long enterprise, double total, String industry, String size, String path) {}
        List<Row> rows = jdbc.sql("select a.id, a.enterprise_id, a.total_score, e.industry_code, e.size_class, r.path "
                        + "from asm_assessment a join asm_enterprise e on e.id = a.enterprise_id join region r on r.id = e.region_id "
                        + "where a.questionnaire_id = ? and a.status = 'SUBMITTED' and coalesce(a.variant, '-') = ? "
                        + "and (substring(e.industry_code, 1, 2) = ? or e.size_class = ? or r.path like ?)")
                .params(v.questionnaireId(), variant, industry, me.sizeClass().name(), prefecture.path() + "%")
                .query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getBigDecimal(3).doubleValue(),
                        rs.getString(4), rs.getString(5), rs.getString(6)))
                .list();
        Map<Long, Map<String, Double>> dims = new HashMap<>();
        jdbc.sql("select d.assessment_id, d.dimension_code, d.score from asm_dimension_score d "
                        + "join asm_assessment a on a.id = d.assessment_id join asm_enterprise e on e.id = a.enterprise_id "
                        + "join region r on r.id = e.region_id where a.questionnaire_id = ? and a.status = 'SUBMITTED' "
                        + "and coalesce(a.variant, '-') = ? "
                        + "and (substring(e.industry_code, 1, 2) = ? or e.size_class = ? or r.path like ?)")
                .params(v.questionnaireId(), variant, industry, me.sizeClass().name(), prefecture.path() + "%")
                .query((rs, n) -> {
                    dims.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getString(2),
                            rs.getBigDecimal(3).doubleValue());
                    return 0;
                }).list();
        Map<String, Double> mine = new LinkedHashMap<>();
        s.dimensions().forEach((d, x) -> mine.put(d, x.doubleValue()));
        List<String> dimensionCodes = v.questionnaire().dimensions().stream().map(Questionnaire.Dimension::code).toList();
        List<Peers> out = new ArrayList<>();
        for (PeerGroup g : PeerGroup.values()) {
            Map<Long, PeerPosition.PeerScores> group = new HashMap<>();
            for (Row r : rows) {
                boolean in = switch (g) {
                    case INDUSTRY -> (r.industry().length() > 2 ? r.industry().substring(0, 2) : r.industry()).equals(industry);
                    case REGION -> r.path().startsWith(prefecture.path());
                    case SIZE -> r.size().equals(me.sizeClass().name());
                };
                if (in) {
                    group.put(r.enterprise(), new PeerPosition.PeerScores(r.total(), dims.getOrDefault(r.assessment(), Map.of())));
                }
            }
            group.put(me.id(), new PeerPosition.PeerScores(s.total().doubleValue(), mine));
            PeerPosition.Position p = PeerPosition.of(me.id(), group, dimensionCodes);
            String key = switch (g) {
                case INDUSTRY -> industry;
                case REGION -> prefecture.code();
                case SIZE -> me.sizeClass().name();
            };
            out.add(new Peers(g, key, g == PeerGroup.REGION ? prefecture.name() : null, p.verdict(), p.count(), p.percentile(), p.medians()));
        }
        return out;
    }
}
