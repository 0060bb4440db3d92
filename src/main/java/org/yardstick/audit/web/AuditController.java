package org.yardstick.audit.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yardstick.audit.AuditTrail;

/**
 * The audit trail (审计日志) for administrators and planners: search, grouped per action in the reader's
 * language; export to CSV (opens in Excel: UTF-8 with a byte-order mark) for administrators. Planners do
 * not see the changes of accounts and tokens (security matters, the administrator's).
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'PLANNER')")
class AuditController {

    /** Kinds of thing only administrators read in the trail. */
    static final java.util.Set<String> ADMIN_ONLY = java.util.Set.of("account", "api_token");

    static final int PAGE = 200;

    private final AuditTrail trail;
    private final Clock clock;

    AuditController(AuditTrail trail, Clock clock) {
        this.trail = trail;
        this.clock = clock;
    }

    @GetMapping("/audit")
    String search(@RequestParam(required = false) @Nullable String entityType, @RequestParam(required = false) @Nullable String actor,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate until,
                  Model model, org.springframework.security.core.Authentication who) {
        boolean admin = who.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_ADMIN"));
        if (!admin && entityType != null && ADMIN_ONLY.contains(entityType.strip())) {
            throw new org.springframework.security.access.AccessDeniedException("audit of " + entityType + " is for administrators");
        }
        AuditTrail.Filter filter = filter(entityType, actor, from, until);
        java.util.List<org.yardstick.audit.AuditEvent> events = trail.search(filter, PAGE);
        if (!admin) {
            events = events.stream().filter(e -> !ADMIN_ONLY.contains(e.entityType())).toList();
        }
        model.addAttribute("actions", ActionGroups.of(events));
        model.addAttribute("admin", admin);
        model.addAttribute("entityType", entityType);
        model.addAttribute("actor", actor);
        model.addAttribute("from", from);
        model.addAttribute("until", until);
        model.addAttribute("limit", PAGE);
        return "audit/search";
    }

    @GetMapping("/audit/export.csv")
    @PreAuthorize("hasRole('ADMIN')")
    void export(@RequestParam(required = false) @Nullable String entityType, @RequestParam(required = false) @Nullable String actor,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate until,
                HttpServletResponse response) throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"yardstick-audit.csv\"");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        out.write('\uFEFF');
        trail.exportCsv(filter(entityType, actor, from, until), out);
        out.flush();
    }

    private AuditTrail.Filter filter(@Nullable String entityType, @Nullable String actor, @Nullable LocalDate from,
                                     @Nullable LocalDate until) {
        ZoneId zone = clock.getZone();
        return new AuditTrail.Filter(blank(entityType), blank(actor),
                from == null ? null : from.atStartOfDay(zone).toInstant(),
                until == null ? null : until.plusDays(1).atStartOfDay(zone).toInstant(), null);
    }

    private static @Nullable String blank(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
