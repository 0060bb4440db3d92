package org.yardstick.observation.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yardstick.framework.Indicators;
import org.yardstick.observation.DataSet;
import org.yardstick.observation.DataSets;
import org.yardstick.observation.ObservationStatus;
import org.yardstick.observation.Submission;
import org.yardstick.observation.Submissions;
import org.yardstick.observation.internal.BulkReview;
import org.yardstick.observation.internal.FigureStore;
import org.yardstick.observation.internal.ObservationEditor;
import org.yardstick.region.Region;
import org.yardstick.region.Regions;
import org.yardstick.security.CurrentUser;
import org.yardstick.shared.InvalidInputException;
import org.yardstick.shared.Period;

/** Review (审核): the reviewer's queue, one submission's figures, approve, return, reopen. */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'REVIEWER')")
class ReviewController {

    private final Submissions submissions;
    private final DataSets dataSets;
    private final Regions regions;
    private final Indicators indicators;
    private final FigureStore store;
    private final ObservationEditor editor;
    private final CurrentUser currentUser;
    private final BulkReview bulk;

    ReviewController(Submissions submissions, DataSets dataSets, Regions regions, Indicators indicators, FigureStore store,
                     ObservationEditor editor, CurrentUser currentUser, BulkReview bulk) {
        this.bulk = bulk;
        this.submissions = submissions;
        this.dataSets = dataSets;
        this.regions = regions;
        this.indicators = indicators;
        this.store = store;
        this.editor = editor;
        this.currentUser = currentUser;
    }

    @GetMapping("/review")
    String queue(@RequestParam(required = false) @Nullable String dataSet,
                 @RequestParam(required = false) @Nullable String period,
                 @RequestParam(required = false) @Nullable String region, Model model) {
        model.addAttribute("queue", submissions.queue());
        model.addAttribute("recent", submissions.recent(30));
        model.addAttribute("dataSets", dataSets.all());
        model.addAttribute("filter", new BulkReview.Filter(dataSet == null ? "" : dataSet, blankToNull(period),
                blankToNull(region), true));
        if (dataSet != null && !dataSet.isBlank()) {
            try {
                var matched = bulk.matching(filter(dataSet, period, region));
                model.addAttribute("matching", matched.stream().filter(s -> s.status() == ObservationStatus.SUBMITTED).count());
                model.addAttribute("matchingApproved", matched.stream()
                        .filter(s -> s.status() == ObservationStatus.APPROVED).count());
            } catch (InvalidInputException e) {
                model.addAttribute("problems", e.problems());
            }
        }
        return "observation/review-queue";
    }

    /**
     * Approves, returns (退回) or reopens every submission a filter matches: first a dry run, shown as a
     * confirmation with the count and what would be refused; with {@code confirm=true}, for real. Returning
     * and reopening need a reason, which goes to every submission's audit row.
     */
    @PostMapping("/review/bulk")
    String bulkApprove(@RequestParam String dataSet, @RequestParam(required = false) @Nullable String period,
                       @RequestParam(required = false) @Nullable String region,
                       @RequestParam(defaultValue = "approve") String action,
                       @RequestParam(required = false) @Nullable String reason,
                       @RequestParam(defaultValue = "false") boolean confirm, Model model, HttpServletResponse response) {
        BulkReview.Action step = switch (action) {
            case "return" -> BulkReview.Action.RETURN;
            case "reopen" -> BulkReview.Action.REOPEN;
            default -> BulkReview.Action.APPROVE;
        };
        BulkReview.Filter f = filter(dataSet, period, region);
        model.addAttribute("filter", f);
        model.addAttribute("action", step.name().toLowerCase(java.util.Locale.ROOT));
        model.addAttribute("reason", reason == null ? "" : reason);
        try {
            model.addAttribute("result", bulk.run(step, f, step == BulkReview.Action.APPROVE ? null : reason, !confirm, false));
        } catch (InvalidInputException e) {
            response.setStatus(422);
            model.addAttribute("problems", e.problems());
        }
        model.addAttribute("confirmed", confirm);
        return "observation/review-bulk";
    }

