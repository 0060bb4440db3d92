package org.yardstick.framework.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.yardstick.framework.Change;
import org.yardstick.framework.FrameworkFiles;
import org.yardstick.framework.Plans;
import org.yardstick.security.CurrentUser;
import org.yardstick.shared.FileProblem;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.InvalidInputException;

/**
 * The framework files page (规划文件): upload files or a zip, see what they would add, change and retire,
 * apply them in one transaction; download the framework, whole or by plan. Planners and admins.
 */
@Controller
class FrameworksController {

    private static final String PENDING = "frameworks.pending";

    /** One problem as the page shows it. */
    record Line(String source, long line, String field, String value, String reason) {}

    private final FrameworkFiles files;
    private final Plans plans;
    private final CurrentUser user;
    private final MessageSource messages;

    FrameworksController(FrameworkFiles files, Plans plans, CurrentUser user, MessageSource messages) {
        this.files = files;
        this.plans = plans;
        this.user = user;
        this.messages = messages;
    }

    @GetMapping("/frameworks")
    String page(Model model) {
        user.requirePlan();
        model.addAttribute("plans", plans.all());
        return "framework/frameworks";
    }

    @PostMapping("/frameworks/preview")
    String preview(@RequestParam("files") List<MultipartFile> uploads, @RequestParam(defaultValue = "") String reason,
                   HttpSession session, Model model, Locale locale, HttpServletResponse response) throws IOException {
        user.requirePlan();
        Map<String, byte[]> contents = new LinkedHashMap<>();
        for (MultipartFile f : uploads) {
            if (!f.isEmpty()) {
                contents.put(f.getOriginalFilename() == null ? "upload.yaml" : f.getOriginalFilename(), f.getBytes());
            }
        }
        model.addAttribute("plans", plans.all());
        model.addAttribute("reason", reason);
        try {
            UploadedFiles set = set(contents);
            FrameworkFiles.Summary summary = files.preview(set, Change.form(reason));
            String id = UUID.randomUUID().toString();
            session.setAttribute(PENDING, new Pending(id, contents));
            model.addAttribute("summary", summary);
            model.addAttribute("pending", id);
        } catch (InvalidInputException e) {
            response.setStatus(422);
            model.addAttribute("problems", lines(e.problems(), locale));
        }
        return "framework/frameworks";
    }

    @PostMapping("/frameworks/apply")
    String apply(@RequestParam String pending, @RequestParam(defaultValue = "") String reason, HttpSession session, Model model,
                 Locale locale, HttpServletResponse response) {
        user.requirePlan();
        model.addAttribute("plans", plans.all());
        Object held = session.getAttribute(PENDING);
        if (!(held instanceof Pending p) || !p.id().equals(pending)) {
            response.setStatus(409);
            model.addAttribute("expired", true);
            return "framework/frameworks";
        }
        try {
            FrameworkFiles.Summary summary = files.apply(set(p.contents()), Change.form(reason));
            session.removeAttribute(PENDING);
            model.addAttribute("summary", summary);
        } catch (InvalidInputException e) {
            response.setStatus(422);
            model.addAttribute("problems", lines(e.problems(), locale));
        }
        return "framework/frameworks";
    }

    @GetMapping("/frameworks/export.zip")
    ResponseEntity<byte[]> exportAll() {
        user.requirePlan();
        return FrameworkApi.zipResponse("frameworks", files.export(List.of()));
    }

    @GetMapping("/frameworks/{plan}.zip")
    ResponseEntity<byte[]> exportPlan(@PathVariable String plan) {
        user.requirePlan();
        plans.get(plan);
        return FrameworkApi.zipResponse(plan, files.export(List.of(plan)));
    }

    /** Uploaded files held between the preview and the apply, so that what is applied is what was previewed. */
    record Pending(String id, Map<String, byte[]> contents) implements java.io.Serializable {}

    private static UploadedFiles set(Map<String, byte[]> contents) {
        UploadedFiles set = new UploadedFiles("");
        contents.forEach(set::add);
        if (set.isEmpty()) {
            throw new InvalidInputException(InputProblem.of("", 0, "files", "", FileProblem.EMPTY));
        }
        return set;
    }

    private List<Line> lines(List<InputProblem> problems, Locale locale) {
        return problems.stream().limit(1000).map(p -> new Line(p.source(), p.line(), p.field(), p.value() == null ? "" : p.value(),
                messages.getMessage("problem." + p.kind().key(), p.args().stream().map(a -> a instanceof Number ? a : String.valueOf(a))
                        .toArray(), p.reason(), locale))).toList();
    }
}
