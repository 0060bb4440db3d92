package org.yardstick.observation.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.yardstick.observation.BulkReviewBoundary;
import org.yardstick.observation.CollectionProblem;
import org.yardstick.observation.DataSet;
import org.yardstick.observation.DataSets;
import org.yardstick.observation.ObservationStatus;
import org.yardstick.observation.Submission;
import org.yardstick.observation.Submissions;
import org.yardstick.region.Region;
import org.yardstick.region.Regions;
import org.yardstick.security.Account;
import org.yardstick.security.CurrentUser;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.InvalidInputException;
import org.yardstick.shared.NotFoundException;
import org.yardstick.shared.Period;

/**
 * Workflow steps on every submission a filter matches (批量审核): a reviewer approving 383
 * country-years does it once. Each submission goes through {@link Submissions} — the same checks
 * (scope, status, four eyes, version) and the same events (the audit trail, and
 * {@link FiguresStatusChanged}, on which aggregation recomputes before the commit) as one approved
 * by hand — in a transaction of its own: a refusal of one never loses the others' approvals. With
 * {@code allOrNothing} they share one transaction and any refusal rolls all of them back; a dry
 * run does every step, then rolls everything back, so its counts are exactly what would happen.
 */
@Service
public class BulkReview {

    /** The workflow step to take. */
    public enum Action { SUBMIT, APPROVE, RETURN, REOPEN }

    /**
     * Which submissions: a data set's, optionally of periods and a region.
     *
     * @param period one period ({@code 2024}) or a range ({@code 2016..2020}); null for all
     * @param region a region code; null for the account's own region (all, for an administrator of the country)
     * @param descendants whether the regions under {@code region} count too (always, without a region)
     */
    public record Filter(String dataSet, @Nullable String period, @Nullable String region, boolean descendants) {}

    /** A submission the step was refused for, and every reason why. */
    public record Refusal(Submission submission, List<InputProblem> problems) {}

    /**
     * What a bulk step did (or would do, in a dry run).
     *
     * @param matched how many submissions the filter matched
     * @param already how many of them were already where the step leads (approved, for an approval): left alone
     * @param done the submissions moved (after the step)
     * @param rolledBack whether nothing was kept: a dry run, or all-or-nothing with a refusal
     */
    public record Result(Action action, int matched, int already, List<Submission> done, List<Refusal> refused, boolean dryRun,
                         boolean allOrNothing, boolean rolledBack) {}

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(BulkReview.class);

    /** The most submissions one request acts on. */
    public static final int LIMIT = 10_000;

    private final Submissions submissions;
    private final DataSets dataSets;
    private final Regions regions;
    private final FigureStore store;
    private final CurrentUser currentUser;
    private final TransactionTemplate each;
    private final TransactionTemplate single;
    private final TransactionTemplate savepoint;
    private final ApplicationEventPublisher events;

