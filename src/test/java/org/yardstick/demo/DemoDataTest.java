package org.yardstick.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yardstick.YardstickTest;
import org.yardstick.framework.Plans;
import org.yardstick.framework.Target;
import org.yardstick.framework.TargetKind;
import org.yardstick.framework.Targets;
import org.yardstick.observation.Observation;
import org.yardstick.observation.Observations;
import org.yardstick.region.Organisations;
import org.yardstick.region.Regions;

/** The demo holds the seeds' plans and figures, each with the sentence it came from. */
@YardstickTest
class DemoDataTest {

    @Autowired JdbcClient jdbc;
    @Autowired Plans plans;
    @Autowired Targets targets;
    @Autowired Observations observations;
    @Autowired Regions regions;
    @Autowired Organisations organisations;

    long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    @Test
    void theThreeSeedPlansAreLoaded() {
        assertThat(plans.all()).extracting(p -> p.code())
                .contains("xj-info-13fyp", "nm-info-13fyp", "xj-mfg-internet-2017");
    }

    @Test
    void atLeast120FiguresEachWithItsSourceSentence() {
        long targetsWithSource = count("select count(*) from target t join plan p on p.id = t.plan_id "
                + "where p.code in ('xj-info-13fyp', 'nm-info-13fyp', 'xj-mfg-internet-2017') "
                + "and t.source_quote is not null and t.document_id is not null and t.source_line > 0");
        long observationsWithSource = count("select count(*) from observation o where o.created_by = 'demo' "
                + "and exists (select 1 from observation_source s where s.observation_id = o.id)");
        long demoObservations = count("select count(*) from observation where created_by = 'demo'");
        long demoTargets = count("select count(*) from target t join plan p on p.id = t.plan_id "
                + "where p.code in ('xj-info-13fyp', 'nm-info-13fyp', 'xj-mfg-internet-2017')");
        assertThat(targetsWithSource).isEqualTo(demoTargets);
        assertThat(observationsWithSource).isEqualTo(demoObservations);
        assertThat(targetsWithSource + observationsWithSource).isGreaterThanOrEqualTo(120);
    }

    @Test
    void theIntegrationIndexHasItsBaselineLatestFigureAndTarget() {
        List<Observation> series = observations.approvedSeries("IIDI", "65");
        assertThat(series).extracting(o -> o.period().code()).containsSubsequence("2010", "2015", "2016");
        assertThat(series).filteredOn(o -> o.period().code().equals("2015")).singleElement()
                .satisfies(o -> {
                    assertThat(o.value()).isEqualByComparingTo("56.96");
                    assertThat(o.sources()).anySatisfy(s -> assertThat(s.quote()).contains("56.96"));
                });
        assertThat(series).filteredOn(o -> o.period().code().equals("2016")).singleElement()
                .satisfies(o -> assertThat(o.value()).isEqualByComparingTo("59.8"));
        List<Target> iidi = targets.ofPlan(plans.get("xj-info-13fyp")).stream()
                .filter(t -> "IIDI".equals(t.indicatorCode()) && t.kind() == TargetKind.VALUE).toList();
        assertThat(iidi).singleElement().satisfies(t -> {
            assertThat(t.value()).isEqualByComparingTo(new BigDecimal("68"));
            assertThat(t.targetYear()).isEqualTo(2020);
            assertThat(t.source().quote()).contains("两化融合发展指数达到68");
        });
    }

    @Test
    void aFigureReportedByTwoDocumentsKeepsBothSources() {
        Observation y2010 = observations.approvedSeries("IIDI", "65").stream()
                .filter(o -> o.period().code().equals("2010")).findFirst().orElseThrow();
        assertThat(y2010.sources()).extracting(s -> s.documentCode()).contains("xj-info-13fyp", "xj-news-2017");
    }

    @Test
    void tasksOfTheManufacturingOpinionsListTheirUnitsLeadFirst() {
        var tasks = plans.tasks(plans.get("xj-mfg-internet-2017"));
        assertThat(tasks).hasSizeGreaterThanOrEqualTo(12);
        // 1. 加快制造企业互联网“双创”平台建设 (责任单位：自治区科技厅、经信委、发改委、教育厅、人社厅、总工会)
        var first = tasks.get(0);
        assertThat(organisations.get(first.leadCode()).shortName().zh()).contains("科技厅");
        assertThat(first.unitCodes()).hasSize(6);
        assertThat(first.targetCodes()).isNotEmpty();
    }

    @Test
    void regionsComeFromTheOfficialDivisionsPlusTheCorps() {
        assertThat(regions.get("65").name().zh()).isEqualTo("新疆维吾尔自治区");
        assertThat(regions.get("6501").name().zh()).isEqualTo("乌鲁木齐市");
        assertThat(regions.get("6501").official()).isTrue();
        assertThat(regions.get("XJBT").official()).isFalse();
        assertThat(regions.get("15").name().en()).contains("Inner Mongolia");
        assertThat(regions.count()).isGreaterThan(3000);
    }
}
