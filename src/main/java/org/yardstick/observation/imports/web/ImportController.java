package org.yardstick.observation.imports.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.yardstick.observation.DataSet;
import org.yardstick.observation.DataSets;
import org.yardstick.observation.imports.FigureImports;
import org.yardstick.observation.imports.ImportSlots;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.InvalidInputException;

/**
 * The import pages under {@code /collect/import}: choose a data set, download its Excel template,
 * upload a CSV or Excel file, see what it changed or every problem it has.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'PLANNER', 'REPORTER', 'REVIEWER')")
class ImportController {

    /** How many problems or warnings a result page lists; the count says how many there are. */
    static final int SHOWN = 1000;

    /** One problem as the page shows it: row, column, value and the reason in the user's language. */
    record Line(long row, String column, String value, String reason) {}

    private static final Logger log = LoggerFactory.getLogger(ImportController.class);

    private final FigureImports imports;
    private final ImportSlots slots;
    private final DataSets dataSets;
    private final MessageSource messages;
    private final Clock clock;

    ImportController(FigureImports imports, ImportSlots slots, DataSets dataSets, MessageSource messages, Clock clock) {
        this.imports = imports;
        this.slots = slots;
        this.dataSets = dataSets;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/collect/import")
    String page(@RequestParam(name = "dataSet", required = false) @Nullable String chosen, Model model) {
        List<DataSet> sets = imports.dataSets();
        model.addAttribute("dataSets", sets);
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("open", sets.stream().collect(Collectors.toMap(DataSet::code, d -> d.openOn(today).stream()
                .map(DataSet.Window::period).sorted().collect(Collectors.joining(", ")))));
        model.addAttribute("chosen", chosen != null ? chosen : sets.isEmpty() ? "" : sets.get(0).code());
        return "observation/import";
    }

    @GetMapping("/collect/import/{code}/template.xlsx")
    void template(@PathVariable String code, Locale locale, HttpServletResponse response) throws IOException {
        dataSets.get(code);
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(FigureImports.templateName(code)).build().toString());
        imports.template(code, locale, response.getOutputStream());
    }

    @PostMapping("/collect/import")
    String upload(@RequestParam("dataSet") String code, @RequestParam("file") MultipartFile file, Locale locale,
                  Model model, HttpServletResponse response) throws IOException {
        DataSet ds = dataSets.get(code);
        model.addAttribute("dataSet", ds);
        String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? "upload"
                : file.getOriginalFilename();
        model.addAttribute("fileName", name);
        ImportSlots.Slot slot = slots.tryTake();
        if (slot == null) {
            // as many imports as the heap is sized for are running: come back, rather than wait holding a thread
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(ImportSlots.RETRY_AFTER_SECONDS));
            model.addAttribute("busy", ImportSlots.RETRY_AFTER_SECONDS);
            return "observation/import-result";
        }
        try (slot; InputStream in = file.getInputStream()) {
            FigureImports.Outcome outcome = imports.importFile(code, name, in);
            model.addAttribute("outcome", outcome);
            model.addAttribute("warnings", lines(outcome.warnings(), locale));
            model.addAttribute("warningCount", outcome.warnings().size());
        } catch (InvalidInputException e) {
            response.setStatus(422);
            model.addAttribute("problems", lines(e.problems(), locale));
            model.addAttribute("problemCount", e.total());
        } catch (DataAccessException | TransactionException | IllegalStateException | IOException
                 | java.io.UncheckedIOException e) {
            // the database went away, a disk filled up …: the transaction is rolled back, so nothing of the file is stored
            log.error("import of {} into {} failed; nothing was written", name, code, e);
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            model.addAttribute("failed", true);
        }
        return "observation/import-result";
    }

    private List<Line> lines(List<InputProblem> problems, Locale locale) {
        return problems.stream().limit(SHOWN).map(p -> new Line(p.line(), p.field(), p.value() == null ? "" : p.value(),
                messages.getMessage("problem." + p.kind().key(), p.args().stream().map(ImportController::text).toArray(),
                        p.reason(), locale))).toList();
    }

    private static Object text(Object arg) {
        return arg instanceof Number ? arg : String.valueOf(arg);
    }
}
