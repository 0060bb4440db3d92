package org.yardstick.index.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.yardstick.framework.Document;
import org.yardstick.framework.Documents;
import org.yardstick.index.ComputedIndex;
import org.yardstick.index.IndexCoverage;
import org.yardstick.index.IndexDefinition;
import org.yardstick.index.IndexDefinitions;
import org.yardstick.index.IndexResults;
import org.yardstick.index.analysis.RankInterval;
import org.yardstick.index.analysis.UncertaintyResult;
import org.yardstick.index.engine.ImputationReport;
import org.yardstick.index.engine.IndexMethod;
import org.yardstick.index.engine.IndexTree;
import org.yardstick.index.engine.TreeNode;
import org.yardstick.shared.LocalizedText;
import org.yardstick.observation.Observation;
import org.yardstick.observation.Observations;
import org.yardstick.region.Region;
import org.yardstick.region.Regions;
import org.yardstick.security.CurrentUser;
import org.yardstick.shared.InvalidInputException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public index pages: the list, an index's page, its version history and any version's text.
 * Only published and approved figures are shown; what the platform computed is marked as such.
 */
@Controller
class IndexController {

    /** Monte Carlo runs per uncertain input for the rank intervals (the analysis makes N (k + 2) runs). */
    static final int UNCERTAINTY_SAMPLES = 200;
    /** The weights vary uniformly within ± this share. */
    static final double WEIGHT_NOISE = 0.25;
    static final long UNCERTAINTY_SEED = 20_160_101L;

    private final IndexDefinitions definitions;
    private final IndexResults results;
    private final Observations observations;
    private final Regions regions;
    private final Documents documents;
    private final CurrentUser currentUser;
    private final MessageSource messages;
    private final JsonMapper json;

    IndexController(IndexDefinitions definitions, IndexResults results, Observations observations, Regions regions,
            Documents documents, CurrentUser currentUser, MessageSource messages, JsonMapper json) {
        this.definitions = definitions;
        this.results = results;
        this.observations = observations;
        this.regions = regions;
        this.documents = documents;
        this.currentUser = currentUser;
        this.messages = messages;
        this.json = json;
    }

    /** A definition in the list. */
    public record Entry(String code, String name, String coverage, int version, boolean computable) {}

    /** A version in the history. */
    public record VersionRow(int version, String savedAt, String savedBy, String origin, String note) {}

    /** Uncertainty of one region's rank. */
    public record IntervalRow(String region, int nominal, String median, String low, String high) {}

    @GetMapping("/indices")
    String list(Model model, Locale locale) {
        model.addAttribute("indices", definitions.all().stream().map(d -> new Entry(d.code(), d.name().in(locale),
                coverage(d.coverage(), locale), d.version(), d.computable())).toList());
        model.addAttribute("mayEdit", currentUser.mayPlan());
        return "index/list";
    }

    @GetMapping("/indices/{code}")
    String index(@PathVariable String code, @RequestParam(required = false) @Nullable String period,
            @RequestParam(required = false) @Nullable String unit, @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String decimals, Model model, Locale locale) {
        IndexDefinition definition = definitions.get(code);
        Optional<Region> scope = regions.find(definition.coverage().scopeCode());
        List<Region> units = scope.map(s -> regions.within(s, definition.coverage().level())).orElse(List.of());
        model.addAttribute("definition", definition);
        model.addAttribute("name", definition.name().in(locale));
        model.addAttribute("coverage", coverage(definition.coverage(), locale));
        model.addAttribute("savedAt", IndexView.when(definition.savedAt()));
        model.addAttribute("tree", TreeItem.of(definition.spec().tree(), definition.published(), locale));
        model.addAttribute("mayEdit", currentUser.mayPlan());
        if (!definition.published().isEmpty()) {
            model.addAttribute("published", PublishedView.of(definition, publishedFigures(definition), units,
                    documentTitles(locale), messages, locale, json));
        }
        ComputedIndex computed = results.compute(definition);
        model.addAttribute("computed", computed);
        if (computed.computed()) {
            model.addAttribute("method", method(computed.result().method(), locale));
            int digits = digits(decimals);
            model.addAttribute("decimals", digits < 0 ? "full" : Integer.toString(digits));
            model.addAttribute("view", IndexView.of(computed, period, unit, from, to, digits, messages, locale, json));
            model.addAttribute("imputation", imputation(computed, locale));
            Map<String, String> names = new HashMap<>();
            computed.units().forEach(r -> names.put(r.code(), r.name().in(locale)));
            model.addAttribute("references", computed.result().method().referenceUnits().stream()
                    .map(c -> names.getOrDefault(c, c)).toList());
        } else {
            model.addAttribute("problems", ProblemView.of(computed.problems(), messages, locale));
        }
        return "index/page";
    }

    /** Decimals of the page's tables: 2 (default), 0–12, or "full" (every digit of the double). */
    static int digits(@Nullable String decimals) {
        if (decimals == null || decimals.isBlank()) {
            return 2;
        }
        if (decimals.equals("full")) {
            return -1;
        }
        try {
            return Math.max(0, Math.min(12, Integer.parseInt(decimals.strip())));
        } catch (NumberFormatException e) {
            return 2;
        }
    }

    /** One indicator's line of the imputation report. */
    public record ImputationRow(String indicator, int missing, String filled, int stillMissing) {}

    /** The imputation report of the run, with the units screened out and the cells not ranked. */
    public record ImputationView(List<ImputationRow> rows, int missing, int filled, int stillMissing,
            List<String> screened, List<String> unranked) {}

