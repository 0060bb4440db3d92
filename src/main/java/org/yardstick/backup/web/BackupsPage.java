package org.yardstick.backup.web;

import java.util.Locale;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yardstick.backup.internal.Backups;
import org.yardstick.shared.InvalidInputException;
import org.yardstick.shared.NotFoundException;
import org.yardstick.web.ProblemText;

/** 数据备份: the platform's administrator takes a backup of the embedded database and downloads it. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class BackupsPage {

    private final Backups backups;
    private final ProblemText problems;

    BackupsPage(Backups backups, ProblemText problems) {
        this.backups = backups;
        this.problems = problems;
    }

    @GetMapping("/admin/backups")
    String page(Model model) {
        model.addAttribute("supported", backups.supported());
        model.addAttribute("backups", backups.list());
        return "backup/backups";
    }

    @PostMapping("/admin/backups")
    String take(RedirectAttributes flash, Locale locale) {
        try {
            flash.addFlashAttribute("taken", backups.take());
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("refused", e.problems().stream().map(p -> problems.full(p, locale)).toList());
        }
        return "redirect:/admin/backups";
    }

    @GetMapping("/admin/backups/{file}")
    ResponseEntity<FileSystemResource> download(@PathVariable String file) {
        var path = backups.file(file).orElseThrow(() -> new NotFoundException("backup", file));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file).build().toString())
                .contentType(MediaType.parseMediaType("application/zip"))
                .body(new FileSystemResource(path));
    }
}
