package org.yardstick.index.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yardstick.index.IndexDefinition;
import org.yardstick.index.IndexDefinitions;
import org.yardstick.shared.InvalidInputException;

/**
 * The definition editor for planners and administrators: the YAML in a text area, "check" (htmx)
 * listing every problem with its line and field, and "save", which makes a new version only when
 * the text is valid and nobody saved another version since it was opened.
 */
@Controller
@PreAuthorize("@currentUser.mayPlan()")
class IndexEditorController {

    private final IndexDefinitions definitions;
    private final MessageSource messages;

    IndexEditorController(IndexDefinitions definitions, MessageSource messages) {
        this.definitions = definitions;
        this.messages = messages;
    }

    @GetMapping("/indices/new")
    String create(Model model) {
        return editor(model, null, 0, starter(), "");
    }

    @GetMapping("/indices/{code}/edit")
    String edit(@PathVariable String code, Model model) {
        IndexDefinition d = definitions.get(code);
        return editor(model, code, d.version(), d.yaml(), "");
    }

    /** The problems of the text as it is in the editor: a fragment for htmx. */
    @PostMapping("/indices/check")
    String check(@RequestParam String yaml, @RequestParam(required = false) @Nullable String editing, Model model,
            Locale locale) {
        model.addAttribute("checked", true);
        model.addAttribute("problems", ProblemView.of(definitions.check(yaml, blankToNull(editing)), messages, locale));
        return "index/editor :: problems";
    }

    @PostMapping("/indices/save")
    String save(@RequestParam String yaml, @RequestParam(required = false) @Nullable String editing,
            @RequestParam int version, @RequestParam(defaultValue = "") String note,
            @RequestParam(required = false) @Nullable Integer rebase, Model model, Locale locale,
            HttpServletResponse response, RedirectAttributes redirect) {
        String code = blankToNull(editing);
        int basedOn = rebase != null ? rebase : version;
        try {
            IndexDefinitions.Saved saved = definitions.save(code, basedOn, yaml, note.strip());
            redirect.addFlashAttribute(saved.changed() ? "saved" : "unchanged", saved.definition().version());
            return "redirect:/indices/" + saved.definition().code();
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("checked", true);
            model.addAttribute("problems", ProblemView.of(e.problems(), messages, locale));
            return editor(model, code, basedOn, yaml, note);
        } catch (IndexDefinitions.Conflict c) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("conflict", c);
            model.addAttribute("conflictAt", IndexView.when(c.current().savedAt()));
            return editor(model, code, basedOn, yaml, note);
        }
    }

    private static String editor(Model model, @Nullable String code, int version, String yaml, String note) {
        model.addAttribute("editing", code);
        model.addAttribute("version", version);
        model.addAttribute("yaml", yaml);
        model.addAttribute("note", note);
        model.addAttribute("maxNote", IndexDefinitions.MAX_NOTE);
        if (!model.containsAttribute("problems")) {
            model.addAttribute("problems", List.of());
        }
        return "index/editor";
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** The text a new definition starts from. */
    static String starter() {
        try (InputStream in = new ClassPathResource("index/starter.yaml").getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
