package org.yardstick.observation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yardstick.audit.Changed.FieldChange;
import org.yardstick.audit.Changed;
import org.yardstick.observation.internal.Combinations;
import org.yardstick.observation.internal.FigureStore;
import org.yardstick.observation.internal.FormChannel;
import org.yardstick.observation.internal.ObservationEditor;
import org.yardstick.observation.internal.ValueCommentStore;
import org.yardstick.region.Region;
import org.yardstick.region.Regions;
import org.yardstick.security.CurrentUser;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.InvalidInputException;
import org.yardstick.shared.NotFoundException;

/**
 * The approval workflow (审核流程): a reporter submits a region's figures; a reviewer one level up
 * (or higher) approves them — then they are public, count for progress and indices, and are locked —
 * or returns them with a reason; a reviewer reopens approved figures with a reason. Every step names
 * the version it saw, so two reviewers cannot act on the same submission twice.
 */
@Service
public class Submissions {

    private final FigureStore store;
    private final DataSets dataSets;
    private final Regions regions;
    private final CurrentUser currentUser;
    private final ObservationEditor editor;
    private final ApplicationEventPublisher events;
    private final ValueCommentStore comments;

    /** The longest per-value comment a reviewer may write. */
    public static final int COMMENT_MAX = 1000;

    Submissions(FigureStore store, DataSets dataSets, Regions regions, CurrentUser currentUser, ObservationEditor editor,
                ApplicationEventPublisher events, ValueCommentStore comments) {
        this.comments = comments;
        this.store = store;
        this.dataSets = dataSets;
        this.regions = regions;
        this.currentUser = currentUser;
        this.editor = editor;
        this.events = events;
    }

    public Submission get(long id) {
        return store.submission(id).orElseThrow(() -> new NotFoundException("submission", Long.toString(id)));
    }

    /** The submission of a region and period, if figures were entered. */
    public java.util.Optional<Submission> find(String dataSetCode, String regionCode, String period) {
        return store.submission(dataSets.get(dataSetCode).id(), regions.get(regionCode).id(), period);
    }

    /** Submissions waiting for the current reviewer: submitted, in regions they review. */
    public List<Submission> queue() {
        return currentUser.account().filter(a -> a.regionPath() != null)
                .map(a -> store.submissions(a.regionPath(), ObservationStatus.SUBMITTED, 500).stream()
                        .filter(s -> currentUser.mayReview(regions.get(s.regionCode()))).toList())
                .orElse(List.of());
    }

    /** Recent submissions in the current account's regions, any status. */
    public List<Submission> recent(int limit) {
        return currentUser.account().filter(a -> a.regionPath() != null)
                .map(a -> store.submissions(a.regionPath(), null, limit)).orElse(List.of());
    }

