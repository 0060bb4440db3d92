package org.yardstick.assessment.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.yardstick.assessment.engine.Disclosure.Verdict;
import org.yardstick.assessment.engine.Disclosure;
import org.yardstick.assessment.engine.RegionalDisclosure;
import org.yardstick.assessment.engine.Stage;
import org.yardstick.region.Region;
import org.yardstick.region.Regions;
import org.yardstick.security.CurrentUser;
import org.yardstick.security.Role;
import org.yardstick.shared.LocalizedText;

/**
 * Regional figures from submitted assessments under the current questionnaire: per child region of a region
 * (prefectures of the autonomous region, counties of a prefecture) and in total, the number of assessments, the
 * mean score, the share at 集成提升 or above, and coverage of the registered 规上 enterprises; every row under
 * disclosure control ({@link Disclosure}), suppressed rows saying why and showing no figure. Read by planners
 * (and reviewers, administrators) of the region.
 */
@Service
public class RegionalFigures {

    /**
     * One row. With {@code verdict} other than PUBLISHED, the figures are null.
     *
     * @param coverage 规上 enterprises with a submitted assessment, as a percentage of the registered 规上 ones
     */
    public record Row(String regionCode, LocalizedText regionName, Verdict verdict, @Nullable Integer assessments,
                      @Nullable BigDecimal meanScore, @Nullable BigDecimal shareIntegrationOrAbove,
                      @Nullable BigDecimal coverage) {}

    public record Table(String regionCode, String questionnaire, int questionnaireVersion, List<Row> rows, Row total) {}

    private static final String DIRECT = "";

    private final JdbcClient jdbc;
    private final Regions regions;
    private final Questionnaires questionnaires;
    private final CurrentUser currentUser;

    RegionalFigures(JdbcClient jdbc, Regions regions, Questionnaires questionnaires, CurrentUser currentUser) {
        this.jdbc = jdbc;
        this.regions = regions;
        this.questionnaires = questionnaires;
        this.currentUser = currentUser;
    }

    private record Entry(long enterprise, String path, double total, boolean integrated, boolean aboveScale,
                         boolean submitted) {}

    public Table of(String regionCode) {
        Region region = regions.get(regionCode);
        boolean reads = currentUser.scope().filter(s -> s.covers(region))
                .map(s -> s.role() == Role.ADMIN || s.role() == Role.PLANNER || s.role() == Role.REVIEWER).orElse(false);
        if (!reads) {
            throw new AccessDeniedException("not a planner or reviewer of region " + regionCode);
        }
        var v = questionnaires.latest();
        List<Entry> entries = jdbc.sql("select e.id, r.path, a.total_score, a.stage, e.above_scale, a.status "
                        + "from asm_enterprise e join region r on r.id = e.region_id "
                        + "left join asm_assessment a on a.enterprise_id = e.id and a.questionnaire_id = ? "
                        + "where r.path like ?")
                .params(v.id(), region.path() + "%")
                .query((rs, n) -> new Entry(rs.getLong(1), rs.getString(2),
                        rs.getBigDecimal(3) == null ? 0 : rs.getBigDecimal(3).doubleValue(),
                        rs.getString(4) != null && Stage.valueOf(rs.getString(4)).compareTo(Stage.INTEGRATION) >= 0,
                        rs.getBoolean(5), "SUBMITTED".equals(rs.getString(6))))
                .list();
        List<Region> children = regions.children(region);
        Map<String, List<Entry>> byChild = new LinkedHashMap<>();
        children.forEach(c -> byChild.put(c.code(), new ArrayList<>()));
        // enterprises registered in the region itself, in no child: a cell of their own, never shown as a row,
        // so that the total minus the published rows is protected like any suppressed cell
        List<Entry> direct = new ArrayList<>();
        for (Entry e : entries) {
            children.stream().filter(c -> e.path().startsWith(c.path())).findFirst()
                    .ifPresentOrElse(c -> byChild.get(c.code()).add(e), () -> direct.add(e));
        }
        // disclosure control over the region and its children (one level), on per-cell summaries
        List<RegionalDisclosure.Node> nodes = new ArrayList<>();
        nodes.add(new RegionalDisclosure.Node(region.code(), null, RegionalDisclosure.Stats.EMPTY));
        byChild.forEach((code, list) -> nodes.add(new RegionalDisclosure.Node(code, region.code(), stats(list))));
        nodes.add(new RegionalDisclosure.Node(DIRECT, region.code(), stats(direct)));
        Map<String, Verdict> control = RegionalDisclosure.control(nodes, RegionalDisclosure.MAGNITUDE, java.util.Set.of());
        List<Row> rows = new ArrayList<>();
        for (Region c : children) {
            rows.add(row(c, byChild.get(c.code()), verdict(control.get(c.code()), byChild.get(c.code()))));
        }
        Row total = row(region, entries, verdict(control.get(region.code()), entries));
        return new Table(region.code(), v.questionnaire().code(), v.questionnaire().version(), rows, total);
    }

    private static RegionalDisclosure.Stats stats(List<Entry> list) {
        RegionalDisclosure.Stats s = RegionalDisclosure.Stats.EMPTY;
        for (Entry e : list) {
            if (e.submitted()) {
                s = s.plus(RegionalDisclosure.Stats.of(e.total()));
            }
        }
        return s;
    }

    /** A cell with no submitted assessment has nothing to show: too few (as the first slice answered). */
    private static Verdict verdict(Verdict v, List<Entry> list) {
        return v == Verdict.PUBLISHED && list.stream().noneMatch(Entry::submitted) ? Verdict.TOO_FEW : v;
    }

    private static Row row(Region r, List<Entry> list, Verdict verdict) {
        LocalizedText name = r.name();
        if (verdict != Verdict.PUBLISHED) {
            return new Row(r.code(), name, verdict, null, null, null, null);
        }
        List<Entry> submitted = list.stream().filter(Entry::submitted).toList();
        int n = submitted.size();
        double mean = submitted.stream().mapToDouble(Entry::total).average().orElse(0);
        long integrated = submitted.stream().filter(Entry::integrated).count();
        long above = list.stream().filter(Entry::aboveScale).count();
        long aboveAnswered = submitted.stream().filter(Entry::aboveScale).count();
        return new Row(r.code(), name, verdict, n, scale(mean), scale(100.0 * integrated / n),
                above == 0 ? null : scale(100.0 * aboveAnswered / above));
    }

    private static BigDecimal scale(double v) {
        return BigDecimal.valueOf(v).setScale(1, RoundingMode.HALF_EVEN);
    }
}