    private static BulkReview.Filter filter(String dataSet, @Nullable String period, @Nullable String region) {
        return new BulkReview.Filter(dataSet, blankToNull(period), blankToNull(region), true);
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @GetMapping("/review/{id}")
    String submission(@PathVariable long id, Model model) {
        Submission s = submissions.get(id);
        Region region = regions.get(s.regionCode());
        if (!currentUser.maySeeUnapproved(region)) {
            throw new org.springframework.security.access.AccessDeniedException("not your region");
        }
        DataSet ds = dataSets.get(s.dataSetCode());
        List<String> codes = ds.items().stream().map(DataSet.Item::indicatorCode).toList();
        Period period = Period.parse(s.period()).orElseThrow();
        model.addAttribute("submission", s);
        model.addAttribute("dataSet", ds);
        model.addAttribute("region", region);
        model.addAttribute("indicators", indicators.byCodes(codes));
        model.addAttribute("codes", codes);
        model.addAttribute("figures", store.levels(codes, region.id(), s.period()));
        // the figures broken down by category (分组), under each total
        model.addAttribute("categoryNames", store.categoryNames(dataSets.breakdowns(ds.code()).values().stream()
                .flatMap(List::stream).toList()));
        model.addAttribute("parts", store.parts(codes, region.id(), s.period()));
        model.addAttribute("previous", store.levels(codes, region.id(), period.previousYear().code()));
        model.addAttribute("findings", editor.findings(ds.code(), region.code(), s.period()));
        model.addAttribute("mayReview", currentUser.mayReview(region));
        model.addAttribute("valueComments", submissions.valueComments(s.id()));
        return "observation/review";
    }

    @PostMapping("/review/{id}/approve")
    String approve(@PathVariable long id, @RequestParam String version, RedirectAttributes redirect, Model model,
                   HttpServletResponse response) {
        return act(id, version, redirect, model, response, v -> submissions.approve(id, v), "approved");
    }

    @PostMapping("/review/{id}/return")
    String returnIt(@PathVariable long id, @RequestParam String version, @RequestParam(defaultValue = "") String reason,
                    @RequestParam java.util.Map<String, String> form,
                    RedirectAttributes redirect, Model model, HttpServletResponse response) {
        // per-value comments come as comment.<indicator code>; kept on the page when the return is refused
        java.util.Map<String, String> comments = valueComments(form);
        redirect.addFlashAttribute("typedComments", comments);
        return act(id, version, redirect, model, response, v -> submissions.returnToReporter(id, v, reason, comments),
                "returned");
    }

    /** The {@code comment.<indicator code>} fields of a return, by indicator code. */
    static java.util.Map<String, String> valueComments(java.util.Map<String, String> params) {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        params.forEach((k, v) -> {
            if (k.startsWith("comment.") && k.length() > "comment.".length()) {
                out.put(k.substring("comment.".length()), v);
            }
        });
        return out;
    }

    @PostMapping("/review/{id}/reopen")
    String reopen(@PathVariable long id, @RequestParam String version, @RequestParam(defaultValue = "") String reason,
                  RedirectAttributes redirect, Model model, HttpServletResponse response) {
        return act(id, version, redirect, model, response, v -> submissions.reopen(id, v, reason), "reopened");
    }

    private String act(long id, String version, RedirectAttributes redirect, Model model, HttpServletResponse response,
                       java.util.function.IntConsumer action, String done) {
        int v;
        try {
            v = Versions.parse(version);
        } catch (InvalidInputException e) {
            // a tampered form: say which field and why, on the page itself, without acting
            response.setStatus(422);
            model.addAttribute("problems", e.problems());
            return submission(id, model);
        }
        return act(id, redirect, () -> action.accept(v), done);
    }

    private String act(long id, RedirectAttributes redirect, Runnable action, String done) {
        try {
            action.run();
            redirect.addFlashAttribute("done", done);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problems", e.problems());
        }
        return "redirect:/review/" + id;
    }

}
