package org.yardstick.observation.imports.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * An upload larger than the server accepts at all ({@code spring.servlet.multipart.max-file-size})
 * is refused before any controller sees it; this says so on the import result page, in the user's
 * language, instead of a bare error page. (Smaller limits per format are the import's own.)
 */
@ControllerAdvice
class UploadLimit {

    private final MessageSource messages;
    private final DataSize limit;

    UploadLimit(MessageSource messages, @Value("${spring.servlet.multipart.max-file-size:1MB}") DataSize limit) {
        this.messages = messages;
        this.limit = limit;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String tooLarge(HttpServletResponse response, Model model, Locale locale) {
        response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        String reason = messages.getMessage("problem.file.too-large", new Object[] {limit.toMegabytes() + " MB"}, locale);
        model.addAttribute("problems", List.of(new ImportController.Line(0, "", "", reason)));
        model.addAttribute("problemCount", 1);
        return "observation/import-result";
    }
}
