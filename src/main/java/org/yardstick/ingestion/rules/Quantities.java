package org.yardstick.ingestion.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Finds the quantities of a text (half-width digits expected: see {@link Widths}): Arabic numbers
 * with decimals and thousands separators, Chinese numerals before a measure word (三个国家, 三条通道),
 * 百分之五十, magnitudes (万, 亿, 千亿元), ranges (1-3个, 6～10条, 7500人到8000人), units, and the
 * qualifiers around them (超过, 近, 约, 以上, 左右, 多, 余, 不少于, 达到或超过 …). Years (2015年) and
 * numbers that are part of names (4G, 12316 in quotes, 中国制造2025) are not quantities.
 */
public final class Quantities {

    /** Units after the magnitude, longest first. */
    static final String[] UNITS = {"个百分点", "百分点", "个点", "平方公里", "平方米", "兆比特每秒", "吉比特每秒",
        "Gbps", "Mbps", "Kbps", "Tbps", "GB", "TB", "PB", "%", "‰", "人次", "户次", "千瓦", "千米", "公里",
        "元", "户", "人", "个", "家", "项", "条", "处", "座", "台", "部", "门", "只", "头", "名", "所", "套", "件",
        "次", "倍", "张", "篇", "吨", "亩", "口", "栋", "间", "批", "种", "类", "颗", "站", "块", "册", "卷",
        "路", "兆", "点", "番", "分", "岁", "天", "小时", "年"};

    /** Measure words after which a Chinese numeral is a count (三个国家, 三条通道, 三项工程). */
    static final String COUNT_UNITS = "个家条项处座所名番倍类批种";

    /**
     * Place names that hold a numeral before a measure word (五家渠 is a city, not five of anything).
     * Real names from the gazetteer, not words of one document.
     */
    static final String[] PLACE_NAMES = {"五家渠", "八家子", "三家子", "四家子", "十家子", "九家", "三所屯"};

    /** Things built in numbers, counted as 三大平台, 十大工程 (but not 三大目标, 五大发展理念). */
    private static final Pattern BIG_THINGS = Pattern.compile(
            "大(平台|工程|基地|中心|数据库|园区|项目|集群|通道|产业链|产业集群|网络|系统)");

    static final String[] BEFORE = {"达到或超过", "不少于", "不低于", "不超过", "不高于", "超过", "接近", "将近", "至少",
        "大约", "高于", "低于", "近", "约", "逾"};
    static final String[] AFTER = {"以上", "以下", "以内", "左右", "多", "余"};
    /** Verbs between a qualifier and its number: 超过 达到 … is read through them. */
    static final String[] LINKS = {"达到", "提升到", "提高到", "增加到", "增长到", "实现", "达", "为", "到", "至", "了", "的"};

    private static final Pattern ARABIC = Pattern.compile("\\d+(?:,\\d{3})*(?:\\.\\d+)?");
    private static final Pattern CHINESE = Pattern.compile("[" + ChineseNumerals.CHARS + "]+");

    private Quantities() {}

