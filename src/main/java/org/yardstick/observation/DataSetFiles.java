package org.yardstick.observation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yardstick.framework.FrameworkProblem;
import org.yardstick.region.RegionLevel;
import org.yardstick.shared.FileProblem;
import org.yardstick.shared.FileSet;
import org.yardstick.shared.LocalizedText;
import org.yardstick.shared.Period;
import org.yardstick.shared.YamlNode;

/**
 * Loads {@code data-sets.yaml}: data sets with their indicators and collection windows (format in
 * {@code docs/framework-files.md}). Everything is checked first; a problem writes nothing.
 */
@Service
public class DataSetFiles {

    static final String FILE = "data-sets.yaml";

    private final DataSets dataSets;
    private final JdbcClient jdbc;

    DataSetFiles(DataSets dataSets, JdbcClient jdbc) {
        this.dataSets = dataSets;
        this.jdbc = jdbc;
    }

    private record Draft(String code, LocalizedText name, RegionLevel level, Period.Type type, String plan,
                         LocalizedText description, List<DataSet.Item> items, List<DataSet.Window> windows,
                         List<String> breakdowns, List<String> regions,
                         @org.jspecify.annotations.Nullable Integer maxDecimals) {}

    /** Loads the file if the set has one; returns how many data sets were written. */
    @Transactional
    public int load(FileSet files) {
        String text = files.read(FILE).orElse(null);
        if (text == null) {
            return 0;
        }
        Set<String> indicators = Set.copyOf(jdbc.sql("select code from indicator").query(String.class).list());
        Set<String> plans = Set.copyOf(jdbc.sql("select code from plan").query(String.class).list());
        Set<String> categories = Set.copyOf(jdbc.sql("select code from disaggregation where dimension <> 'TOTAL'")
                .query(String.class).list());
        YamlNode root = YamlNode.parse(files.describe(FILE), text);
        root.allowOnly("data_sets");
        List<Draft> drafts = new ArrayList<>();
        Map<String, Integer> lines = new HashMap<>();
        root.get("data_sets").each(d -> {
            d.allowOnly("code", "name_zh", "name_en", "region_level", "period_type", "plan", "description_zh",
                    "description_en", "indicators", "windows", "breakdowns", "regions", "max_decimals");
            String code = d.code("code");
            Integer first = lines.putIfAbsent(code, d.line());
            if (first != null) {
                throw d.get("code").fail(FileProblem.DUPLICATE, first);
            }
            if (dataSets.find(code).isPresent()) {
                throw d.get("code").fail(FileProblem.DUPLICATE, 0);
            }
            Period.Type type = d.choice("period_type", Period.Type.class);
            String plan = d.textOr("plan", "");
            if (!plan.isEmpty() && !plans.contains(plan)) {
                throw d.get("plan").fail(CollectionProblem.UNKNOWN_PLAN);
            }
            List<DataSet.Item> items = new ArrayList<>();
            for (YamlNode i : d.get("indicators").items()) {
                String indicator;
                boolean required = true;
                if (i.isMapping()) {
                    i.allowOnly("indicator", "required");
                    indicator = i.code("indicator");
                    required = i.bool("required", true);
                } else {
                    indicator = i.asCode();
                }
                if (!indicators.contains(indicator)) {
                    throw i.fail(FrameworkProblem.UNKNOWN_INDICATOR);
                }
                final String code1 = indicator;
                if (items.stream().anyMatch(x -> x.indicatorCode().equals(code1))) {
                    throw i.fail(FileProblem.DUPLICATE, d.line());
                }
                items.add(new DataSet.Item(indicator, required));
            }
            if (items.isEmpty()) {
                throw d.problemAt("indicators", FileProblem.EMPTY);
            }
            List<DataSet.Window> windows = new ArrayList<>();
            d.get("windows").each(w -> {
                w.allowOnly("period", "opens", "closes", "reason");
                String periodText = w.text("period");
                Period p = Period.parse(periodText).filter(x -> x.type() == type)
                        .orElseThrow(() -> w.get("period").fail(CollectionProblem.WRONG_PERIOD_TYPE, code,
                                type.name().toLowerCase()));
                LocalDate opens = w.dateOrNull("opens");
                LocalDate closes = w.dateOrNull("closes");
                if (opens == null) {
                    throw w.problemAt("opens", FileProblem.MISSING_FIELD);
                }
                if (closes == null) {
                    throw w.problemAt("closes", FileProblem.MISSING_FIELD);
                }
                if (closes.isBefore(opens)) {
                    throw w.get("closes").fail(FrameworkProblem.YEAR_ORDER, "opens", opens);
                }
                windows.add(new DataSet.Window(p.code(), opens, closes, w.textOr("reason", "")));
            });
            // the categories its figures may be broken down by (urban, rural-pastoral …); dimensions with several are crossed
            List<String> breakdowns = new ArrayList<>();
            for (YamlNode b : d.get("breakdowns").items()) {
                String category = b.asCode();
                if (!categories.contains(category)) {
                    throw b.fail(FrameworkProblem.UNKNOWN_DISAGGREGATION);
                }
                if (breakdowns.contains(category)) {
                    throw b.fail(FileProblem.DUPLICATE, d.line());
                }
                breakdowns.add(category);
            }
            // optional: the regions within which it is reported (none: all of its level), and at most how many decimals
            List<String> regions = new ArrayList<>();
            if (d.has("regions")) {
                for (YamlNode r : d.get("regions").items()) {
                    String rc = r.asCode();
                    if (jdbc.sql("select count(*) from region where code = ?").param(rc).query(Long.class).single() == 0) {
                        throw r.fail(DataSetProblem.UNKNOWN_REGION);
                    }
                    regions.add(rc);
                }
            }
            Integer maxDecimals = d.integerOrNull("max_decimals");
            if (maxDecimals != null && (maxDecimals < 0 || maxDecimals > DataSet.MAX_DECIMALS)) {
                throw d.get("max_decimals").fail(DataSetProblem.DECIMALS);
            }
            drafts.add(new Draft(code, LocalizedText.of(d.text("name_zh"), d.text("name_en")),
                    d.choice("region_level", RegionLevel.class), type, plan,
                    LocalizedText.of(d.textOr("description_zh", ""), d.textOr("description_en", "")), items, windows,
                    breakdowns, regions, maxDecimals));
        });
        for (Draft d : drafts) {
            dataSets.insert(d.code(), d.name(), d.level(), d.type(), d.plan().isEmpty() ? null : d.plan(), d.description(),
                    d.items(), d.windows());
            int ordinal = 0;
            for (String b : d.breakdowns()) {
                jdbc.sql("""
                        insert into data_set_breakdown (data_set_id, disaggregation_id, ordinal)
                        values ((select id from data_set where code = ?), (select id from disaggregation where code = ?), ?)""")
                        .params(d.code(), b, ordinal++).update();
            }
            long id = dataSets.id(d.code());
            for (String rc : d.regions()) {
                jdbc.sql("insert into data_set_region (data_set_id, region_id) values (?, (select id from region where code = ?))")
                        .params(id, rc).update();
            }
            if (d.maxDecimals() != null) {
                jdbc.sql("update data_set set max_decimals = ? where id = ?").params(d.maxDecimals(), id).update();
            }
        }
        return drafts.size();
    }
}
