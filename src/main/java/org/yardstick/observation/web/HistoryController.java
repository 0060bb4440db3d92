package org.yardstick.observation.web;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.yardstick.audit.AuditTrail;
import org.yardstick.region.Region;
import org.yardstick.region.Regions;
import org.yardstick.security.CurrentUser;
import org.yardstick.shared.NotFoundException;

/** The history of one figure (修改记录): every change, who, when, old and new value, why. */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'PLANNER', 'REPORTER', 'REVIEWER')")
class HistoryController {

    private final AuditTrail trail;
    private final JdbcClient jdbc;
    private final Regions regions;
    private final CurrentUser currentUser;

    HistoryController(AuditTrail trail, JdbcClient jdbc, Regions regions, CurrentUser currentUser) {
        this.trail = trail;
        this.jdbc = jdbc;
        this.regions = regions;
        this.currentUser = currentUser;
    }

    @GetMapping("/collect/history/{id}")
    String history(@PathVariable long id, Model model) {
        // category: the breakdown's name (分组: 城镇), empty for the total
        record Figure(String indicator, String region, String period, long submission, String categoryZh, String categoryEn) {}
        Figure f = jdbc.sql("""
                select i.code, r.code, o.period, coalesce(o.submission_id, 0), g.code, g.name_zh, g.name_en from observation o
                join indicator i on i.id = o.indicator_id join region r on r.id = o.region_id
                join disaggregation g on g.id = o.disaggregation_id where o.id = ?""")
                .param(id).query((rs, n) -> new Figure(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        "_T".equals(rs.getString(5)) ? "" : rs.getString(6), "_T".equals(rs.getString(5)) ? "" : rs.getString(7)))
                .optional().orElseThrow(() -> new NotFoundException("observation", Long.toString(id)));
        Region region = regions.get(f.region());
        if (!currentUser.maySeeUnapproved(region)) {
            throw new org.springframework.security.access.AccessDeniedException("not your region");
        }
        model.addAttribute("figure", f);
        model.addAttribute("region", region);
        model.addAttribute("events", trail.history("observation", id));
        model.addAttribute("submissionEvents", f.submission() == 0 ? java.util.List.of() : trail.history("submission", f.submission()));
        return "observation/history";
    }
}
