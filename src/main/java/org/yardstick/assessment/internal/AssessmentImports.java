package org.yardstick.assessment.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yardstick.assessment.engine.Answer;
import org.yardstick.assessment.engine.AnswerSheets;
import org.yardstick.assessment.engine.AssessmentProblem;
import org.yardstick.assessment.engine.CreditCode;
import org.yardstick.assessment.engine.QuestionKind;
import org.yardstick.assessment.engine.Questionnaire;
import org.yardstick.assessment.engine.Scoring;
import org.yardstick.assessment.engine.Stage;
import org.yardstick.security.Account;
import org.yardstick.security.CurrentUser;
import org.yardstick.security.Role;
import org.yardstick.shared.FileProblem;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.InvalidInputException;

/**
 * Bulk import of many enterprises' answers (批量导入) for a region's 经信委 who collects them on paper: a template
 * (one row per enterprise, one column per question of a questionnaire version), and its upload, checked whole and
 * stored all or nothing: new enterprises registered (size class by the NBS 2017 rule where the figures allow),
 * every row's assessment submitted and scored under the template's version, each audited with its channel.
 */
@Service
public class AssessmentImports {

    /** The enterprise columns of the template, in order; the question codes follow. */
    public static final List<String> FIELDS = List.of("credit_code", "name", "county", "industry", "employees",
            "revenue", "total_assets", "size_class", "above_scale");
    static final String FIRST_CELL = "questionnaire";
    private static final Pattern NUMBER_UNIT = Pattern.compile("([-+]?[0-9][0-9,]*(?:\\.[0-9]+)?)\\s*(.*)");

    /** What an import did (or, with dryRun, would do). */
    public record Outcome(boolean dryRun, String questionnaire, int version, int registered, int submitted,
                          List<Line> lines) {}

    /** One enterprise row: its enterprise, whether new, the size class and how it was found, the score. */
    public record Line(long line, String creditCode, String name, boolean newEnterprise, SizeClass sizeClass,
                       boolean sizeStated, BigDecimal total, Stage stage) {}

    private final Enterprises enterprises;
    private final Assessments assessments;
    private final Questionnaires questionnaires;
    private final CurrentUser currentUser;
    private final MessageSource messages;

    AssessmentImports(Enterprises enterprises, Assessments assessments, Questionnaires questionnaires,
                      CurrentUser currentUser, MessageSource messages) {
        this.enterprises = enterprises;
        this.assessments = assessments;
        this.questionnaires = questionnaires;
        this.currentUser = currentUser;
        this.messages = messages;
    }

    private Account importer() {
        Account a = currentUser.account().orElseThrow(() -> new AccessDeniedException("not signed in"));
        boolean regional = (a.role() == Role.PLANNER || a.role() == Role.REVIEWER) && a.regionPath() != null;
        if (!regional && a.role() != Role.ADMIN) {
            throw new AccessDeniedException("only planners, reviewers and administrators import assessments");
        }
        return a;
    }

