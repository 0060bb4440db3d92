package org.yardstick.supervision.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.InvalidInputException;
import org.yardstick.supervision.internal.Access;
import org.yardstick.supervision.internal.Attachments;
import org.yardstick.supervision.Item;
import org.yardstick.supervision.Items;
import org.yardstick.supervision.internal.ReportingPeriods;
import org.yardstick.supervision.internal.Reports;
import org.yardstick.supervision.internal.SupervisionSettings;

/** The report form of a department, and the evidence files of reports. */
@Controller
@RequestMapping("/supervision")
class ReportController {

    private final Items items;
    private final Reports reports;
    private final Attachments attachments;
    private final ReportingPeriods periods;
    private final Access access;
    private final SupervisionSettings settings;

    ReportController(Items items, Reports reports, Attachments attachments, ReportingPeriods periods, Access access,
                     SupervisionSettings settings) {
        this.items = items;
        this.reports = reports;
        this.attachments = attachments;
        this.periods = periods;
        this.access = access;
        this.settings = settings;
    }

    @GetMapping("/items/{id}/report")
    @PreAuthorize("hasRole('DEPARTMENT')")
    String form(@PathVariable long id, Model model) {
        Item item = items.get(id);
        access.requireReport(item);
        return form(item, model, periods.current(item.planId(), items.today()).code(), "", "", List.of());
    }

    private String form(Item item, Model model, String period, String progress, String narrative, List<InputProblem> problems) {
        model.addAttribute("item", item);
        model.addAttribute("lead", item.ledBy(String.valueOf(access.department())));
        model.addAttribute("periods", periods.open(item.planId(), items.today()));
        model.addAttribute("period", period);
        model.addAttribute("progress", progress);
        model.addAttribute("narrative", narrative);
        model.addAttribute("problems", problems);
        model.addAttribute("maxSize", settings.maxAttachmentSize().toMegabytes());
        return "supervision/report";
    }

    @PostMapping("/items/{id}/report")
    @PreAuthorize("hasRole('DEPARTMENT')")
    String file(@PathVariable long id, @RequestParam(required = false) @Nullable String period,
                @RequestParam(required = false) @Nullable String progress,
                @RequestParam(required = false) @Nullable String narrative,
                @RequestParam(name = "files", required = false) @Nullable List<MultipartFile> files, Model model,
                HttpServletResponse response) {
        List<Attachments.Upload> uploads = files == null ? List.of() : files.stream().filter(f -> !f.isEmpty()
                        || (f.getOriginalFilename() != null && !f.getOriginalFilename().isEmpty()))
                .map(f -> new Attachments.Upload(f.getOriginalFilename() == null ? "" : f.getOriginalFilename(), f))
                .toList();
        try {
            reports.file(id, period, progress, narrative, uploads);
            return "redirect:/supervision/items/" + id + "?filed";
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return form(items.get(id), model, period == null ? "" : period, progress == null ? "" : progress,
                    narrative == null ? "" : narrative, e.problems());
        }
    }

    @GetMapping("/attachments/{id}")
    @PreAuthorize("hasAnyRole('ADMIN', 'PLANNER', 'DEPARTMENT')")
    ResponseEntity<Resource> download(@PathVariable long id) {
        Attachments.Download d = attachments.open(id);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(d.contentType()))
                .contentLength(d.size())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(d.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(new org.springframework.core.io.ByteArrayResource(d.content()));
    }
}