    BulkReview(Submissions submissions, DataSets dataSets, Regions regions, FigureStore store, CurrentUser currentUser,
               PlatformTransactionManager transactions, ApplicationEventPublisher events) {
        this.events = events;
        this.submissions = submissions;
        this.dataSets = dataSets;
        this.regions = regions;
        this.store = store;
        this.currentUser = currentUser;
        this.each = new TransactionTemplate(transactions);
        this.each.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.single = new TransactionTemplate(transactions);
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** The submissions a filter matches, for the current account (at most {@link #LIMIT}). */
    public List<Submission> matching(Filter f) {
        Account me = currentUser.account().orElseThrow(() -> new AccessDeniedException("no account"));
        DataSet ds = dataSets.get(f.dataSet());
        String from = null;
        String to = null;
        if (f.period() != null && !f.period().isBlank()) {
            String[] range = f.period().strip().split("\\.\\.", -1);
            from = range[0].strip();
            to = range.length > 1 ? range[1].strip() : from;
            for (String p : range.length > 1 ? List.of(from, to) : List.of(from)) {
                if (Period.parse(p).filter(x -> x.type() == ds.periodType()).isEmpty()) {
                    throw new InvalidInputException(InputProblem.of("filter", 0, "period", f.period(),
                            CollectionProblem.WRONG_PERIOD_TYPE, ds.code(), ds.periodType().name().toLowerCase(Locale.ROOT)));
                }
            }
        }
        String path = null;
        Long regionId = null;
        if (f.region() != null && !f.region().isBlank()) {
            Region r = regions.find(f.region().strip()).orElseThrow(() -> new NotFoundException("region", f.region()));
            if (f.descendants()) {
                path = r.path();
            } else {
                regionId = r.id();
            }
        } else {
            path = me.regionPath();
        }
        return store.submissions(ds.id(), from, to, path, regionId, LIMIT);
    }

    /**
     * Takes a step on every submission a filter matches.
     *
     * @param reason required to return or reopen
     */
    public Result run(Action action, Filter filter, @Nullable String reason, boolean dryRun, boolean allOrNothing) {
        if ((action == Action.RETURN || action == Action.REOPEN) && (reason == null || reason.isBlank())) {
            throw new InvalidInputException(InputProblem.of("filter", 0, "reason", "", CollectionProblem.REASON_REQUIRED));
        }
        long start = System.nanoTime();
        events.publishEvent(new BulkReviewBoundary(BulkReviewBoundary.Phase.STARTED, filter.dataSet()));
        try {
            return steps(action, filter, reason, dryRun, allOrNothing, start);
        } finally {
            events.publishEvent(new BulkReviewBoundary(BulkReviewBoundary.Phase.FINISHED, filter.dataSet()));
        }
    }

    private Result steps(Action action, Filter filter, @Nullable String reason, boolean dryRun, boolean allOrNothing, long start) {
        List<Submission> all = matching(filter);
        List<Submission> matched = all.stream().filter(s -> !already(action, s)).toList();
        int already = all.size() - matched.size();
        List<Submission> done = new ArrayList<>();
        List<Refusal> refused = new ArrayList<>();
        if (!dryRun && !allOrNothing) {
            for (Submission s : matched) {
                step(each, action, s, reason).ifPresentOrElse(refused::add, () -> done.add(submissions.get(s.id())));
            }
            log(action, all.size(), done.size(), refused.size(), false, start);
            return new Result(action, all.size(), already, done, refused, false, false, false);
        }
        boolean[] rolledBack = {dryRun};
        single.executeWithoutResult(tx -> {
            for (Submission s : matched) {
                step(savepoint, action, s, reason).ifPresentOrElse(refused::add, () -> done.add(submissions.get(s.id())));
            }
            if (dryRun || !refused.isEmpty()) {
                rolledBack[0] = true;
                tx.setRollbackOnly();
            }
        });
        log(action, all.size(), done.size(), refused.size(), rolledBack[0], start);
        return new Result(action, all.size(), already, done, refused, dryRun, allOrNothing, rolledBack[0]);
    }

    private static void log(Action action, int matched, int done, int refused, boolean rolledBack, long start) {
        log.info("bulk {}: {} matched, {} done, {} refused{} in {} ms", action.name().toLowerCase(Locale.ROOT), matched, done,
                refused, rolledBack ? ", rolled back" : "", (System.nanoTime() - start) / 1_000_000);
    }

    /** Whether a submission is already where a step leads: submitted (or beyond) to submit, approved to approve, …. */
    private static boolean already(Action action, Submission s) {
        return switch (action) {
            case SUBMIT -> s.status() == ObservationStatus.SUBMITTED || s.status() == ObservationStatus.APPROVED;
            case APPROVE -> s.status() == ObservationStatus.APPROVED;
            case RETURN, REOPEN -> s.status() == ObservationStatus.RETURNED || s.status() == ObservationStatus.DRAFT;
        };
    }

    /** One submission's step in a transaction (or savepoint) of its own; the refusal if it is refused. */
    private Optional<Refusal> step(TransactionTemplate tx, Action action, Submission s, @Nullable String reason) {
        try {
            tx.executeWithoutResult(status -> {
                Submission now = submissions.get(s.id());
                switch (action) {
                    case SUBMIT -> submissions.submit(now.id(), now.version());
                    case APPROVE -> submissions.approve(now.id(), now.version());
                    case RETURN -> submissions.returnToReporter(now.id(), now.version(), reason);
                    case REOPEN -> submissions.reopen(now.id(), now.version(), reason);
                }
            });
            return Optional.empty();
        } catch (InvalidInputException e) {
            return Optional.of(new Refusal(s, e.problems().stream()
                    .map(p -> new InputProblem(key(s), 0, p.field(), p.value(), p.kind(), p.args())).toList()));
        } catch (AccessDeniedException e) {
            return Optional.of(new Refusal(s, List.of(InputProblem.of(key(s), 0, "region", s.regionCode(),
                    action == Action.SUBMIT ? CollectionProblem.OUT_OF_SCOPE : CollectionProblem.NOT_YOURS_TO_REVIEW))));
        }
    }

    private static String key(Submission s) {
        return s.dataSetCode() + "/" + s.regionCode() + "/" + s.period();
    }
}