    /**
     * Submits a draft or returned submission for review, if every required figure is there and no
     * validation rule reports an error.
     */
    @Transactional
    public Submission submit(long id, int version) {
        Submission s = locked(id);
        Region region = regions.get(s.regionCode());
        currentUser.requireReport(region);
        if (!s.editable()) {
            throw wrongStatus(s, "draft/returned");
        }
        DataSet ds = dataSets.get(s.dataSetCode());
        List<String> indicators = ds.items().stream().map(DataSet.Item::indicatorCode).toList();
        Map<String, FigureStore.Stored> stored = store.levels(indicators, region.id(), s.period());
        List<InputProblem> problems = new ArrayList<>();
        List<String> missing = ds.items().stream().filter(i -> i.required() && !stored.containsKey(i.indicatorCode()))
                .map(DataSet.Item::indicatorCode).toList();
        // an additive indicator entered by its categories without a total has the total its parts make
        Map<String, List<String>> breakdowns = missing.isEmpty() ? Map.of() : dataSets.breakdowns(ds.code());
        Map<String, java.util.Set<String>> parts = breakdowns.isEmpty() ? Map.of() : store.additiveCategories(missing, region.id(), s.period());
        for (String code : missing) {
            if (!Combinations.makeTheTotal(parts.getOrDefault(code, java.util.Set.of()), breakdowns)) {
                problems.add(InputProblem.of("submission", 0, code, null, CollectionProblem.REQUIRED_MISSING));
            }
        }
        long errors = editor.findings(s.dataSetCode(), s.regionCode(), s.period()).stream()
                .filter(f -> f.severity() == Severity.ERROR).count();
        if (errors > 0) {
            problems.add(InputProblem.of("submission", 0, "", null, CollectionProblem.ERRORS_REMAIN, errors));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return move(s, version, ObservationStatus.SUBMITTED, "submit", "", false);
    }

    /** Approves a submitted submission: its figures become public and locked. */
    @Transactional
    public Submission approve(long id, int version) {
        Submission s = reviewable(id);
        if (s.status() != ObservationStatus.SUBMITTED) {
            throw wrongStatus(s, "submitted");
        }
        String me = currentUser.name();
        if ((me.equals(s.submittedBy()) || store.hasEntered(s.id(), me)) && !dataSets.allowsSelfApproval(s.dataSetCode())) {
            // four eyes, administrators included: what someone entered or submitted is approved by someone else
            throw new InvalidInputException(InputProblem.of("submission", 0, "reviewer", me, CollectionProblem.SELF_APPROVAL,
                    me));
        }
        return move(s, version, ObservationStatus.APPROVED, "approve", "", true);
    }

    /** Returns a submitted submission to its reporter with a reason. */
    @Transactional
    public Submission returnToReporter(long id, int version, String reason) {
        return returnToReporter(id, version, reason, Map.of());
    }

    /**
     * Returns a submitted submission to its reporter with a reason and comments on single values
     * (indicator code → comment; blank ones are ignored), which the reporter reads beside those fields.
     * A comment on an indicator outside the data set, or longer than {@value #COMMENT_MAX} characters,
     * refuses the whole return. The comments replace those of an earlier return; each is audited.
     */
    @Transactional
    public Submission returnToReporter(long id, int version, String reason, Map<String, String> valueComments) {
        Submission s = reviewable(id);
        if (s.status() != ObservationStatus.SUBMITTED) {
            throw wrongStatus(s, "submitted");
        }
        Map<String, String> wanted = checkedComments(s, valueComments, reason);
        Submission after = move(s, version, ObservationStatus.RETURNED, "return", requireReason(reason), true);
        Map<String, ValueComment> before = comments.of(s.id());
        comments.replace(s.id(), wanted, currentUser.name());
        List<FieldChange> changes = new ArrayList<>();
        java.util.Set<String> codes = new java.util.TreeSet<>(before.keySet());
        codes.addAll(wanted.keySet());
        for (String code : codes) {
            String old = before.containsKey(code) ? before.get(code).body() : null;
            String now = wanted.get(code);
            if (!java.util.Objects.equals(old, now)) {
                changes.add(new FieldChange("comment." + code, old, now));
            }
        }
        if (!changes.isEmpty()) {
            events.publishEvent(FormChannel.of(new Changed("submission", s.id(), s.dataSetCode() + "/" + s.regionCode() + "/" + s.period(),
                    "value-comment", currentUser.name(), changes, reason.strip())));
        }
        return after;
    }

    /** The reviewer's comments on single values at the last return: indicator code → comment. */
    public Map<String, ValueComment> valueComments(long submissionId) {
        return comments.of(submissionId);
    }

    private Map<String, String> checkedComments(Submission s, Map<String, String> valueComments, String reason) {
        DataSet ds = dataSets.get(s.dataSetCode());
        java.util.Set<String> items = new java.util.HashSet<>(ds.items().stream().map(DataSet.Item::indicatorCode).toList());
        Map<String, String> wanted = new java.util.TreeMap<>();
        List<InputProblem> problems = new ArrayList<>();
        valueComments.forEach((code, text) -> {
            if (text == null || text.isBlank()) {
                return;
            }
            String body = text.strip();
            if (!items.contains(code)) {
                problems.add(InputProblem.of("submission", 0, "comment." + code, body, CollectionProblem.NOT_IN_DATA_SET,
                        ds.code()));
            } else if (body.length() > COMMENT_MAX) {
                problems.add(InputProblem.of("submission", 0, "comment." + code, body.substring(0, 40) + "…",
                        CollectionProblem.COMMENT_TOO_LONG, COMMENT_MAX));
            } else {
                wanted.put(code, body);
            }
        });
        if (reason == null || reason.isBlank()) {
            problems.add(InputProblem.of("submission", 0, "reason", "", CollectionProblem.REASON_REQUIRED));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return wanted;
    }

    /**
     * Reopens approved figures for correction, with a reason: they leave the public view, progress
     * and indices until approved again.
     */
    @Transactional
    public Submission reopen(long id, int version, String reason) {
        Submission s = reviewable(id);
        if (s.status() != ObservationStatus.APPROVED) {
            throw wrongStatus(s, "approved");
        }
        return move(s, version, ObservationStatus.RETURNED, "reopen", requireReason(reason), true);
    }

    /**
     * The submission, its row locked until the transaction ends: a form save or an import of its
     * figures running now finishes first (and is part of what this step sees), or waits and then
     * finds the new status.
     */
    private Submission locked(long id) {
        store.lock(id).orElseThrow(() -> new NotFoundException("submission", Long.toString(id)));
        return get(id);
    }

    private Submission reviewable(long id) {
        Submission s = locked(id);
        Region region = regions.get(s.regionCode());
        if (!currentUser.mayReview(region)) {
            throw new org.springframework.security.access.AccessDeniedException("not a region you review: " + s.regionCode());
        }
        return s;
    }

    private Submission move(Submission s, int version, ObservationStatus to, String action, String reason, boolean reviewing) {
        String actor = currentUser.name();
        if (!store.transition(s.id(), version, to, actor, reason, reviewing)) {
            Submission now = get(s.id());
            throw new InvalidInputException(InputProblem.of("submission", 0, "version", Integer.toString(version),
                    CollectionProblem.CONFLICT, lastActor(now),
                    now.status().name().toLowerCase()));
        }
        events.publishEvent(FormChannel.of(Changed.of("submission", s.id(), s.dataSetCode() + "/" + s.regionCode() + "/" + s.period(),
                action, actor, reason, new FieldChange("status", s.status().name(), to.name()))));
        Submission after = get(s.id());
        events.publishEvent(new FiguresStatusChanged(after.id(), after.dataSetCode(), after.regionCode(), after.period(),
                s.status(), to));
        return after;
    }

    /** Who moved a submission last: its reviewer, unless it was submitted again after the review. */
    private static String lastActor(Submission s) {
        boolean submittedLast = s.submittedAt() != null && (s.reviewedAt() == null || s.submittedAt().isAfter(s.reviewedAt()));
        String who = submittedLast ? s.submittedBy() : s.reviewedBy();
        return who != null ? who : s.submittedBy() != null ? s.submittedBy() : "?";
    }

    private static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException(InputProblem.of("submission", 0, "reason", "", CollectionProblem.REASON_REQUIRED));
        }
        return reason.strip();
    }

    private static InvalidInputException wrongStatus(Submission s, String needed) {
        return new InvalidInputException(InputProblem.of("submission", 0, "status", s.status().name(),
                CollectionProblem.WRONG_STATUS, s.status().name().toLowerCase(), needed));
    }
}
