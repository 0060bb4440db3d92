package org.yardstick.assessment.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The size class of an enterprise by the NBS rule 统计上大中小微型企业划分办法（2017）: per industry row of the
 * rule, lower bounds of 从业人员 (employees, persons), 营业收入 (revenue, 万元) and 资产总额 (total assets, 万元).
 * 大型、中型和小型企业须同时满足所列指标的下限，否则下划一档；微型企业只须满足所列指标中的一项即可 — so the class is
 * the largest whose every listed lower bound is met, else 微型. Plain Java.
 */
public final class SizeRule {

    /** The classes, largest first (the same order as {@code SizeClass} of the module). */
    public enum Size { LARGE, MEDIUM, SMALL, MICRO }

    /** Which figure a bound is on. */
    public enum Figure { EMPLOYEES, REVENUE, ASSETS }

    /** A figure's lower bounds for 大型, 中型, 小型 (inclusive). */
    public record Bounds(Figure figure, long large, long medium, long small) {}

    /** One row of the rule's table. */
    public record Row(String name, List<Bounds> bounds) {}

    // 统计上大中小微型企业划分办法（2017）附表, 营业收入 and 资产总额 in 万元
    public static final Row AGRICULTURE = row("农、林、牧、渔业", b(Figure.REVENUE, 20000, 500, 50));
    public static final Row INDUSTRY = row("工业", b(Figure.EMPLOYEES, 1000, 300, 20), b(Figure.REVENUE, 40000, 2000, 300));
    public static final Row CONSTRUCTION = row("建筑业", b(Figure.REVENUE, 80000, 6000, 300), b(Figure.ASSETS, 80000, 5000, 300));
    public static final Row WHOLESALE = row("批发业", b(Figure.EMPLOYEES, 200, 20, 5), b(Figure.REVENUE, 40000, 5000, 1000));
    public static final Row RETAIL = row("零售业", b(Figure.EMPLOYEES, 300, 50, 10), b(Figure.REVENUE, 20000, 500, 100));
    public static final Row TRANSPORT = row("交通运输业", b(Figure.EMPLOYEES, 1000, 300, 20), b(Figure.REVENUE, 30000, 3000, 200));
    public static final Row WAREHOUSING = row("仓储业", b(Figure.EMPLOYEES, 200, 100, 20), b(Figure.REVENUE, 30000, 1000, 100));
    public static final Row POSTAL = row("邮政业", b(Figure.EMPLOYEES, 1000, 300, 20), b(Figure.REVENUE, 30000, 2000, 100));
    public static final Row ACCOMMODATION = row("住宿业", b(Figure.EMPLOYEES, 300, 100, 10), b(Figure.REVENUE, 10000, 2000, 100));
    public static final Row CATERING = row("餐饮业", b(Figure.EMPLOYEES, 300, 100, 10), b(Figure.REVENUE, 10000, 2000, 100));
    public static final Row TELECOM = row("信息传输业", b(Figure.EMPLOYEES, 2000, 100, 10), b(Figure.REVENUE, 100000, 1000, 100));
    public static final Row SOFTWARE = row("软件和信息技术服务业", b(Figure.EMPLOYEES, 300, 100, 10), b(Figure.REVENUE, 10000, 1000, 50));
    public static final Row REAL_ESTATE = row("房地产开发经营", b(Figure.REVENUE, 200000, 1000, 100), b(Figure.ASSETS, 10000, 5000, 2000));
    public static final Row PROPERTY_MANAGEMENT = row("物业管理", b(Figure.EMPLOYEES, 1000, 300, 100), b(Figure.REVENUE, 5000, 1000, 500));
    public static final Row LEASING = row("租赁和商务服务业", b(Figure.EMPLOYEES, 300, 100, 10), b(Figure.ASSETS, 120000, 8000, 100));
    public static final Row OTHER = row("其他未列明行业", b(Figure.EMPLOYEES, 300, 100, 10));

