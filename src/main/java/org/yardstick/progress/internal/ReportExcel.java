package org.yardstick.progress.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.yardstick.framework.Indicator;
import org.yardstick.framework.Indicators;
import org.yardstick.framework.Plans;
import org.yardstick.framework.Target;
import org.yardstick.observation.Observation;
import org.yardstick.observation.Observations;
import org.yardstick.progress.ProgressText;
import org.yardstick.progress.rules.Assessment;

/**
 * The Excel annex of an evaluation report: every target with its assessment (one row each), and
 * every approved figure of the plan's indicators in the plan's regions with its sources.
 */
@Component
public class ReportExcel {

    static final List<String> TARGET_COLUMNS = List.of("code", "target", "indicator", "region", "kind", "baseline-year",
            "baseline", "latest-year", "latest", "level", "level-high", "target-year", "progress", "expected", "status",
            "reason", "notes", "basis", "achieved", "required", "required-from-latest", "ratio", "linear", "compound",
            "low", "high", "previous-status");

    static final List<String> FIGURE_COLUMNS = List.of("indicator-code", "indicator", "region-code", "region", "period",
            "breakdown", "measure", "base-period", "value", "qualifier", "approved-at", "document", "line", "quote");

    private final Observations observations;
    private final Plans plans;
    private final Indicators indicators;
    private final MessageSource messages;
    private final ProgressText text;

    ReportExcel(Observations observations, Plans plans, Indicators indicators, MessageSource messages, ProgressText text) {
        this.observations = observations;
        this.plans = plans;
        this.indicators = indicators;
        this.messages = messages;
        this.text = text;
    }

    /** The workbook as .xlsx bytes. */
    public byte[] write(Report report, Locale locale) {
        PlanEvaluation e = report.evaluation();
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle header = book.createCellStyle();
            Font bold = book.createFont();
            bold.setBold(true);
            header.setFont(bold);

            Sheet targets = book.createSheet(msg("report.xlsx.sheet.targets", locale));
            header(targets, header, TARGET_COLUMNS, "report.xlsx.target.", locale);
            int r = 1;
            for (PlanEvaluation.Item i : e.items()) {
                Target t = i.target();
                Assessment a = i.now();
                Row row = targets.createRow(r++);
                List<Object> v = new ArrayList<>();
                v.add(t.code());
                v.add(t.statement().in(locale));
                v.add(i.indicator() == null ? "" : i.indicator().name().in(locale));
                v.add(e.regions().containsKey(t.regionCode()) ? e.regions().get(t.regionCode()).name().in(locale) : t.regionCode());
                v.add(msg("target.kind." + t.kind().name(), locale));
                v.add(a.start() == null ? null : a.start().year());
                v.add(a.start() == null ? null : a.start().value());
                v.add(a.latest() == null ? null : a.latest().year());
                v.add(a.latest() == null ? null : a.latest().value());
                v.add(a.targetLevel());
                v.add(a.targetLevelHigh());
                v.add(t.targetYear());
                v.add(a.progressPercent());
                v.add(a.expected());
                v.add(text.status(a.status(), locale));
                v.add(text.of(a.reason(), locale));
                v.add(a.notes().stream().map(n -> text.of(n, locale)).collect(Collectors.joining(" ")));
                v.add(a.rates() == null ? null : msg("report.basis." + a.rates().basis().name(), locale));
                v.add(a.rates() == null ? null : a.rates().achieved());
                v.add(a.rates() == null ? null : a.rates().required());
                v.add(a.rates() == null ? null : a.rates().requiredFromLatest());
                v.add(a.rates() == null ? null : a.rates().ratio());
                v.add(a.projection() == null ? null : a.projection().linear());
                v.add(a.projection() == null ? null : a.projection().compound());
                v.add(a.projection() == null ? null : a.projection().low());
                v.add(a.projection() == null ? null : a.projection().high());
                v.add(text.status(i.before().status(), locale));
                fill(row, v);
            }

            Sheet figures = book.createSheet(msg("report.xlsx.sheet.figures", locale));
            header(figures, header, FIGURE_COLUMNS, "report.xlsx.figure.", locale);
            Set<String> indicatorCodes = new LinkedHashSet<>(plans.indicatorCodes(e.plan()));
            e.items().stream().map(i -> i.target().indicatorCode()).filter(c -> c != null).forEach(indicatorCodes::add);
            Map<String, Indicator> names = indicators.byCodes(indicatorCodes);
            r = 1;
            for (Observation o : observations.approvedFigures(indicatorCodes, e.regions().keySet())) {
                List<org.yardstick.framework.Citation> sources = o.sources().isEmpty() ? java.util.Collections.singletonList(null) : o.sources();
                for (org.yardstick.framework.Citation s : sources) {
                    Row row = figures.createRow(r++);
                    Indicator indicator = names.get(o.indicatorCode());
                    List<Object> v = new ArrayList<>();
                    v.add(o.indicatorCode());
                    v.add(indicator == null ? "" : indicator.name().in(locale));
                    v.add(o.regionCode());
                    v.add(e.regions().containsKey(o.regionCode()) ? e.regions().get(o.regionCode()).name().in(locale) : "");
                    v.add(o.period().code());
                    v.add(o.disaggregationCode());
                    v.add(msg("report.measure." + o.measure().name(), locale));
                    v.add(o.basePeriod() == null ? "" : o.basePeriod().code());
                    v.add(o.number());
                    v.add(o.qualifierText());
                    v.add(o.updatedAt().toString());
                    v.add(s == null ? "" : s.documentCode());
                    v.add(s == null ? null : s.line());
                    v.add(s == null ? "" : s.quote());
                    fill(row, v);
                }
            }
            for (Sheet s : List.of(targets, figures)) {
                s.createFreezePane(0, 1);
                for (int c = 0; c < 4; c++) {
                    s.setColumnWidth(c, 24 * 256);
                }
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private void header(Sheet sheet, CellStyle style, List<String> columns, String prefix, Locale locale) {
        Row row = sheet.createRow(0);
        for (int c = 0; c < columns.size(); c++) {
            Cell cell = row.createCell(c);
            cell.setCellValue(msg(prefix + columns.get(c), locale));
            cell.setCellStyle(style);
        }
    }

    private static void fill(Row row, List<@Nullable Object> values) {
        for (int c = 0; c < values.size(); c++) {
            Object v = values.get(c);
            if (v == null) {
                continue;
            }
            Cell cell = row.createCell(c);
            if (v instanceof Number n) {
                cell.setCellValue(n.doubleValue());
            } else {
                cell.setCellValue(v.toString());
            }
        }
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
