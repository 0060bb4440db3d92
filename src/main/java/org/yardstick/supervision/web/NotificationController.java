package org.yardstick.supervision.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.yardstick.supervision.internal.Alerts;
import org.yardstick.supervision.internal.Outbox;

/** The account's notifications: its organisation's alerts (departments) or all (planners). */
@Controller
@RequestMapping("/supervision/notifications")
@PreAuthorize("hasAnyRole('ADMIN', 'PLANNER', 'DEPARTMENT')")
class NotificationController {

    static final int LIMIT = 500;

    private final Alerts alerts;
    private final Outbox outbox;

    NotificationController(Alerts alerts, Outbox outbox) {
        this.alerts = alerts;
        this.outbox = outbox;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("notifications", alerts.forCurrentAccount(LIMIT));
        model.addAttribute("outbox", outbox.state());
        return "supervision/notifications";
    }

    @PostMapping("/read")
    String read() {
        alerts.markAllRead();
        return "redirect:/supervision/notifications";
    }
}
