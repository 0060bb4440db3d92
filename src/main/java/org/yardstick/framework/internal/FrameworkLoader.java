package org.yardstick.framework.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yardstick.audit.Changed;
import org.yardstick.framework.FrameworkFiles;
import org.yardstick.framework.FrameworkProblem;
import org.yardstick.framework.internal.Drafts.DisaggregationDraft;
import org.yardstick.framework.internal.Drafts.DocumentDraft;
import org.yardstick.framework.internal.Drafts.FrameworkDraft;
import org.yardstick.framework.internal.Drafts.PlanDraft;
import org.yardstick.region.Organisations;
import org.yardstick.region.Regions;
import org.yardstick.shared.FileSet;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.InvalidInputException;

/** Reads framework files, checks them completely, then writes them in one transaction. */
@Component
class FrameworkLoader implements FrameworkFiles {

    private final JdbcClient jdbc;
    private final Regions regions;
    private final Organisations organisations;
    private final ApplicationEventPublisher events;

    FrameworkLoader(JdbcClient jdbc, Regions regions, Organisations organisations, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.regions = regions;
        this.organisations = organisations;
        this.events = events;
    }

    @Override
    @Transactional
    public Loaded load(FileSet files, String actor) {
        Set<String> indicators = codes("indicator");
        Set<String> documents = codes("document");
        Set<String> disaggregations = codes("disaggregation");
        FrameworkFileReader.Known known = new FrameworkFileReader.Known(
                code -> regions.find(code).isPresent(), code -> organisations.find(code).isPresent(),
                indicators::contains, documents::contains, disaggregations::contains);
        FrameworkDraft draft = new FrameworkFileReader(files, known).read();
        FrameworkWriter writer = new FrameworkWriter(jdbc);
        List<InputProblem> existing = new ArrayList<>();
        for (PlanDraft p : draft.plans()) {
            if (writer.planExists(p.code())) {
                existing.add(InputProblem.of(files.label(), 0, "plan.code", p.code(), FrameworkProblem.PLAN_EXISTS));
            }
        }
        if (!existing.isEmpty()) {
            throw new InvalidInputException(existing);
        }
        for (DocumentDraft d : draft.documents()) {
            writer.upsert(d);
            audit("document", d.code(), actor, field("title", d.title().zh()), field("kind", d.kind().name()));
        }
        for (DisaggregationDraft d : draft.disaggregations()) {
            writer.upsert(d);
        }
        writer.upsert(draft.indicators());
        for (var i : draft.indicators()) {
            audit("indicator", i.code(), actor, field("name", i.name().zh()), field("unit", i.unit().zh()),
                    field("polarity", i.polarity().name()), field("aggregation", i.aggregation().name()),
                    field("nature", i.nature().name()));
        }
        int targets = 0;
        int tasks = 0;
        for (PlanDraft p : draft.plans()) {
            writer.insert(p);
            audit("plan", p.code(), actor, field("name", p.name().zh()), field("region", p.regionCode()),
                    field("years", p.startYear() + "-" + p.endYear()), field("baseline_year", Integer.toString(p.baselineYear())));
            for (var t : p.targets()) {
                audit("target", p.code() + "/" + t.code(), actor, field("indicator", t.indicatorCode()),
                        field("region", t.regionCode()), field("kind", t.kind().name()),
                        field("value", t.value() == null ? null : t.value().toPlainString()),
                        field("value_high", t.valueHigh() == null ? null : t.valueHigh().toPlainString()),
                        field("target_year", Integer.toString(t.targetYear())), field("statement", t.statement().zh()));
            }
            for (var t : p.tasks()) {
                audit("task", p.code() + "/" + t.code(), actor, field("title", t.title().zh()),
                        field("responsible", String.join(",", t.unitCodes())));
            }
            targets += p.targets().size();
            tasks += p.tasks().size();
        }
        return new Loaded(draft.documents().size(), draft.indicators().size(), draft.plans().size(), targets, tasks);
    }

    private void audit(String type, String key, String actor, Changed.FieldChange... fields) {
        events.publishEvent(new Changed(type, null, key, "load", actor,
                java.util.Arrays.stream(fields).filter(f -> f.newValue() != null).toList(), ""));
    }

    private static Changed.FieldChange field(String name, @org.jspecify.annotations.Nullable String value) {
        return new Changed.FieldChange(name, null, value);
    }

    private Set<String> codes(String table) {
        return new HashSet<>(jdbc.sql("select code from " + table).query(String.class).list());
    }
}