    /** The template of the newest questionnaire version (.xlsx): version row, column codes, labels in the locale. */
    public byte[] template(Locale locale) {
        importer();
        Questionnaire q = questionnaires.latest().questionnaire();
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet(msg("asm.import.sheet", locale));
            var r0 = sheet.createRow(0);
            r0.createCell(0).setCellValue(FIRST_CELL);
            r0.createCell(1).setCellValue(q.code());
            r0.createCell(2).setCellValue(q.version());
            r0.createCell(3).setCellValue(q.title().in(locale));
            var codes = sheet.createRow(1);
            var labels = sheet.createRow(2);
            int c = 0;
            for (String f : FIELDS) {
                codes.createCell(c).setCellValue(f);
                labels.createCell(c++).setCellValue(msg("asm.import.column." + f, locale));
            }
            for (Questionnaire.Question question : q.allQuestions()) {
                codes.createCell(c).setCellValue(question.code());
                labels.createCell(c++).setCellValue(question.text().in(locale) + hint(question, locale));
            }
            for (int i = 0; i < c; i++) {
                sheet.setColumnWidth(i, 16 * 256);
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String hint(Questionnaire.Question q, Locale locale) {
        return switch (q.kind()) {
            case NUMBER -> " [" + q.unit() + "]";
            case YES_NO -> " [yes/no]";
            case SINGLE, MULTIPLE -> " [" + String.join(q.kind() == QuestionKind.MULTIPLE ? ", " : " | ",
                    q.options().stream().map(o -> o.code() + "=" + o.text().in(locale)).toList()) + "]";
        };
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    /**
     * Checks a file whole and, unless {@code dryRun}, stores it all or nothing.
     *
     * @throws InvalidInputException with every problem found (row, field, value, reason); nothing is stored then
     */
    @Transactional
    public Outcome importFile(String source, byte[] bytes, boolean dryRun, String channel) {
        Account a = importer();
        List<AnswerSheets.Row> rows = AnswerSheets.read(source, bytes).stream().filter(r -> !r.blank()).toList();
        List<InputProblem> problems = new ArrayList<>();
        if (rows.isEmpty() || !FIRST_CELL.equalsIgnoreCase(rows.get(0).cell(0))) {
            throw new InvalidInputException(InputProblem.of(source, rows.isEmpty() ? 1 : rows.get(0).line(), "A1",
                    rows.isEmpty() ? "" : rows.get(0).cell(0), AssessmentProblem.IMPORT_HEADER));
        }
        String code = rows.get(0).cell(1);
        Optional<Questionnaires.Version> version;
        try {
            version = questionnaires.find(code, new BigDecimal(rows.get(0).cell(2)).intValueExact());
        } catch (ArithmeticException | NumberFormatException e) {
            version = Optional.empty();
        }
        if (version.isEmpty()) {
            throw new InvalidInputException(InputProblem.of(source, rows.get(0).line(), "version",
                    rows.get(0).cell(2), AssessmentProblem.IMPORT_VERSION, code, rows.get(0).cell(2)));
        }
        Questionnaires.Version v = version.get();
        Questionnaire q = v.questionnaire();
        if (rows.size() < 2) {
            throw new InvalidInputException(InputProblem.of(source, rows.get(0).line(), "", null,
                    AssessmentProblem.NO_ROWS));
        }
        // the header: enterprise fields and question codes, in any order
        AnswerSheets.Row header = rows.get(1);
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (int i = 0; i < header.cells().size(); i++) {
            String h = header.cell(i);
            if (h.isEmpty()) {
                continue;
            }
            if (!FIELDS.contains(h) && q.allQuestions().stream().noneMatch(x -> x.code().equals(h))) {
                problems.add(InputProblem.of(source, header.line(), h, h, AssessmentProblem.UNKNOWN_COLUMN));
            } else if (columns.putIfAbsent(h, i) != null) {
                problems.add(InputProblem.of(source, header.line(), h, h, AssessmentProblem.DUPLICATE_CODE, h));
            }
        }
        if (!columns.containsKey("credit_code")) {
            problems.add(InputProblem.of(source, header.line(), "credit_code", "", AssessmentProblem.MISSING_COLUMN,
                    "credit_code"));
        }
        for (Questionnaire.Question question : q.questions()) {
            if (!columns.containsKey(question.code())) {
                problems.add(InputProblem.of(source, header.line(), question.code(), "",
                        AssessmentProblem.MISSING_COLUMN, question.code()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        // the labels row of the template, if kept, is recognised by its first enterprise column
        int first = 2;
        if (rows.size() > 2 && !CreditCode.isValid(CreditCode.normalise(rows.get(2).cell(columns.get("credit_code"))))
                && labelWords().contains(rows.get(2).cell(columns.get("credit_code")))) {
            first = 3;
        }
        if (rows.size() <= first) {
            throw new InvalidInputException(InputProblem.of(source, header.line(), "", null, AssessmentProblem.NO_ROWS));
        }
        record Planned(long line, @Nullable Enterprise existing, Enterprises.@Nullable Checked registration,
                       Map<String, Answer> answers, Scoring.Score score) {}
        List<Planned> planned = new ArrayList<>();
        Map<String, Long> seen = new HashMap<>();
        for (AnswerSheets.Row row : rows.subList(first, rows.size())) {
            long line = row.line();
            int before = problems.size();
            String creditCode = CreditCode.normalise(cell(row, columns, "credit_code"));
            Long earlier = seen.putIfAbsent(creditCode, line);
            if (earlier != null) {
                problems.add(InputProblem.of(source, line, "credit_code", creditCode, AssessmentProblem.DUPLICATE_ROW,
                        earlier));
            }
            Optional<Enterprise> existing = CreditCode.isValid(creditCode)
                    ? enterprises.byCreditCode(creditCode) : Optional.empty();
            Enterprises.Checked registration = null;
            if (existing.isPresent()) {
                Enterprise e = existing.get();
                if (!a.role().equals(Role.ADMIN) && !enterprises.regionPath(e).startsWith(a.regionPath())) {
                    problems.add(InputProblem.of(source, line, "credit_code", creditCode,
                            AssessmentProblem.OUTSIDE_REGION, a.regionCode()));
                } else if (assessments.submitted(e.id(), v.id())) {
                    problems.add(InputProblem.of(source, line, "credit_code", creditCode,
                            AssessmentProblem.ALREADY_SUBMITTED));
                }
            } else {
                List<InputProblem> found = new ArrayList<>();
                registration = enterprises.check(new Enterprises.Registration(creditCode, cell(row, columns, "name"),
                                cell(row, columns, "county"), cell(row, columns, "industry"),
                                sizeClass(source, line, cell(row, columns, "size_class"), problems),
                                aboveScale(source, line, cell(row, columns, "above_scale"), problems), null),
                        figures(source, line, row, columns, problems), a, source, line, found);
                // the registration's field names, as the file's columns
                found.forEach(p -> problems.add(new InputProblem(p.source(), p.line(), column(p.field()), p.value(),
                        p.kind(), p.args())));
            }
            // the row answers the variant of its enterprise's industry; a cell of a question it removes must be empty
            String industry = existing.map(Enterprise::industryCode)
                    .orElse(registration == null ? "" : registration.industry());
            Questionnaire rq = q.answeredBy(industry);
            Map<String, Answer> answers = new LinkedHashMap<>();
            for (Questionnaire.Question question : q.allQuestions()) {
                String value = cell(row, columns, question.code());
                if (rq.question(question.code()).isPresent()) {
                    answers.put(question.code(), answer(question, value));
                } else if (!value.isEmpty()) {
                    problems.add(InputProblem.of(source, line, question.code(), value, AssessmentProblem.UNKNOWN_QUESTION));
                }
            }
            Scoring.check(rq, answers, true).forEach(p -> problems.add(new InputProblem(source, line, p.field(),
                    p.value(), p.kind(), p.args())));
            if (problems.size() == before) {
                planned.add(new Planned(line, existing.orElse(null), registration, answers,
                        Scoring.score(rq, answers)));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        List<Line> lines = new ArrayList<>();
        int registered = 0;
        for (Planned p : planned) {
            Enterprise e = p.existing();
            if (e == null) {
                registered++;
                Enterprises.Checked c = p.registration();
                e = dryRun ? new Enterprise(0, c.code(), c.name(), null, c.region().code(), c.industry(), c.size(),
                        c.aboveScale(), c.stated()) : enterprises.insert(c, null, a.username(), channel);
            }
            if (!dryRun) {
                assessments.submitImported(e, v, p.answers(), a.username(), channel);
            }
            lines.add(new Line(p.line(), e.creditCode(), e.name(), p.existing() == null, e.sizeClass(), e.sizeStated(),
                    p.score().total(), p.score().stage()));
        }
        return new Outcome(dryRun, q.code(), q.version(), registered, lines.size(), lines);
    }

    private Set<String> labelWords() {
        return Set.of(msg("asm.import.column.credit_code", Locale.SIMPLIFIED_CHINESE),
                msg("asm.import.column.credit_code", Locale.ENGLISH));
    }

    private static String column(String field) {
        return switch (field) {
            case "creditCode" -> "credit_code";
            case "regionCode" -> "county";
            case "industryCode" -> "industry";
            case "sizeClass" -> "size_class";
            case "totalAssets" -> "total_assets";
            default -> field;
        };
    }

    private static String cell(AnswerSheets.Row row, Map<String, Integer> columns, String column) {
        Integer i = columns.get(column);
        return i == null ? "" : row.cell(i);
    }

    /** A cell as an answer: 是/否 as yes/no, a number with its unit split off, choices separated by 、 or commas. */
    public static Answer answer(Questionnaire.Question q, String cell) {
        String v = cell.strip();
        return switch (q.kind()) {
            case YES_NO -> new Answer(q.code(), switch (v) {
                case "是" -> "yes";
                case "否" -> "no";
                default -> v.toLowerCase(Locale.ROOT);
            }, null);
            case NUMBER -> {
                Matcher m = NUMBER_UNIT.matcher(v);
                yield m.matches() ? new Answer(q.code(), m.group(1).replace(",", ""), m.group(2))
                        : new Answer(q.code(), v, null);
            }
            case MULTIPLE -> new Answer(q.code(), v.replace('、', ',').replace('，', ','), null);
            case SINGLE -> new Answer(q.code(), v, null);
        };
    }

    private static @Nullable SizeClass sizeClass(String source, long line, String cell, List<InputProblem> problems) {
        String v = cell.strip();
        if (v.isEmpty()) {
            return null;
        }
        return switch (v.toUpperCase(Locale.ROOT)) {
            case "LARGE", "大型", "大" -> SizeClass.LARGE;
            case "MEDIUM", "中型", "中" -> SizeClass.MEDIUM;
            case "SMALL", "小型", "小" -> SizeClass.SMALL;
            case "MICRO", "微型", "微" -> SizeClass.MICRO;
            default -> {
                problems.add(InputProblem.of(source, line, "size_class", v, AssessmentProblem.NOT_AN_OPTION,
                        "LARGE, MEDIUM, SMALL, MICRO (大型, 中型, 小型, 微型)"));
                yield null;
            }
        };
    }

    private static boolean aboveScale(String source, long line, String cell, List<InputProblem> problems) {
        String v = cell.strip().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "", "no", "否", "false", "0" -> false;
            case "yes", "是", "true", "1" -> true;
            default -> {
                problems.add(InputProblem.of(source, line, "above_scale", cell, AssessmentProblem.NOT_YES_NO));
                yield false;
            }
        };
    }

    private static Enterprises.Figures figures(String source, long line, AnswerSheets.Row row,
                                               Map<String, Integer> columns, List<InputProblem> problems) {
        BigDecimal employees = number(source, line, "employees", cell(row, columns, "employees"), problems);
        Long persons = null;
        if (employees != null) {
            try {
                persons = employees.longValueExact();
            } catch (ArithmeticException e) {
                problems.add(InputProblem.of(source, line, "employees", employees.toPlainString(),
                        FileProblem.NOT_AN_INTEGER));
            }
        }
        return new Enterprises.Figures(persons, number(source, line, "revenue", cell(row, columns, "revenue"), problems),
                number(source, line, "total_assets", cell(row, columns, "total_assets"), problems));
    }

    private static @Nullable BigDecimal number(String source, long line, String field, String cell,
                                               List<InputProblem> problems) {
        String v = cell.strip().replace(",", "");
        if (v.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(v);
        } catch (NumberFormatException e) {
            problems.add(InputProblem.of(source, line, field, cell, AssessmentProblem.NOT_A_NUMBER));
            return null;
        }
    }
}
