package org.yardstick.sdmx.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yardstick.framework.Disaggregations;
import org.yardstick.framework.Indicator;
import org.yardstick.framework.Indicators;
import org.yardstick.observation.DataSet;
import org.yardstick.observation.DataSets;
import org.yardstick.shared.LocalizedText;

/**
 * What the SDMX structures are made of, read from the framework, the regions and the data sets: code
 * lists, concepts and data flows. Regions are streamed (an official division import may hold 620,000
 * villages); the rest is small.
 */
@Component
public class SdmxCatalogue {

    /** SDMX's IDType. */
    static final Pattern ID = Pattern.compile("[A-Za-z0-9_@$\\-]+");

    /** A code of a code list, with its parent in the list's hierarchy (regions). */
    public record Code(String id, LocalizedText name, @Nullable String parent) {}

    /** A code list: its codes are written as they are read. */
    public record Codelist(String id, LocalizedText name, Consumer<Consumer<Code>> codes) {}

    /**
     * A data flow: every approved figure ({@code ALL}), the computed figures ({@code COMPUTED}) or a data set's.
     *
     * @param dataSet the data set, for a data set's flow
     */
    public record Flow(String id, LocalizedText name, LocalizedText description, @Nullable DataSet dataSet) {}

    private final JdbcClient jdbc;
    private final Indicators indicators;
    private final Disaggregations disaggregations;
    private final DataSets dataSets;
    private final MessageSource messages;
    private final SdmxSettings settings;
    private final TransactionTemplate readOnly;

    SdmxCatalogue(JdbcClient jdbc, Indicators indicators, Disaggregations disaggregations, DataSets dataSets,
                  MessageSource messages, SdmxSettings settings, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.indicators = indicators;
        this.disaggregations = disaggregations;
        this.dataSets = dataSets;
        this.messages = messages;
        this.settings = settings;
    }

    public String agency() {
        return settings.agencyId();
    }

    /** A text of the SDMX structures in both languages. */
    public LocalizedText text(String key) {
        return LocalizedText.of(messages.getMessage(key, null, key, Locale.SIMPLIFIED_CHINESE),
                messages.getMessage(key, null, key, Locale.ENGLISH));
    }

    /** Every data flow: ALL, COMPUTED, then one per data set whose code is an SDMX id. */
    public List<Flow> flows() {
        List<Flow> flows = new ArrayList<>();
        flows.add(new Flow(Dsd.FLOW_ALL, text("sdmx.flow.all"), text("sdmx.flow.all.description"), null));
        flows.add(new Flow(Dsd.FLOW_COMPUTED, text("sdmx.flow.computed"), text("sdmx.flow.computed.description"), null));
        for (DataSet d : dataSets.all()) {
            if (ID.matcher(d.code()).matches() && !d.code().equals(Dsd.FLOW_ALL) && !d.code().equals(Dsd.FLOW_COMPUTED)) {
                flows.add(new Flow(d.code(), d.name(), d.description(), d));
            }
        }
        return flows;
    }

    public Optional<Flow> flow(String id) {
        return flows().stream().filter(f -> f.id().equals(id)).findFirst();
    }

    /**
     * Unit codes (CL_UNIT) by indicator code. Units are free text in the framework; a unit's code is its
     * English text in capitals, non-alphanumerics as underscores ({@code %} → {@code PCT}), numbered
     * on a clash, stable while the set of units stays.
     */
    public Map<String, String> unitsByIndicator() {
        Map<String, String> byIndicator = new HashMap<>();
        Map<LocalizedText, String> codes = unitCodes();
        for (Indicator i : indicators.allIncludingRetired()) {
            byIndicator.put(i.code(), codes.get(i.unit()));
        }
        return byIndicator;
    }

    private Map<LocalizedText, String> unitCodes() {
        TreeMap<String, LocalizedText> sorted = new TreeMap<>();
        for (Indicator i : indicators.allIncludingRetired()) {
            sorted.put(i.unit().en() + "\u0000" + i.unit().zh(), i.unit());
        }
        Map<LocalizedText, String> codes = new LinkedHashMap<>();
        java.util.Set<String> taken = new java.util.HashSet<>();
        for (LocalizedText unit : sorted.values()) {
            String base = unit.en().replace("%", " PCT ").replaceAll("[^A-Za-z0-9]+", "_").replaceAll("^_+|_+$", "")
                    .toUpperCase(Locale.ROOT);
            if (base.isEmpty()) {
                base = "PURE_NUMBER";
            }
            String code = base;
            for (int n = 2; !taken.add(code); n++) {
                code = base + "_" + n;
            }
            codes.put(unit, code);
        }
        return codes;
    }

    /** Every code list by id, in {@link Dsd#CODELISTS} order. */
    public Map<String, Codelist> codelists() {
        Map<String, Codelist> lists = new LinkedHashMap<>();
        lists.put("CL_BREAKDOWN", new Codelist("CL_BREAKDOWN", text("sdmx.codelist.CL_BREAKDOWN"),
                out -> disaggregations.all().stream().filter(g -> ID.matcher(g.code()).matches()) // not crossed ones (urban+large)
                        .forEach(g -> out.accept(new Code(g.code(), g.name(), null)))));
        lists.put("CL_FREQ", new Codelist("CL_FREQ", text("sdmx.codelist.CL_FREQ"),
                out -> List.of("A", "Q", "M").forEach(c -> out.accept(new Code(c, text("sdmx.freq." + c), null)))));
        lists.put("CL_INDICATOR", new Codelist("CL_INDICATOR", text("sdmx.codelist.CL_INDICATOR"),
                out -> indicators.allIncludingRetired().stream().filter(i -> ID.matcher(i.code()).matches())
                        .forEach(i -> out.accept(new Code(i.code(), i.name(), null)))));
        lists.put("CL_OBS_STATUS", new Codelist("CL_OBS_STATUS", text("sdmx.codelist.CL_OBS_STATUS"),
                out -> List.of(Dsd.REPORTED, Dsd.COMPUTED)
                        .forEach(c -> out.accept(new Code(c, text("sdmx.obs-status." + c), null)))));
        lists.put("CL_REGION", new Codelist("CL_REGION", text("sdmx.codelist.CL_REGION"), this::regions));
        lists.put("CL_UNIT", new Codelist("CL_UNIT", text("sdmx.codelist.CL_UNIT"),
                out -> unitCodes().forEach((unit, code) -> out.accept(new Code(code, unit, null)))));
        return lists;
    }

    /** Regions in use (not retired), parents before children, streamed (PostgreSQL's cursor needs a transaction). */
    private void regions(Consumer<Code> out) {
        readOnly.executeWithoutResult(status -> jdbc.sql("""
                        select r.code, r.name_zh, r.name_en, p.code as parent
                        from region r left join region p on p.id = r.parent_id
                        where r.retired_at is null
                        order by r.depth, r.code""")
                .withFetchSize(1000)
                .query(rs -> {
                    String code = rs.getString(1);
                    if (ID.matcher(code).matches()) {
                        String parent = rs.getString(4);
                        out.accept(new Code(code, LocalizedText.of(rs.getString(2), rs.getString(3)),
                                parent != null && ID.matcher(parent).matches() ? parent : null));
                    }
                }));
    }
}
