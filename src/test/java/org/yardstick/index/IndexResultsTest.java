package org.yardstick.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.yardstick.YardstickTest;
import org.yardstick.framework.FrameworkFiles;
import org.yardstick.index.engine.IndexEngine;
import org.yardstick.index.engine.IndexResult;
import org.yardstick.index.engine.Panel;
import org.yardstick.observation.ObservationFiles;
import org.yardstick.region.Region;
import org.yardstick.region.Regions;

/**
 * The platform computes an index over its indicators from the approved figures only, exactly as the
 * engine does on the same numbers, and a newly approved figure changes the result at once.
 */
@YardstickTest
@Transactional
class IndexResultsTest {

    @Autowired FrameworkFiles frameworkFiles;
    @Autowired ObservationFiles observationFiles;
    @Autowired IndexDefinitions definitions;
    @Autowired IndexResults results;
    @Autowired Regions regions;
    @Autowired JdbcClient jdbc;

    GeneratedIndexData data;

    @BeforeEach
    void loadGeneratedFiguresAndDefinition() {
        data = GeneratedIndexData.load(2016, true, regions, frameworkFiles, observationFiles, definitions);
        assertThat(data.units).hasSizeGreaterThan(10);
    }

    @Test
    void scoresAndRanksAreTheEnginesOnTheApprovedFigures() {
        ComputedIndex computed = results.compute(definitions.get(data.code));
        assertThat(computed.problems()).isEmpty();
        assertThat(computed.periods()).containsExactly("2016", "2017", "2018");
        assertThat(computed.units()).extracting(Region::code).containsExactlyElementsOf(data.units);
        assertSameAsEngine(computed);
    }

    @Test
    void unapprovedFiguresChangesCountiesAndOtherRegionsAreLeftOut() {
        ComputedIndex computed = results.compute(definitions.get(data.code));
        int approvedLevels = data.approved.values().stream().mapToInt(m -> m.size()).sum();
        assertThat(computed.figures()).isEqualTo(approvedLevels);
        String[] cell = data.submittedCells().get(0);
        Panel imputed = computed.result().imputed();
        Panel raw = computed.result().denominated();
        assertThat(raw.value(cell[0], cell[1], cell[2])).as("a submitted figure is not an input").isNaN();
        assertThat(imputed.value(cell[0], cell[1], cell[2])).as("it is imputed like any missing one")
                .isLessThan(500);
    }

    @Test
    void aNewlyApprovedFigureChangesTheResultAtOnce() {
        IndexDefinition definition = definitions.get(data.code);
        ComputedIndex before = results.compute(definition);
        assertThat(results.compute(definition)).as("unchanged figures: the same result").isSameAs(before);

        String[] cell = data.submittedCells().get(0);
        int approved = jdbc.sql("""
                        update observation set status = 'APPROVED', version = version + 1, updated_at = ?, updated_by = 'reviewer'
                        where status = 'SUBMITTED' and period = ?
                          and indicator_id = (select id from indicator where code = ?)
                          and region_id = (select id from region where code = ?)""")
                .params(Timestamp.from(Instant.now()), cell[2], cell[0], cell[1]).update();
        assertThat(approved).isEqualTo(1);
        data.approve(cell);

        ComputedIndex after = results.compute(definition);
        assertThat(after).isNotSameAs(before);
        assertThat(after.stamp()).isNotEqualTo(before.stamp());
        assertThat(after.result().denominated().value(cell[0], cell[1], cell[2])).isGreaterThan(500);
        assertSameAsEngine(after);
        int root = after.result().tree().aggregateIndex(data.code);
        int unit = after.result().scores().unitIndex(cell[1]);
        int period = after.result().scores().periods().indexOf(cell[2]);
        assertThat(after.result().scores().value(root, unit, period))
                .isNotEqualTo(before.result().scores().value(root, unit, period));
    }

    /** Every aggregate's score and rank for every unit and period equals the engine's run directly on the figures. */
    private void assertSameAsEngine(ComputedIndex computed) {
        IndexDefinition definition = computed.definition();
        IndexResult direct = IndexEngine.compute(definition.spec().tree(), definition.spec().method(), data.panel(), null);
        IndexResult ours = computed.result();
        Panel a = ours.scores();
        Panel b = direct.scores();
        assertThat(a.units()).containsExactlyElementsOf(b.units());
        assertThat(a.periods()).containsExactlyElementsOf(b.periods());
        assertThat(a.columns()).containsExactlyElementsOf(b.columns());
        int compared = 0;
        for (int c = 0; c < a.columns().size(); c++) {
            for (int u = 0; u < a.unitCount(); u++) {
                for (int p = 0; p < a.periodCount(); p++) {
                    String where = a.columns().get(c) + " " + a.units().get(u) + " " + a.periods().get(p);
                    assertThat(a.value(c, u, p)).as(where).isEqualTo(b.value(c, u, p));
                    assertThat(ours.rank(c, u, p)).as(where).isEqualTo(direct.rank(c, u, p));
                    compared++;
                }
            }
        }
        assertThat(compared).isEqualTo(3 * data.units.size() * 3);
    }
}