    /** Every quantity in {@code text}, in order; offsets are offsets into {@code text}. */
    public static List<Quantity> find(String text) {
        List<Quantity> found = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            Quantity q = null;
            if (c >= '0' && c <= '9') {
                q = arabic(text, i);
                if (q == null) {
                    i = skipNumber(text, i);
                    continue;
                }
            } else if (text.startsWith("百分之", i)) {
                q = percentOf(text, i);
            } else if (i + 3 < n && text.charAt(i + 1) == '分' && text.charAt(i + 2) == '之'
                    && FRACTION.matcher(text).region(i, n).lookingAt()) {
                q = fractionOf(text, i);
            } else if (ChineseNumerals.CHARS.indexOf(c) >= 0) {
                q = chinese(text, i);
                if (q == null) {
                    Matcher m = CHINESE.matcher(text).region(i, n);
                    i = m.lookingAt() ? m.end() : i + 1;
                    continue;
                }
            }
            if (q != null) {
                found.add(q);
                i = Math.max(q.end(), i + 1);
            } else {
                i++;
            }
        }
        return found;
    }

    private static int skipNumber(String text, int i) {
        Matcher m = ARABIC.matcher(text).region(i, text.length());
        return m.lookingAt() ? Math.max(m.end(), i + 1) : i + 1;
    }

    private static @Nullable Quantity arabic(String text, int start) {
        if (start > 0) {
            char p = text.charAt(start - 1);
            if (Character.isLetter(p) && p < 0x80 || p == '.' || p == '第') {
                return null; // part of a name or code: A4, 第3名
            }
        }
        Matcher m = ARABIC.matcher(text).region(start, text.length());
        if (!m.lookingAt()) {
            return null;
        }
        String digits = m.group().replace(",", "");
        int pos = m.end();
        if (isYear(text, start, pos, digits)) {
            return null;
        }
        BigDecimal value = new BigDecimal(digits);
        return finish(text, start, pos, value, true);
    }

    static boolean isYear(String text, int start, int end, String digits) {
        if (digits.length() == 4 && !digits.contains(".") && (digits.startsWith("19") || digits.startsWith("20"))) {
            if (end < text.length() && (text.charAt(end) == '年' || text.charAt(end) == '-' || text.charAt(end) == '~')) {
                return true;
            }
            // 中国制造2025, “十三五”2020: a year-like number without a unit that follows a name
            return end >= text.length() || !startsWithUnit(text, end);
        }
        if (end < text.length() && (text.charAt(end) == '月' || text.charAt(end) == '日' || text.charAt(end) == '号')) {
            return true;
        }
        return false;
    }

    private static boolean startsWithUnit(String text, int pos) {
        for (String u : UNITS) {
            if (text.startsWith(u, pos) && !u.equals("年")) {
                return true;
            }
        }
        return text.startsWith("万", pos) || text.startsWith("亿", pos);
    }

    /** 十分之一, 四分之一, 五分之二, 二分之一: a share in tenths, quarters, fifths or halves (exact in percent). */
    private static final Pattern FRACTION = Pattern.compile("([十四五二两])分之([一二三四五六七八九])");

    /** 占全国的十分之一 is a share of 10%; only fractions whose percent is exact, so no figure is rounded. */
    private static @Nullable Quantity fractionOf(String text, int start) {
        Matcher m = FRACTION.matcher(text).region(start, text.length());
        if (!m.lookingAt()) {
            return null;
        }
        int whole = switch (m.group(1)) {
            case "十" -> 10;
            case "四" -> 4;
            case "五" -> 5;
            default -> 2;
        };
        int part = (int) ChineseNumerals.parse(m.group(2)).orElse(0);
        if (part <= 0 || part >= whole) {
            return null;
        }
        BigDecimal value = BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole)).stripTrailingZeros();
        if (value.scale() < 0) {
            value = value.setScale(0);
        }
        int end = m.end();
        String[] qual = qualifiers(text, start, end);
        int qs = qual[0].isEmpty() ? start : start - qual[0].length() - Integer.parseInt(qual[2]);
        String after = "";
        for (String a : AFTER) {
            if (text.startsWith(a, end)) {
                after = a; // 十分之一左右
                break;
            }
        }
        return new Quantity(value, null, "%", qual[0].isEmpty() ? after : qual[0], qs, end + after.length(), start);
    }

    private static @Nullable Quantity percentOf(String text, int start) {
        int pos = start + 3;
        BigDecimal value = null;
        int end = pos;
        Matcher a = ARABIC.matcher(text).region(pos, text.length());
        if (a.lookingAt()) {
            value = new BigDecimal(a.group().replace(",", ""));
            end = a.end();
        } else {
            Matcher c = CHINESE.matcher(text).region(pos, text.length());
            if (c.lookingAt()) {
                // 百分之五十 or 百分之十五点五
                String run = c.group();
                OptionalLong v = ChineseNumerals.parse(run);
                if (v.isPresent()) {
                    value = BigDecimal.valueOf(v.getAsLong());
                    end = c.end();
                }
            }
        }
        if (value == null) {
            return null;
        }
        String[] qual = qualifiers(text, start, end);
        int qs = qual[0].isEmpty() ? start : start - qual[0].length() - Integer.parseInt(qual[2]);
        int qe = end + qual[1].length();
        return new Quantity(value, null, "%", qual[0].isEmpty() ? qual[1] : qual[0], qs, qe, start);
    }

    private static @Nullable Quantity chinese(String text, int start) {
        if (start > 0 && "第统唯进逐之同某单专万“".indexOf(text.charAt(start - 1)) >= 0) {
            return null; // 第三, 统一, “四个全面”: ordinals, words and slogans
        }
        Matcher m = CHINESE.matcher(text).region(start, text.length());
        if (!m.lookingAt()) {
            return null;
        }
        String run = m.group();
        // 千亿元: the magnitude is part of the unit, the numeral before it is the number
        String magnitude = "";
        if (run.length() > 1 && (run.endsWith("万") || run.endsWith("亿"))) {
            magnitude = run.substring(run.length() - 1);
            run = run.substring(0, run.length() - 1);
        }
        int pos = start + run.length() + magnitude.length();
        if (pos >= text.length()) {
            return null;
        }
        OptionalLong v = ChineseNumerals.parse(run);
        if (v.isEmpty() || v.getAsLong() == 0) {
            return null;
        }
        for (String place : PLACE_NAMES) {
            if (text.startsWith(place, start)) {
                return null;
            }
        }
        char next = text.charAt(pos);
        if (magnitude.isEmpty() && next == '大' && v.getAsLong() > 1 && BIG_THINGS.matcher(text).region(pos, text.length()).lookingAt()
                && (pos + 1 >= text.length() || text.charAt(pos + 1) != '“')) {
            return new Quantity(BigDecimal.valueOf(v.getAsLong()), null, "个", "", start, pos + 1, start); // 三大平台
        }
        if (!magnitude.isEmpty()) {
            // 千亿元, 三万人: a magnitude needs a unit after it
            String unit = unitAt(text, pos);
            if (unit.isEmpty()) {
                return null;
            }
            return finish(text, start, start + run.length(), BigDecimal.valueOf(v.getAsLong()), false);
        }
        if (COUNT_UNITS.indexOf(next) < 0 || next == '种' || next == '类') {
            return null;
        }
        if (pos + 1 < text.length() && text.charAt(pos + 1) == '“') {
            return null; // 两个“双创”平台: a slogan's count
        }
        if (v.getAsLong() == 1 && next != '番' && next != '倍') {
            return null; // 一个, 一批, 一条龙: an article, not a count
        }
        if (next == '个' && pos + 1 < text.length() && "月人".indexOf(text.charAt(pos + 1)) >= 0) {
            return null; // 三个月 is a duration
        }
        return finish(text, start, start + run.length(), BigDecimal.valueOf(v.getAsLong()), false);
    }

    /** Reads range, 多/余, magnitude, unit and qualifiers after a number ending at {@code pos}. */
    private static @Nullable Quantity finish(String text, int start, int pos, BigDecimal value, boolean arabic) {
        BigDecimal high = null;
        String rangeUnit = "";
        // a range: 1-3个, 6~10条, 3至5个, 7500人到8000人
        int r = pos;
        String unitBefore = arabic ? unitAt(text, r) : "";
        int afterUnit = r + unitBefore.length();
        if (afterUnit < text.length()) {
            char sep = text.charAt(afterUnit);
            int sepLen = sep == '-' || sep == '~' || sep == '至' || sep == '到' ? 1 : 0;
            if (sepLen == 1 && (unitBefore.isEmpty() || sep == '到' || sep == '至')) {
                Matcher m2 = ARABIC.matcher(text).region(afterUnit + 1, text.length());
                if (m2.lookingAt() && !isYear(text, m2.start(), m2.end(), m2.group())) {
                    String secondUnit = unitAt(text, m2.end());
                    if (unitBefore.isEmpty() || unitBefore.equals(secondUnit)) {
                        BigDecimal h = new BigDecimal(m2.group().replace(",", ""));
                        // 2-3 is a range; 提升到2015年的70.2 is not (到 with no unit either side reads as "to")
                        if (h.compareTo(value) > 0 && (sep != '到' && sep != '至' || !unitBefore.isEmpty()
                                || !secondUnit.isEmpty() && !secondUnit.equals("年"))) {
                            high = h;
                            pos = m2.end();
                            rangeUnit = unitBefore;
                        }
                    }
                }
            }
        }
        String after = "";
        if (pos < text.length() && (text.charAt(pos) == '多' || text.charAt(pos) == '余')) {
            after = String.valueOf(text.charAt(pos));
            pos++;
        }
        String unit = unitAt(text, pos);
        if (unit.isEmpty() && !rangeUnit.isEmpty()) {
            unit = rangeUnit;
        }
        if (unit.equals("年") || unit.equals("岁") || unit.equals("天") || unit.equals("小时") || unit.equals("分")) {
            return null; // durations and ages are not figures of a plan's indicators
        }
        if (arabic && unit.isEmpty() && pos < text.length()) {
            char next = text.charAt(pos);
            if (Character.isLetter(next) && next < 0x80) {
                return null; // 5G, 4K, IPv6 …
            }
        }
        pos += unit.length();
        if (after.isEmpty() && pos < text.length()) {
            for (String a : AFTER) {
                if (text.startsWith(a, pos) && !(a.equals("多") || a.equals("余"))) {
                    after = a;
                    pos += a.length();
                    break;
                }
            }
        }
        String[] qual = qualifiers(text, start, pos);
        String word = qual[0].isEmpty() ? after : qual[0];
        if (!qual[0].isEmpty() && !after.isEmpty() && !after.equals("多") && !after.equals("余")) {
            word = after; // 超过…以上 is rare; the word after is the sharper one
        }
        int qs = qual[0].isEmpty() ? start : start - qual[0].length() - Integer.parseInt(qual[2]);
        return new Quantity(value, high, unit, word, qs, pos, start);
    }

    /** The unit at {@code pos}: magnitude (万, 亿, 千万, 百万, 万亿) then a unit; composite 部/百户. */
    static String unitAt(String text, int pos) {
        StringBuilder unit = new StringBuilder();
        int p = pos;
        for (String mag : new String[] {"万亿", "千万", "百万", "万", "亿"}) {
            if (text.startsWith(mag, p)) {
                unit.append(mag);
                p += mag.length();
                break;
            }
        }
        if (p < text.length() && (text.charAt(p) == '多' || text.charAt(p) == '余') && unit.length() > 0) {
            p++; // 480余万元 is read at 余 by the caller; 3万多人 here
        }
        for (String u : UNITS) {
            if (text.startsWith(u, p)) {
                if (u.equals("兆") && text.startsWith("兆比特", p)) {
                    continue;
                }
                unit.append(u);
                p += u.length();
                // 部/百户, 台/百户, 人/万人
                if (p + 1 < text.length() && text.charAt(p) == '/') {
                    int q = p + 1;
                    StringBuilder per = new StringBuilder("/");
                    while (q < text.length() && q - p <= 4 && "百千万户人家个".indexOf(text.charAt(q)) >= 0) {
                        per.append(text.charAt(q));
                        q++;
                    }
                    if (per.length() > 1) {
                        unit.append(per);
                    }
                }
                return unit.toString();
            }
        }
        return unit.toString();
    }

    /**
     * The qualifier before a number: {qualifier word, "", length of the link verbs between}. Looks
     * back from {@code start} through link verbs (达到, 实现 …) for a word of {@link #BEFORE}.
     */
    private static String[] qualifiers(String text, int start, int end) {
        int p = start;
        int links = 0;
        for (int guard = 0; guard < 2; guard++) {
            boolean moved = false;
            for (String l : LINKS) {
                if (p - l.length() >= 0 && text.startsWith(l, p - l.length())) {
                    p -= l.length();
                    links += l.length();
                    moved = true;
                    break;
                }
            }
            if (!moved) {
                break;
            }
        }
        for (String b : BEFORE) {
            if (p - b.length() >= 0 && text.startsWith(b, p - b.length())) {
                return new String[] {b, "", Integer.toString(links)};
            }
        }
        if (links > 0) {
            // the word may sit right at the number: 超过60% (no link)
            for (String b : BEFORE) {
                if (start - b.length() >= 0 && text.startsWith(b, start - b.length())) {
                    return new String[] {b, "", "0"};
                }
            }
        }
        return new String[] {"", "", "0"};
    }
}
