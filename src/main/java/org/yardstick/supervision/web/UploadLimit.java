package org.yardstick.supervision.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.yardstick.shared.InputProblem;
import org.yardstick.supervision.Problem;
import org.yardstick.supervision.SupervisionSettings;

/**
 * An upload beyond the server's request limit ({@code spring.servlet.multipart.*}, set well above the
 * evidence limit) is refused before any controller runs; this says why, in the user's language, with
 * 413. Uploads within the request limit but above the evidence limit are refused by the report form
 * itself (422).
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadLimit {

    private final SupervisionSettings settings;

    UploadLimit(SupervisionSettings settings) {
        this.settings = settings;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String tooLarge(Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
        model.addAttribute("problems", List.of(InputProblem.of("attachment", 0, "files", "", Problem.FILE_TOO_LARGE,
                settings.maxAttachmentSize().toMegabytes() + " MB")));
        model.addAttribute("back", "/supervision");
        return "supervision/problems";
    }
}
