package org.yardstick.framework.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
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

    FrameworkLoader(JdbcClient jdbc, Regions regions, Organisations organisations) {
        this.jdbc = jdbc;
        this.regions = regions;
        this.organisations = organisations;
    }

    @Override
    @Transactional
    public Loaded load(FileSet files) {
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
        }
        for (DisaggregationDraft d : draft.disaggregations()) {
            writer.upsert(d);
        }
        writer.upsert(draft.indicators());
        int targets = 0;
        int tasks = 0;
        for (PlanDraft p : draft.plans()) {
            writer.insert(p);
            targets += p.targets().size();
            tasks += p.tasks().size();
        }
        return new Loaded(draft.documents().size(), draft.indicators().size(), draft.plans().size(), targets, tasks);
    }

    private Set<String> codes(String table) {
        return new HashSet<>(jdbc.sql("select code from " + table).query(String.class).list());
    }
}