    private ImputationView imputation(ComputedIndex computed, Locale locale) {
        ImputationReport report = computed.result().imputationReport();
        Map<String, String> names = new HashMap<>();
        computed.units().forEach(r -> names.put(r.code(), r.name().in(locale)));
        IndexTree tree = computed.result().tree();
        List<ImputationRow> rows = new ArrayList<>();
        int filled = 0;
        for (ImputationReport.Line l : report.indicators()) {
            List<String> parts = new ArrayList<>();
            l.filled().forEach((m, k) -> parts.add(messages.getMessage("index.impute." + m.name(), null, locale)
                    + " " + k));
            filled += l.filledTotal();
            TreeNode node = tree.node(l.indicator());
            String name = node == null ? l.indicator() : LocalizedText.of(node.nameZh(), node.nameEn()).in(locale);
            rows.add(new ImputationRow(name, l.missing(), parts.isEmpty() ? "—" : String.join(locale.getLanguage()
                    .equals("zh") ? "，" : ", ", parts), l.stillMissing()));
        }
        return new ImputationView(rows, report.missing(), filled, report.stillMissing(),
                report.screened().stream().map(x -> names.getOrDefault(x.unit(), x.unit())).toList(),
                report.unranked().stream().map(c -> names.getOrDefault(c.unit(), c.unit()) + " " + c.period()).toList());
    }

    /** The rank intervals of a period, on request (a few hundred runs of the index). */
    @GetMapping("/indices/{code}/uncertainty")
    String uncertainty(@PathVariable String code, @RequestParam String period, Model model, Locale locale) {
        IndexDefinition definition = definitions.get(code);
        ComputedIndex computed = results.compute(definition);
        model.addAttribute("noise", Math.round(WEIGHT_NOISE * 100) + "%");
        if (!computed.computed() || !computed.periods().contains(period)) {
            model.addAttribute("intervals", List.of());
            return "index/fragments :: uncertainty";
        }
        try {
            UncertaintyResult u = results.uncertainty(computed, period, UNCERTAINTY_SAMPLES, UNCERTAINTY_SEED,
                    WEIGHT_NOISE);
            Map<String, String> names = new HashMap<>();
            computed.units().forEach(r -> names.put(r.code(), r.name().in(locale)));
            model.addAttribute("runs", u.runs());
            model.addAttribute("intervals", u.ranks().stream().filter(r -> r.nominal() > 0)
                    .sorted((a, b) -> Integer.compare(a.nominal(), b.nominal()))
                    .map(r -> interval(r, names)).toList());
        } catch (InvalidInputException e) {
            model.addAttribute("intervals", List.of());
            model.addAttribute("problems", ProblemView.of(e.problems(), messages, locale));
        }
        return "index/fragments :: uncertainty";
    }

    private static IntervalRow interval(RankInterval r, Map<String, String> names) {
        return new IntervalRow(names.getOrDefault(r.unit(), r.unit()), r.nominal(), IndexView.number(r.median()),
                IndexView.number(r.p05()), IndexView.number(r.p95()));
    }

    @GetMapping("/indices/{code}/history")
    String history(@PathVariable String code, Model model, Locale locale) {
        IndexDefinition definition = definitions.get(code);
        model.addAttribute("definition", definition);
        model.addAttribute("name", definition.name().in(locale));
        model.addAttribute("versions", definitions.history(code).stream().map(v -> new VersionRow(v.version(),
                IndexView.when(v.savedAt()), v.savedBy(), v.origin(), v.note())).toList());
        model.addAttribute("mayEdit", currentUser.mayPlan());
        return "index/history";
    }

    @GetMapping("/indices/{code}/versions/{version}")
    String version(@PathVariable String code, @PathVariable int version, Model model, Locale locale) {
        IndexDefinition definition = definitions.version(code, version);
        model.addAttribute("definition", definition);
        model.addAttribute("name", definition.name().in(locale));
        model.addAttribute("current", definitions.get(code).version());
        model.addAttribute("savedAt", IndexView.when(definition.savedAt()));
        return "index/version";
    }

    private Map<String, List<Observation>> publishedFigures(IndexDefinition definition) {
        Map<String, List<Observation>> figures = new LinkedHashMap<>();
        for (String indicator : definition.published().values()) {
            figures.computeIfAbsent(indicator, observations::approvedOfIndicator);
        }
        return figures;
    }

    private Function<String, String> documentTitles(Locale locale) {
        Map<String, String> titles = new HashMap<>();
        for (Document d : documents.all()) {
            titles.put(d.code(), d.title().in(locale));
        }
        return code -> titles.getOrDefault(code, code);
    }

    private String coverage(IndexCoverage coverage, Locale locale) {
        String scope = regions.find(coverage.scopeCode()).map(r -> r.name().in(locale)).orElse(coverage.scopeCode());
        return messages.getMessage("indices.coverage", new Object[] {scope,
                messages.getMessage("level." + coverage.level().name(), null, locale)}, locale);
    }

    /** The method of each stage, in words. */
    private List<String> method(IndexMethod m, Locale locale) {
        return List.of(
                messages.getMessage("index.method.impute", new Object[] {
                        messages.getMessage("index.impute." + m.imputation().name(), null, locale)}, locale),
                messages.getMessage(m.treatment().enabled() ? "index.method.treat.winsorise" : "index.method.treat.none",
                        null, locale),
                messages.getMessage("index.method.normalise", new Object[] {
                        messages.getMessage("index.normalise." + m.normalisation().method().name(), null, locale)}, locale),
                messages.getMessage("index.method.aggregate", new Object[] {
                        messages.getMessage("index.aggregate." + m.aggregation().method().name(), null, locale)}, locale));
    }
}
