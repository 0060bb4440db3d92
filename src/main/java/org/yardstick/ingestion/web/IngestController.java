package org.yardstick.ingestion.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.yardstick.framework.Change;
import org.yardstick.framework.Plan;
import org.yardstick.framework.Plans;
import org.yardstick.ingestion.internal.Decision;
import org.yardstick.ingestion.internal.DocumentText;
import org.yardstick.ingestion.internal.FrameworkHandover;
import org.yardstick.ingestion.internal.Ingestion;
import org.yardstick.ingestion.internal.IngestionProblem;
import org.yardstick.ingestion.internal.PlanHeader;
import org.yardstick.ingestion.internal.Proposal;
import org.yardstick.ingestion.rules.Catalogue;
import org.yardstick.ingestion.rules.Item;
import org.yardstick.region.Regions;
import org.yardstick.security.CurrentUser;
import org.yardstick.shared.FileProblem;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.InvalidInputException;

/**
 * The review pages: {@code /ingest} takes a pasted text or a file; {@code /ingest/review} shows the
 * document with every proposed figure highlighted beside the proposals, to accept, edit or reject, and
 * commits the accepted ones as a new plan. The proposals live in the session until then.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'PLANNER')")
class IngestController {

    static final String SESSION = "ingestion.review";

    /** A piece of the document: plain text, or the figure of proposal {@code item} (index), highlighted. */
    record Segment(String text, int item) {}

    /** What the planner is reviewing (serializable: sessions live in the database, issue 17). */
    static final class Review implements java.io.Serializable {
        final Proposal proposal;
        final List<Decision> decisions;

        Review(Proposal proposal, List<Decision> decisions) {
            this.proposal = proposal;
            this.decisions = decisions;
        }
    }

    private final Ingestion ingestion;
    private final CurrentUser currentUser;
    private final Regions regions;
    private final Plans plans;

    IngestController(Ingestion ingestion, CurrentUser currentUser, Regions regions, Plans plans) {
        this.ingestion = ingestion;
        this.currentUser = currentUser;
        this.regions = regions;
        this.plans = plans;
    }

    /** The reason recorded in the audit trail and the targets' history for a commit from the review page. */
    static final String REASON = "规划文本导入 / read from a plan's text";

    @GetMapping("/ingest")
    String start(Model model) {
        currentUser.requirePlan();
        model.addAttribute("region", defaultRegion());
        return "ingestion/start";
    }

    @PostMapping("/ingest")
    String upload(@RequestParam(name = "file", required = false) @Nullable MultipartFile file,
                  @RequestParam(name = "text", required = false) @Nullable String text,
                  @RequestParam(name = "region", required = false) @Nullable String region,
                  @RequestParam(name = "year", required = false) @Nullable String year,
                  HttpSession session, Model model, HttpServletResponse response) throws IOException {
        currentUser.requirePlan();
        String r = region == null || region.isBlank() ? defaultRegion() : region.strip();
        model.addAttribute("region", r);
        model.addAttribute("year", year);
        try {
            if (!r.isEmpty()) {
                currentUser.requirePlan(regions.find(r).orElseThrow(() -> new InvalidInputException(
                        InputProblem.of("form", 0, "region", r, org.yardstick.framework.FrameworkProblem.UNKNOWN_REGION))));
            }
            Integer y = year == null || year.isBlank() ? null : integer("year", year);
            Proposal p;
            if (file != null && !file.isEmpty()) {
                String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? "upload"
                        : file.getOriginalFilename();
                byte[] bytes = file.getSize() > DocumentText.MAX_BYTES ? new byte[DocumentText.MAX_BYTES + 1] : file.getBytes();
                p = ingestion.propose(name, ingestion.read(name, bytes), r, y);
            } else {
                p = ingestion.propose("pasted.txt", text == null ? "" : text, r, y);
            }
            List<Decision> decisions = new ArrayList<>();
            p.items().forEach(i -> decisions.add(Decision.of(i, false)));
            session.setAttribute(SESSION, new Review(p, decisions));
            return "redirect:/ingest/review";
        } catch (InvalidInputException e) {
            response.setStatus(422);
            model.addAttribute("problems", e.problems());
            return "ingestion/start";
        }
    }

    @GetMapping("/ingest/review")
    String review(HttpSession session, Model model) {
        currentUser.requirePlan();
        Review review = (Review) session.getAttribute(SESSION);
        if (review == null) {
            return "redirect:/ingest";
        }
        fill(model, review, header(review, Map.of()));
        return "ingestion/review";
    }

    @PostMapping("/ingest/review")
    String decide(@RequestParam MultiValueMap<String, String> form, HttpSession session, Model model, Locale locale,
                  HttpServletResponse response) {
        currentUser.requirePlan();
        Review review = (Review) session.getAttribute(SESSION);
        if (review == null) {
            return "redirect:/ingest";
        }
        String action = form.getFirst("action") == null ? "save" : form.getFirst("action");
        List<InputProblem> problems = new ArrayList<>();
        List<String> accepted = form.getOrDefault("accept", List.of());
        for (int i = 0; i < review.decisions.size(); i++) {
            Decision d = review.decisions.get(i);
            if (form.getFirst("value_" + i) == null) {
                continue; // the form did not show this item
            }
            boolean accept = accepted.contains(Integer.toString(i));
            if ("sure".equals(action) && Ingestion.sure(d.item())) {
                accept = true;
            }
            if ("none".equals(action)) {
                accept = false;
            }
            review.decisions.set(i, new Decision(d.item(), accept, text(form, "code_" + i), text(form, "name_" + i),
                    form.getFirst("nameEn_" + i) == null ? d.indicatorNameEn() : text(form, "nameEn_" + i),
                    decimal(form, "value_" + i, d.item().line(), problems), decimal(form, "high_" + i, d.item().line(), problems),
                    text(form, "unit_" + i), year(form, "year_" + i, d.item().line(), problems)));
        }
        Map<String, String> fields = form.toSingleValueMap();
        PlanHeader header = null;
        String into = fields.getOrDefault("into", "").strip();
        boolean commitOrPreview = "commit".equals(action) || "preview".equals(action);
        if (problems.isEmpty() && commitOrPreview) {
            header = header(review, fields);
            if (!into.isEmpty()) {
                Plan target = scopedPlans().stream().filter(pl -> pl.code().equals(into)).findFirst().orElse(null);
                if (target == null) {
                    problems.add(InputProblem.of("form", 0, "into", into, IngestionProblem.UNKNOWN_PLAN));
                } else {
                    header = new PlanHeader(into, header.nameZh(), header.nameEn(),
                            regions.find(target.regionId()).map(r -> r.code()).orElse(header.region()), header.startYear(),
                            header.endYear(), header.baselineYear(), header.documentCode(), header.issuerZh(), header.issued());
                    fields.put("planCode", into);
                }
            }
            if (problems.isEmpty()) {
                problems.addAll(checkHeader(header, fields));
            }
        }
        if (!problems.isEmpty()) {
            response.setStatus(422);
            model.addAttribute("problems", problems);
            fill(model, review, header(review, fields));
            return "ingestion/review";
        }
        if ("preview".equals(action)) {
            try {
                model.addAttribute("preview", ingestion.preview(review.proposal, review.decisions, header, !into.isEmpty(),
                        Change.form(REASON)));
            } catch (InvalidInputException e) {
                response.setStatus(422);
                model.addAttribute("problems", e.problems());
            }
            fill(model, review, header);
            return "ingestion/review";
        }
        if ("commit".equals(action)) {
            try {
                FrameworkHandover.Committed c = into.isEmpty()
                        ? ingestion.commit(review.proposal, review.decisions, header, currentUser.name(), locale)
                        : Ingestion.committed(ingestion.commitInto(review.proposal, review.decisions, header, currentUser.name(),
                        Change.form(REASON)));
                session.removeAttribute(SESSION);
                model.addAttribute("committed", c);
                return "ingestion/committed";
            } catch (InvalidInputException e) {
                response.setStatus(422);
                model.addAttribute("problems", e.problems());
                fill(model, review, header);
                return "ingestion/review";
            }
        }
        if ("discard".equals(action)) {
            session.removeAttribute(SESSION);
            return "redirect:/ingest";
        }
        return "redirect:/ingest/review";
    }

    private void fill(Model model, Review review, PlanHeader header) {
        Proposal p = review.proposal;
        model.addAttribute("proposal", p);
        model.addAttribute("decisions", review.decisions);
        model.addAttribute("segments", segments(p));
        model.addAttribute("header", header);
        model.addAttribute("plans", scopedPlans());
        model.addAttribute("catalogue", ingestion.catalogue().entries().stream()
                .sorted(Comparator.comparing(Catalogue.Entry::code)).toList());
        model.addAttribute("acceptedCount", review.decisions.stream().filter(Decision::accepted).count());
        model.addAttribute("sureCount", p.items().stream().filter(Ingestion::sure).count());
    }

    /** The document cut into text and highlighted figures (overlapping figures: the first wins). */
    static List<Segment> segments(Proposal p) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < p.items().size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingInt(i -> p.items().get(i).figureStart()));
        List<Segment> out = new ArrayList<>();
        String text = p.text();
        int pos = 0;
        for (int i : order) {
            Item it = p.items().get(i);
            int s = Math.max(it.figureStart(), 0);
            int e = Math.min(it.figureEnd(), text.length());
            if (s < pos || e <= s) {
                continue;
            }
            if (s > pos) {
                out.add(new Segment(text.substring(pos, s), -1));
            }
            out.add(new Segment(text.substring(s, e), i));
            pos = e;
        }
        if (pos < text.length()) {
            out.add(new Segment(text.substring(pos), -1));
        }
        return out;
    }

    private PlanHeader header(Review review, Map<String, String> f) {
        Proposal p = review.proposal;
        int end = p.planEndYear();
        int start = end - 4;
        String title = p.title().isEmpty() ? p.source() : p.title();
        String code = f.getOrDefault("planCode", "");
        LocalDate issued = null;
        try {
            String d = f.getOrDefault("issued", "");
            issued = d.isBlank() ? null : LocalDate.parse(d.strip());
        } catch (DateTimeParseException e) {
            issued = null;
        }
        return new PlanHeader(code, f.getOrDefault("nameZh", title), f.getOrDefault("nameEn", ""),
                f.getOrDefault("region", p.region()), parse(f.get("startYear"), start), parse(f.get("endYear"), end),
                parse(f.get("baselineYear"), start - 1), f.getOrDefault("documentCode", code.isEmpty() ? "" : code + "-doc"),
                f.getOrDefault("issuer", ""), issued);
    }

    private List<InputProblem> checkHeader(PlanHeader h, Map<String, String> f) {
        List<InputProblem> problems = new ArrayList<>();
        String[][] required = {{"planCode", h.planCode()}, {"nameZh", h.nameZh()}, {"nameEn", h.nameEn()},
            {"region", h.region()}, {"documentCode", h.documentCode()}, {"issuer", h.issuerZh()}};
        for (String[] r : required) {
            if (r[1].isBlank()) {
                problems.add(InputProblem.of("form", 0, r[0], "", FileProblem.MISSING_FIELD));
            }
        }
        for (String[] c : new String[][] {{"planCode", h.planCode()}, {"documentCode", h.documentCode()}}) {
            if (!c[1].isBlank() && !c[1].matches("[A-Za-z0-9._-]+")) {
                problems.add(InputProblem.of("form", 0, c[0], c[1], FileProblem.BAD_CODE));
            }
        }
        String issued = f.getOrDefault("issued", "");
        if (!issued.isBlank() && h.issued() == null) {
            problems.add(InputProblem.of("form", 0, "issued", issued, FileProblem.NOT_A_DATE));
        }
        if (!h.region().isBlank()) {
            regions.find(h.region()).ifPresentOrElse(currentUser::requirePlan, () -> problems.add(InputProblem.of("form", 0,
                    "region", h.region(), org.yardstick.framework.FrameworkProblem.UNKNOWN_REGION)));
        }
        return problems;
    }

    /** The plans in force the account may plan for (their region within its subtree; all for an admin). */
    private List<Plan> scopedPlans() {
        return plans.all().stream().filter(pl -> regions.find(pl.regionId()).map(currentUser::mayPlan).orElse(false)).toList();
    }

    private String defaultRegion() {
        return currentUser.account().map(a -> a.regionCode() == null ? "" : a.regionCode()).orElse("");
    }

    private static int parse(@Nullable String s, int fallback) {
        try {
            return s == null || s.isBlank() ? fallback : Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static String text(MultiValueMap<String, String> form, String key) {
        String v = form.getFirst(key);
        return v == null ? "" : v.strip();
    }

    private static @Nullable BigDecimal decimal(MultiValueMap<String, String> form, String key, int line,
                                                List<InputProblem> problems) {
        String v = text(form, key);
        if (v.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(v);
        } catch (NumberFormatException e) {
            problems.add(InputProblem.of("form", line, key.substring(0, key.indexOf('_')), v, FileProblem.NOT_A_NUMBER));
            return null;
        }
    }

    private static @Nullable Integer year(MultiValueMap<String, String> form, String key, int line, List<InputProblem> problems) {
        String v = text(form, key);
        if (v.isEmpty()) {
            return null;
        }
        try {
            int y = Integer.parseInt(v);
            if (y < 1949 || y > 2100) {
                throw new NumberFormatException();
            }
            return y;
        } catch (NumberFormatException e) {
            problems.add(InputProblem.of("form", line, "year", v, org.yardstick.framework.FrameworkProblem.YEAR_OUT_OF_RANGE));
            return null;
        }
    }

    private static Integer integer(String field, String v) {
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(InputProblem.of("form", 0, field, v, FileProblem.NOT_A_NUMBER));
        }
    }

}