    private SizeRule() {}

    private static Bounds b(Figure f, long large, long medium, long small) {
        return new Bounds(f, large, medium, small);
    }

    private static Row row(String name, Bounds... bounds) {
        return new Row(name, List.of(bounds));
    }

    /**
     * The rule's row for a GB/T 4754-2017 code (section letter or 2–4 digits); empty when the code does not
     * decide the row (a section letter such as F covers both 批发业 and 零售业, K both 房地产开发经营 and 物业管理).
     */
    public static Optional<Row> row(String industry) {
        String c = industry.strip().toUpperCase(java.util.Locale.ROOT);
        if (c.length() == 1) {
            return Optional.ofNullable(switch (c) {
                case "A" -> AGRICULTURE;
                case "B", "C", "D" -> INDUSTRY;
                case "E" -> CONSTRUCTION;
                case "L" -> LEASING;
                case "F", "G", "H", "I", "K" -> null;
                default -> OTHER;
            });
        }
        if (c.length() < 2 || !c.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        int division = Integer.parseInt(c.substring(0, 2));
        if (division == 70) {
            if (c.length() < 3) {
                return Optional.empty();
            }
            return Optional.of(c.charAt(2) == '1' ? REAL_ESTATE : c.charAt(2) == '2' ? PROPERTY_MANAGEMENT : OTHER);
        }
        Row r;
        if (division >= 1 && division <= 5) {
            r = AGRICULTURE;
        } else if (division >= 6 && division <= 46) {
            r = INDUSTRY;
        } else if (division >= 47 && division <= 50) {
            r = CONSTRUCTION;
        } else if (division == 51) {
            r = WHOLESALE;
        } else if (division == 52) {
            r = RETAIL;
        } else if (division >= 53 && division <= 58) {
            r = TRANSPORT;
        } else if (division == 59) {
            r = WAREHOUSING;
        } else if (division == 60) {
            r = POSTAL;
        } else if (division == 61) {
            r = ACCOMMODATION;
        } else if (division == 62) {
            r = CATERING;
        } else if (division == 63 || division == 64) {
            r = TELECOM;
        } else if (division == 65) {
            r = SOFTWARE;
        } else if (division == 71 || division == 72) {
            r = LEASING;
        } else {
            r = OTHER;
        }
        return Optional.of(r);
    }

    /**
     * The size class from the figures, or empty when the industry does not decide the row or a figure the
     * row lists is missing (then the enterprise's stated class is used, marked as stated).
     */
    public static Optional<Size> classify(String industry, @Nullable Long employees, @Nullable BigDecimal revenue,
                                          @Nullable BigDecimal assets) {
        return row(industry).flatMap(r -> classify(r, employees, revenue, assets));
    }

    public static Optional<Size> classify(Row row, @Nullable Long employees, @Nullable BigDecimal revenue,
                                          @Nullable BigDecimal assets) {
        List<BigDecimal> values = new ArrayList<>();
        for (Bounds b : row.bounds()) {
            BigDecimal v = switch (b.figure()) {
                case EMPLOYEES -> employees == null ? null : BigDecimal.valueOf(employees);
                case REVENUE -> revenue;
                case ASSETS -> assets;
            };
            if (v == null) {
                return Optional.empty();
            }
            values.add(v);
        }
        for (Size s : List.of(Size.LARGE, Size.MEDIUM, Size.SMALL)) {
            boolean all = true;
            for (int i = 0; i < row.bounds().size(); i++) {
                Bounds b = row.bounds().get(i);
                long bound = s == Size.LARGE ? b.large() : s == Size.MEDIUM ? b.medium() : b.small();
                all &= values.get(i).compareTo(BigDecimal.valueOf(bound)) >= 0;
            }
            if (all) {
                return Optional.of(s);
            }
        }
        return Optional.of(Size.MICRO);
    }
}
