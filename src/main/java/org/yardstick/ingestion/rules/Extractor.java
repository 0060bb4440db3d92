package org.yardstick.ingestion.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.yardstick.framework.Qualifier;

/**
 * Reads a plan into proposed items (提取): sections from its headings, and from each sentence its
 * baselines, changes, growth rates, multiples, targets, counts, comparators, milestones and tasks, each
 * with the sentence and offsets. Plain Java; one instance per catalogue, thread-safe.
 */
public final class Extractor {

    /**
     * A section as the headings give it: code {@code 2.2.1}, level, title, where it starts; under a heading ending in
     * 目标 (（一）主要目标), the goal's own sentences up to the next heading: their text as the document writes it
     * (lines joined), offsets and first line ("" and -1 when the section is no goal or has no sentences).
     */
    public record SectionHead(String code, int level, String title, int start, int line, String goal, int goalStart,
                              int goalEnd, int goalLine) implements java.io.Serializable {

        public SectionHead(String code, int level, String title, int start, int line) {
            this(code, level, title, start, line, "", -1, -1, -1);
        }

        /** The same section under another code and level (a document's headings below one section of a plan). */
        public SectionHead moved(String newCode, int newLevel) {
            return new SectionHead(newCode, newLevel, title, start, line, goal, goalStart, goalEnd, goalLine);
        }

        /** Whether the heading names a goal (发展目标, 主要目标, 1.基础设施目标). */
        public boolean isGoal() {
            return title.endsWith("目标");
        }
    }

    /** What the rules read from a document. */
    public record Extraction(String title, @Nullable Integer issuedYear, int referenceYear, int planEndYear,
                             List<SectionHead> sections, List<Item> items) {}

    /** Options: the region the document is about, and the year it was issued if the caller knows it. */
    public record Options(String region, @Nullable Integer issuedYear) {
        public static Options none() {
            return new Options("", null);
        }
    }

    private static final Pattern YEAR = Pattern.compile(
            "(到|至|截至|截止到|截止|于|在|从|由|比|较|相比|与|同)?(\\d{4})年(底|末|初|上半年|前)?(以来|基础上|相比)?(的)?");
    private static final Pattern FIVE = Pattern.compile(
            "(到|至|比|较|在|与)?“?十([一二三四])五”?(末|期间|时期|以来|初)?");
    private static final Pattern DATE = Pattern.compile("(\\d{4})年\\d{1,2}月(\\d{1,2}日)?");
    private static final Pattern GROWTH = Pattern.compile("(年均|年平均|每年)(增长率?|增速|递增|增幅|提高|增加)?(为|达到|达|保持在?)?$");
    private static final Pattern CHANGE = Pattern.compile(
            "(同比|累计)?(增长|提高|提升|增加|上升|缩短|降低|下降|减少|减低|压缩|扩大)(了)?$");
    private static final Pattern TARGET_CUE = Pattern.compile("到\\d{4}年|力争|争取|预计|届时|规划期|十[三四五]五”?末|目标");
    private static final Pattern PAST_CUE = Pattern.compile("已|目前|截至|截止|累计|先后|共有|以来|五年来|近年来|如今|取得了|建成了|完成了");
    private static final Pattern COUNT_VERB = Pattern.compile(
            "(培育|打造|建设|建成|新建|增铺|推动|开展|实施|扶持|认定|创建|支持|引进|组建|设立|推进|新增|布局|遴选|评选|树立|形成|推广)");
    private static final Pattern COMPARATOR = Pattern.compile(
            "(达到或超过|达到或高于|超过|高于|不低于|达到)(全国|全省|全区|西部地区)?(平均水平|平均值|中等水平|中上游水平)");
    private static final Pattern MILESTONE = Pattern.compile(
            "基本建成|基本形成|基本实现|初步建成|初步形成|全面建成|全面实现|基本普及|全覆盖|基本完成|建设完成|取得重大进展|覆盖全区|显著提升|明显提升|大幅提高");
    private static final Pattern RESPONSIBLE = Pattern.compile("[（(](?:牵头单位|责任单位|负责单位)[:：]([^）)]{2,200})[）)]");
    private static final Pattern LEAD_ONLY = Pattern.compile("(牵头单位|责任单位)[:：]");
    private static final String[] NAME_SUFFIXES = {"达到或超过", "平均达到", "累计达到", "提升到", "提高到", "增加到", "增长到", "增加至",
        "达到", "超过", "接近", "将近", "不少于", "不低于", "不超过", "争取", "力争", "实现", "完成", "基本", "平均",
        "累计", "约", "近", "达", "为", "是", "有", "的", "了", "已", "共", "从", "由", "逾", "占", "突破", "翻了", "翻"};
    private static final String[] NAME_PREFIXES = {"其中", "以及", "并且", "同时", "另外", "使", "和", "及", "并", "、",
        "，", "：", "；", "”", "“", "其", "而", "全部"};

    private final Catalogue catalogue;

    public Extractor(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    public Extraction extract(String document, Options options) {
        String text = Widths.normalise(document);
        List<Sentences.Sentence> sentences = Sentences.split(text);
        Years years = years(text, sentences, options.issuedYear());
        List<int[]> speech = speeches(text);
        List<SectionHead> sections = new ArrayList<>();
        List<Item> items = new ArrayList<>();
        int[] counters = new int[5];
        String[] path = new String[5];
        String[] titles = new String[5];
        @Nullable Integer carried = null;
        int goalOf = -1;
        Map<Integer, int[]> goals = new HashMap<>(); // section index → first sentence start, last end, first line
        int lastLine = -1;
        String lastName = "";
        String title = "";
        for (Sentences.Sentence s : sentences) {
            boolean lineStart = s.start() == 0 || isLineStart(text, s.start());
            int titleEnd = 0;
            if (lineStart) {
                // a heading's title before its colon names a part (6.五大中心、三基地：…): no figures in it
                Matcher t = TITLE.matcher(s.text());
                if (t.find()) {
                    titleEnd = t.end();
                }
            }
            if (title.isEmpty() && s.line() <= 3 && s.text().length() >= 6 && s.text().length() <= 80
                    && !s.text().matches(".*[，。；].*")) {
                title = s.text();
            }
            if (lineStart) {
                var heading = Headings.of(s.text());
                if (heading.isPresent()) {
                    int level = heading.get().level();
                    counters[level]++;
                    for (int l = level + 1; l < counters.length; l++) {
                        counters[l] = 0;
                        path[l] = null;
                        titles[l] = null;
                    }
                    StringBuilder code = new StringBuilder();
                    for (int l = 1; l <= level; l++) {
                        if (counters[l] > 0) {
                            code.append(code.length() == 0 ? "" : ".").append(counters[l]);
                        }
                    }
                    path[level] = code.toString();
                    titles[level] = heading.get().title();
                    sections.add(new SectionHead(code.toString(), level, heading.get().title(), s.start(), s.line()));
                    if (level <= 3) {
                        carried = null;
                    }
                    goalOf = heading.get().title().endsWith("目标") ? sections.size() - 1 : -1;
                }
            }
            boolean headingSentence = !sections.isEmpty() && sections.get(sections.size() - 1).start() == s.start();
            if (goalOf >= 0 && !headingSentence) {
                // the goal's sentences: what follows a 目标 heading up to the next heading
                int[] g = goals.computeIfAbsent(goalOf, k -> new int[] {s.start(), s.end(), s.line()});
                g[1] = s.end();
            }
            if (s.line() != lastLine) {
                lastLine = s.line();
                if (!years.targets()) {
                    carried = null; // a report without targets: a year holds for its paragraph only
                }
            }
            String section = currentCode(path);
            Role sectionRole = roleOf(titles);
            Context ctx = new Context(s, section, sectionRole, years, options.region(), carried, lastName, speech, titleEnd);
            List<Item> found = sentenceItems(ctx);
            items.addAll(found);
            for (Item i : found) {
                if (!i.indicator().isEmpty()) {
                    lastName = i.indicator();
                }
            }
            Integer explicit = lastPeriod(s.text());
            if (explicit != null) {
                carried = explicit;
            }
        }
        // the rules read the half-width text; each item keeps the sentence exactly as the document writes it
        List<Item> verbatim = new ArrayList<>(items.size());
        for (Item i : items) {
            verbatim.add(new Item(i.kind(), i.indicator(), i.match(), i.value(), i.valueHigh(), i.unit(), i.year(),
                    i.baseYear(), i.qualifierWord(), i.qualifier(), i.region(), i.text(), i.units(), i.section(),
                    document.substring(i.start(), i.end()), i.start(), i.end(), i.figureStart(), i.figureEnd(), i.line(),
                    i.confidence(), i.breakdown(), i.category()));
        }
        List<SectionHead> heads = new ArrayList<>(sections.size());
        for (int k = 0; k < sections.size(); k++) {
            SectionHead h = sections.get(k);
            int[] g = goals.get(k);
            heads.add(g == null ? h : new SectionHead(h.code(), h.level(), h.title(), h.start(), h.line(),
                    document.substring(g[0], g[1]).replaceAll("\\s*\\R\\s*", " ").strip(), g[0], g[1], g[2]));
        }
        return new Extraction(title, years.issued, years.reference, years.planEnd, heads, verbatim);
    }

    private static boolean isLineStart(String text, int pos) {
        int p = pos - 1;
        while (p >= 0 && (text.charAt(p) == ' ' || text.charAt(p) == '\t' || text.charAt(p) == '\u3000'
                || text.charAt(p) == '-' || text.charAt(p) == '—')) {
            p--;
        }
        return p < 0 || text.charAt(p) == '\n' || text.charAt(p) == '\r';
    }

    private static String currentCode(String[] path) {
        for (int l = path.length - 1; l >= 1; l--) {
            if (path[l] != null) {
                return path[l];
            }
        }
        return "";
    }

    enum Role { PAST, FUTURE, UNKNOWN }

    private static Role roleOf(String[] titles) {
        for (int l = 1; l < titles.length; l++) {
            // a chapter that reviews (发展回顾, 现状) makes everything below it the past
            if (titles[l] != null && titles[l].matches(".*(回顾|现状|成效|进展|成就|基础(?!设施)|取得|形势|问题).*")) {
                return Role.PAST;
            }
        }
        for (int l = titles.length - 1; l >= 1; l--) {
            String t = titles[l];
            if (t == null) {
                continue;
            }
            if (t.matches(".*(目标|任务|工程|重点|措施|行动|保障|建设|推进|加快|推动|实施|完善|提升).*")) {
                return Role.FUTURE;
            }
        }
        return Role.UNKNOWN;
    }

    /** The years of a document: issued (if it says), reference (“now”), default baseline and plan end. */
    record Years(@Nullable Integer issued, int reference, int baseline, int planEnd, boolean targets) {}

    static Years years(String text, List<Sentences.Sentence> sentences, @Nullable Integer given) {
        Integer issued = given;
        if (issued == null) {
            // 2017年7月3日 or （2017年2月） on a line of its own, near the start or the end
            for (Sentences.Sentence s : sentences) {
                Matcher d = DATE.matcher(s.text());
                if (s.text().length() <= 16 && d.find()) {
                    issued = Integer.parseInt(d.group(1));
                    break;
                }
            }
        }
        Map<Integer, Integer> past = new HashMap<>();
        Map<Integer, Integer> future = new HashMap<>();
        Matcher m = YEAR.matcher(text);
        while (m.find()) {
            int y = Integer.parseInt(m.group(2));
            if (y < 1990 || y > 2100 || "以来".equals(m.group(4))) {
                continue;
            }
            String pre = m.group(1) == null ? "" : m.group(1);
            if ((pre.equals("到") || pre.equals("至")) && m.group(5) == null) {
                future.merge(y, 1, Integer::sum); // 到2020年 is a target year; 提升到2016年的59.8 is not
            } else if (!pre.equals("比") && !pre.equals("较") && !pre.equals("从") && !pre.equals("由")) {
                past.merge(y, 1, Integer::sum);
            }
        }
        int reference;
        boolean undated = issued == null;
        if (issued != null) {
            reference = issued;
        } else if (!future.isEmpty()) {
            // a plan without a date: “now” is the last past year before its targets
            int firstTarget = Collections.max(future.keySet());
            reference = past.keySet().stream().filter(y -> y < firstTarget).max(Integer::compare).orElse(firstTarget - 3);
        } else {
            // a review or a news report: written the year after the last year it reports
            reference = past.keySet().stream().max(Integer::compare).map(y -> y + 1).orElse(2015);
        }
        final int ref = reference;
        int baseline = undated && future.isEmpty() ? ref : past.entrySet().stream().filter(e -> e.getKey() <= ref)
                .max(Map.Entry.<Integer, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).orElse(ref);
        Matcher f = FIVE.matcher(text);
        Map<Integer, Integer> ends = new HashMap<>(future);
        past.forEach((y, c) -> {
            if (y > ref) {
                ends.merge(y, c, Integer::sum);
            }
        });
        while (f.find()) {
            int y = fiveYearEnd(f.group(2));
            if (y > ref) {
                ends.merge(y, 1, Integer::sum);
            }
        }
        int planEnd = ends.entrySet().stream()
                .max(Map.Entry.<Integer, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).orElse(ref + 3);
        return new Years(issued, reference, baseline, planEnd, !future.isEmpty());
    }

    static int fiveYearEnd(String numeral) {
        return switch (numeral) {
            case "一" -> 2010;
            case "二" -> 2015;
            case "三" -> 2020;
            default -> 2025;
        };
    }

    private record Context(Sentences.Sentence sentence, String section, Role sectionRole, Years years, String region,
                           @Nullable Integer carried, String lastName, List<int[]> speech,
                           int titleEnd) {}

    /** A year mentioned in a sentence: where it ends, the year, and whether it is a base (比2010年). */
    private record Anchor(int start, int end, int year, boolean base, boolean since, boolean future) {}

    private static List<Anchor> anchors(String s) {
        List<Anchor> out = new ArrayList<>();
        Matcher m = YEAR.matcher(s);
        while (m.find()) {
            int y = Integer.parseInt(m.group(2));
            if (y < 1990 || y > 2100) {
                continue;
            }
            String pre = m.group(1) == null ? "" : m.group(1);
            String post = m.group(4) == null ? "" : m.group(4);
            int basis = s.indexOf("基础上", m.end());
            // 是2013年的2.5倍: the year of a multiple's base
            boolean times = "的".equals(m.group(5)) && TIMES.matcher(s).region(m.end(), s.length()).lookingAt();
            boolean base = times || pre.matches("比|较|从|由|相比|与|同") || post.equals("基础上") || post.equals("相比")
                    || pre.equals("在") && basis >= 0 && basis - m.end() <= 15
                    || s.startsWith("相比", Math.max(0, m.start() - 2)) && m.start() >= 2;
            // 在2010年基础上: 在 with 基础上 is a base; 在2015年 alone is a period
            out.add(new Anchor(m.start(), m.end(), y, base, post.equals("以来"), pre.equals("到") || pre.equals("至")));
        }
        Matcher f = FIVE.matcher(s);
        while (f.find()) {
            String pre = f.group(1) == null ? "" : f.group(1);
            String post = f.group(3) == null ? "" : f.group(3);
            int y = fiveYearEnd(f.group(2));
            if (post.equals("初")) {
                y -= 5;
            }
            boolean base = pre.matches("比|较|与");
            out.add(new Anchor(f.start(), f.end(), y, base, post.equals("以来"), pre.equals("到") || pre.equals("至")));
        }
        out.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return out;
    }

    /** The last year a sentence sets as the period of what follows (not a base, not 以来). */
    private static @Nullable Integer lastPeriod(String s) {
        Integer y = null;
        for (Anchor a : anchors(s)) {
            if (!a.base() && !a.since()) {
                y = a.year();
            }
        }
        return y;
    }

    private List<Item> sentenceItems(Context ctx) {
        String s = ctx.sentence().text();
        List<Item> out = new ArrayList<>();
        List<Anchor> anchors = anchors(s);
        Matcher resp = RESPONSIBLE.matcher(s);
        if (resp.find()) {
            out.add(task(ctx, resp));
            return out;
        }
        List<Quantity> quantities = new ArrayList<>();
        List<Quantity> all = Quantities.find(s);
        for (int k = 0; k < all.size(); k++) {
            Quantity q = all.get(k);
            if (q.numberStart() >= ctx.titleEnd() && keep(s, q) && !insideBrackets(s, q.numberStart()) && !aside(ctx, s, q)
                    && !(k + 1 < all.size() && describesNext(s, q, all.get(k + 1)))
                    && !(k > 0 && describesPrevious(s, all.get(k - 1), q))) {
                quantities.add(q);
            }
        }
        boolean futureSentence = TARGET_CUE.matcher(s).find();
        boolean pastSentence = PAST_CUE.matcher(s).find();
        String previousName = ctx.lastName();
        int clauseFloor = 0;
        String chainNoun = null;
        String chainVerb = "";
        for (Quantity q : quantities) {
            String before = s.substring(0, q.numberStart());
            // the time of this figure
            Integer own = ownYear(s, q);
            Anchor period = null;
            Anchor base = null;
            for (Anchor a : anchors) {
                if (a.end() <= q.start() || a.end() <= q.numberStart()) {
                    if (a.base()) {
                        base = a;
                    } else if (!a.since()) {
                        period = a;
                    }
                }
            }
            if (period == null) {
                for (Anchor a : anchors) {
                    if (a.start() >= q.end() && !a.base() && !a.since() && a.start() - q.end() <= 12) {
                        period = a; // 17.62%的企业…，2015年底达到 is rare; a year right after the figure
                        break;
                    }
                }
            }
            Integer year = own != null ? own : period != null ? Integer.valueOf(period.year()) : ctx.carried();
            boolean future;
            if (own != null || period != null) {
                future = year > ctx.years().reference();
            } else if (futureSentence && !pastSentence) {
                future = true;
            } else if (pastSentence && !futureSentence) {
                future = false;
            } else if (ctx.carried() != null) {
                future = ctx.carried() > ctx.years().reference();
            } else {
                future = ctx.sectionRole() == Role.FUTURE;
            }
            if (year == null) {
                year = future ? ctx.years().planEnd() : ctx.years().baseline();
            } else if (future && year <= ctx.years().reference()) {
                year = ctx.years().planEnd();
            }
            // what the number measures
            String clause = clauseBefore(s, q.numberStart(), clauseFloor);
            ItemKind kind;
            BigDecimal value = q.value();
            String unit = q.unit();
            BigDecimal high = q.valueHigh();
            String stripped = stripQualifiers(before);
            String wholeClause = clauseBefore(s, q.numberStart(), 0);
            if (wholeClause.contains("每百户") && unit.length() == 1 && !unit.equals("%")) {
                unit = unit + "/百户"; // 平均每百户移动电话分别达到181部与161部
            } else if (wholeClause.contains("每百人") && unit.length() == 1 && !unit.equals("%")) {
                unit = unit + "/百人";
            }
            boolean fromTo = (before.endsWith("由") || before.endsWith("从"))
                    && s.substring(q.end()).matches("^(增加|提高|提升|增长|扩大|上升)(至|到).*");
            if (fromTo && future) {
                kind = ItemKind.BASELINE; // 由11个增加至20个: the first number is where the plan starts
                year = ctx.years().baseline();
            } else if (unit.equals("番")) {
                kind = future ? ItemKind.TARGET_MULTIPLE : ItemKind.MULTIPLE;
                value = BigDecimal.valueOf(1L << Math.min(10, value.intValue()));
                unit = "";
            } else if (unit.equals("倍")) {
                kind = future ? ItemKind.TARGET_MULTIPLE : ItemKind.MULTIPLE;
                unit = "";
                if (GROWN_BY.matcher(stripped).find()) {
                    value = value.add(BigDecimal.ONE); // 增长1.5倍: the growth is 1.5 times the base, the level 2.5×
                }
            } else if (GROWTH.matcher(stripped).find()) {
                kind = future ? ItemKind.TARGET_GROWTH : ItemKind.GROWTH_RATE;
            } else if (CHANGE.matcher(stripped).find()) {
                kind = future ? ItemKind.TARGET_CHANGE : ItemKind.CHANGE;
                Matcher c = CHANGE.matcher(stripped);
                if (c.find() && c.group(2).matches("缩短|降低|下降|减少|减低|压缩")) {
                    value = value.negate();
                }
            } else if (!future) {
                kind = ItemKind.BASELINE;
            } else {
                String whole = clauseBefore(s, q.numberStart(), 0);
                boolean build = COUNT_VERB.matcher(whole).find() && !clause.contains("达到") && !clause.contains("达")
                        && q.qualifier().isEmpty() && high == null && !unit.equals("%") && !clause.contains("拥有");
                kind = build ? ItemKind.COUNT : ItemKind.TARGET;
                if (build && clause.contains("新增") && !unit.isEmpty()
                        && "个家所座处项条名户台部套件只头".indexOf(unit.charAt(unit.length() - 1)) < 0) {
                    kind = ItemKind.TARGET_CHANGE; // 新增出口带宽200Gbps adds to a level; 新增基站4万个 builds things
                }
            }
            // which indicator
            String name = cleanName(clause);
            if (name.length() < 2 && clauseFloor == 0 && !startsComparison(clause)) {
                String topic = topicBefore(s, q.numberStart());
                if (!topic.isEmpty()) {
                    name = topic; // 电子商务交易额，2020年达到5800亿元: the topic stands in the clause before
                }
            }
            if ((kind == ItemKind.CHANGE || kind == ItemKind.TARGET_CHANGE) && unit.equals("%")) {
                String who = name.isEmpty() ? previousName : name;
                if (who.matches(".*(比重|占比|覆盖率)$") && stripped.matches(".*(提高|提升)$")) {
                    unit = "个百分点"; // a share raised by 10% is raised by ten points (提高10.47%)
                }
            }
            boolean inherited = false;
            boolean level = kind == ItemKind.BASELINE || kind == ItemKind.TARGET || kind == ItemKind.COUNT;
            if (name.length() < 2 || startsComparison(clause)) {
                String after = nameAfter(s, q.end());
                if (!after.isEmpty() && kind != ItemKind.CHANGE && kind != ItemKind.GROWTH_RATE
                        && kind != ItemKind.MULTIPLE && kind != ItemKind.TARGET_GROWTH
                        && kind != ItemKind.TARGET_CHANGE && kind != ItemKind.TARGET_MULTIPLE) {
                    name = after;
                } else {
                    name = previousName;
                    inherited = true;
                }
            } else if (kind == ItemKind.COUNT || clauseEndsWithVerb(clause)) {
                String after = nameAfter(s, q.end());
                if (!after.isEmpty()) {
                    name = after;
                }
            }
            // 已部署57多个部门400多个信息系统, 对17个部门的120个业务信息系统: what is counted is the noun after the
            // number; a verb that ends the words before (部署, 接入, 承载 …) and the thing the sentence opens with
            // (政务云中心) belong to its name: 政务云中心部署部门
            String verb = namingVerb(clause);
            String strippedClause = clause.strip();
            boolean chained = chainNoun != null && (strippedClause.equals(chainNoun) || strippedClause.equals(chainNoun + "的"));
            if ((!verb.isEmpty() || chained) && level && !unit.equals("%")) {
                String after = nameAfter(s, q.end());
                if (!after.isEmpty() && after.length() <= 8) {
                    String v = chained ? chainVerb : verb;
                    name = openingTopic(s, q.start()) + v + after;
                    chainNoun = after;
                    chainVerb = v;
                    inherited = false;
                }
            } else if (level && !unit.equals("%") && name.length() <= 4 && name.equals(nameAfter(s, q.end()))
                    && !openingTopic(s, q.start()).isEmpty()) {
                chainNoun = name;
                chainVerb = "";
                name = openingTopic(s, q.start()) + name;
            } else {
                chainNoun = null;
            }
            if (level) {
                // 28户企业进入工业和信息化部贯标试点企业名单: what is counted is what the list holds
                String members = listMembers(s, q.end());
                if (!members.isEmpty()) {
                    name = members;
                    inherited = false;
                }
            }
            if (kind == ItemKind.BASELINE || kind == ItemKind.TARGET) {
                // 等盟市50多万只羊佩戴了电子耳标, 保障了80%以上三甲医院建立电子病历…: where or how is said before the
                // number, what is counted comes after it, with what it does: 佩戴电子耳标的羊, 建立电子病历…的三甲医院
                String raw = clause.strip();
                if (PLACES_BEFORE.matcher(raw).find() || unit.equals("%") && raw.matches(".*(保障|推动|带动|促进|使)了?$")) {
                    String doing = predicateName(s, q.end());
                    if (!doing.isEmpty()) {
                        name = doing + (unit.equals("%") ? "比例" : "");
                        inherited = false;
                    }
                }
            }
            if (kind == ItemKind.BASELINE && nameAfter(s, q.end()).startsWith("基础上") && !previousName.isEmpty()) {
                name = previousName; // 在2013年710亿元基础上翻了一番: the base of the figure named before
                inherited = true;
            }
            Integer baseYear = base != null && base.year() < year ? Integer.valueOf(base.year()) : null;
            Qualifier qualifier = Qualifier.parse(q.qualifier()).orElse(Qualifier.NONE);
            if (q.qualifier().isEmpty()) {
                String near = s.substring(Math.max(0, q.start() - 6), q.start());
                if (near.contains("争取") || near.contains("力争")) {
                    qualifier = Qualifier.STRIVE;
                } else if (near.endsWith("基本实现") || near.endsWith("基本达到")) {
                    qualifier = Qualifier.BASICALLY;
                }
            }
            String word = q.qualifier();
            if (word.isEmpty()) {
                String near = s.substring(Math.max(0, q.start() - 6), q.start());
                word = qualifier == Qualifier.STRIVE ? (near.contains("力争") ? "力争" : "争取") : wordOf(qualifier);
            }
            Catalogue.Match match = name.isEmpty() ? null : catalogue.match(name, level ? unit : "").orElse(null);
            double confidence = confidence(kind, name, inherited, match, own != null || period != null);
            int offset = ctx.sentence().start();
            out.add(new Item(kind, name, match, value, high, unit, year, baseYear, word, qualifier, ctx.region(),
                    clauseText(s, q), List.of(), ctx.section(), s, offset, ctx.sentence().end(),
                    offset + q.start(), offset + q.end(), ctx.sentence().line(), confidence));
            if (!inherited && !name.isEmpty()) {
                previousName = name;
            }
            clauseFloor = q.end();
        }
        out = breakdowns(out);
        Matcher comp = COMPARATOR.matcher(s);
        while (comp.find()) {
            boolean future = futureSentence || ctx.sectionRole() == Role.FUTURE
                    || ctx.carried() != null && ctx.carried() > ctx.years().reference();
            if (!future || s.substring(Math.max(0, comp.start() - 2), comp.start()).contains("低于")) {
                continue;
            }
            Integer y = lastPeriodBefore(anchors, comp.start());
            int year = y != null && y > ctx.years().reference() ? y
                    : ctx.carried() != null && ctx.carried() > ctx.years().reference() ? ctx.carried() : ctx.years().planEnd();
            String name = cleanName(clauseBefore(s, comp.start(), 0));
            Catalogue.Match match = name.isEmpty() ? null : catalogue.match(name, "").orElse(null);
            String word = comp.group(1);
            int offset = ctx.sentence().start();
            out.add(new Item(ItemKind.COMPARATOR, name, match, null, null, "", year, null, word,
                    Qualifier.parse(word).orElse(Qualifier.AT_LEAST), comp.group(2) == null || comp.group(2).equals("全国") ? "CN" : "",
                    s.substring(comp.start(), comp.end()), List.of(), ctx.section(), s, offset, ctx.sentence().end(),
                    offset + comp.start(), offset + comp.end(), ctx.sentence().line(),
                    match != null ? 0.8 : 0.6));
        }
        if (!quantities.isEmpty()) {
            out.addAll(clauseMilestones(ctx, quantities, anchors));
        }
        if (quantities.isEmpty() && out.isEmpty()) {
            Matcher ms = MILESTONE.matcher(s);
            boolean targetContext = futureSentence || ctx.sectionRole() == Role.FUTURE && ctx.section().matches("\\d+(\\.\\d+)?(\\.\\d+)?")
                    && (ctx.carried() == null || ctx.carried() > ctx.years().reference());
            if (ms.find() && targetContext && !pastSentence && s.length() <= 160) {
                Integer y = lastPeriodBefore(anchors, s.length());
                int year = y != null && y > ctx.years().reference() ? y
                        : ctx.carried() != null && ctx.carried() > ctx.years().reference() ? ctx.carried() : ctx.years().planEnd();
                Qualifier q = s.contains("基本") ? Qualifier.BASICALLY : Qualifier.NONE;
                int offset = ctx.sentence().start();
                String statement = s.endsWith("。") ? s.substring(0, s.length() - 1) : s;
                statement = statement.replaceFirst("^(到\\d{4}年|\\d{4}年|“十[三四五]五”末)[，,]", "");
                out.add(new Item(ItemKind.MILESTONE, "", null, null, null, "", year, null, q == Qualifier.BASICALLY ? "基本" : "",
                        q, ctx.region(), statement, List.of(), ctx.section(), s, offset, ctx.sentence().end(),
                        offset + ms.start(), offset + ms.end(), ctx.sentence().line(), 0.6));
            }
        }
        return out;
    }

    /**
     * 到2018年，…覆盖80%的行政村；到2020年，基本实现行政村全覆盖: a part of a sentence after ； that holds no figure, a
     * milestone word and a target year of its own is a milestone beside the sentence's figures.
     */
    private static List<Item> clauseMilestones(Context ctx, List<Quantity> quantities, List<Anchor> anchors) {
        String s = ctx.sentence().text();
        List<Item> out = new ArrayList<>();
        int from = 0;
        while (from < s.length()) {
            int stop = s.indexOf('；', from);
            int end = stop < 0 ? s.length() : stop;
            final int a = from;
            boolean figures = quantities.stream().anyMatch(q -> q.start() >= a && q.start() < end);
            Matcher ms = MILESTONE.matcher(s).region(from, end);
            Integer y = null;
            for (Anchor an : anchors) {
                if (an.start() >= from && an.end() <= end && an.future()) {
                    y = an.year();
                }
            }
            if (!figures && ms.find() && y != null && y > ctx.years().reference()) {
                String part = s.substring(from, end).replaceFirst("。$", "").replaceFirst("^(到\\d{4}年|\\d{4}年)[，,]", "");
                boolean basic = part.contains("基本");
                int offset = ctx.sentence().start();
                out.add(new Item(ItemKind.MILESTONE, "", null, null, null, "", y, null, basic ? "基本" : "",
                        basic ? Qualifier.BASICALLY : Qualifier.NONE, ctx.region(), part, List.of(), ctx.section(), s, offset,
                        ctx.sentence().end(), offset + ms.start(), offset + ms.end(), ctx.sentence().line(), 0.6));
            }
            from = end + 1;
        }
        return out;
    }

    private static @Nullable Integer lastPeriodBefore(List<Anchor> anchors, int pos) {
        Integer y = null;
        for (Anchor a : anchors) {
            if (a.end() <= pos && !a.base() && !a.since()) {
                y = a.year();
            }
        }
        return y;
    }

    /** The areas a figure is broken down by (城乡分列): 城市…, 农村牧区…, 商业楼宇…. */
    private static final Pattern AREA = Pattern.compile("农村牧区|农村地区|农村|乡村|城市|城镇|城区|商业楼宇");

    /**
     * 城市家庭宽带接入能力达到20Mbps，农村4Mbps: levels of one sentence in one unit whose names differ only by the
     * area they are about are one indicator broken down by area. Each becomes a figure of the longest of their
     * names without the area (家庭宽带接入能力) with the area as its breakdown; a name the catalogue holds as it is
     * (农村宽带用户数 as an indicator of its own) stays itself. Two areas at least, or it is no breakdown.
     */
    private List<Item> breakdowns(List<Item> items) {
        Map<String, List<Integer>> byUnit = new java.util.LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            Item it = items.get(i);
            boolean level = it.kind() == ItemKind.BASELINE || it.kind() == ItemKind.TARGET;
            if (level && AREA.matcher(it.indicator()).find()
                    && (it.match() == null || it.match().confidence() < 1.0)) {
                byUnit.computeIfAbsent(it.unit(), u -> new ArrayList<>()).add(i);
            }
        }
        List<Item> out = new ArrayList<>(items);
        for (List<Integer> group : byUnit.values()) {
            List<String> words = new ArrayList<>();
            List<String> bases = new ArrayList<>();
            String longest = "";
            for (int i : group) {
                Matcher m = AREA.matcher(items.get(i).indicator());
                m.find();
                words.add(m.group());
                String base = cleanName(items.get(i).indicator().substring(0, m.start()) + items.get(i).indicator().substring(m.end()))
                        .replaceFirst("^的", "");
                bases.add(base);
                if (base.length() > longest.length()) {
                    longest = base;
                }
            }
            // 宽带城市用户接入能力 / 农村牧区用户接入能力 / 商业楼宇用户: one indicator; 宽带用户 / 光纤到户用户: two
            List<Integer> members = new ArrayList<>();
            Set<String> areas = new java.util.HashSet<>();
            for (int k = 0; k < group.size(); k++) {
                if (longest.contains(bases.get(k))) {
                    members.add(k);
                    areas.add(words.get(k));
                }
            }
            if (areas.size() < 2 || longest.length() < 2) {
                continue;
            }
            for (int k : members) {
                Item it = items.get(group.get(k));
                out.set(group.get(k), it.asBreakdown(longest, words.get(k), catalogue.match(longest, it.unit()).orElse(null)));
            }
        }
        return out;
    }

    private static final Pattern LIST = Pattern.compile(
            "^(企业|单位|公司|园区|项目|产品)?(进入|入选|列入|纳入)了?([^，。；：]{2,30}?)(名单|目录|名录)");
    /** The authority that keeps a list (工业和信息化部, 省发展改革委) is not part of what the list holds. */
    private static final Pattern AUTHORITY = Pattern.compile("^[^，。；]{1,10}?(部|委|厅|局|办)(?=.{2,})");

    /** 28户企业进入工业和信息化部贯标试点企业名单 gives 贯标试点企业; "" when no list follows the number. */
    static String listMembers(String s, int pos) {
        Matcher m = LIST.matcher(s.substring(pos));
        if (!m.find()) {
            return "";
        }
        String members = AUTHORITY.matcher(m.group(3)).replaceFirst("");
        return members.length() >= 2 ? members : "";
    }

    /** Whether a quantity is a figure of the plan (not a page number, a code, a decree number). */
    private static boolean keep(String s, Quantity q) {
        int ns = q.numberStart();
        // 国发〔2016〕28号, （2017）: numbers of documents and inside brackets of names
        if (q.unit().isEmpty()) {
            String pre = stripQualifiers(s.substring(0, ns));
            boolean linked = pre.endsWith("达到") || pre.endsWith("达") || pre.endsWith("为") || pre.endsWith("的")
                    || pre.endsWith("到") || pre.endsWith("至") || GROWTH.matcher(pre).find() || CHANGE.matcher(pre).find()
                    || pre.endsWith("指数") || pre.endsWith("超过") || pre.endsWith("由") || pre.endsWith("从");
            if (!linked || q.end() < s.length() && "号〕]）)".indexOf(s.charAt(q.end())) >= 0) {
                return false;
            }
            if (!pre.contains("指数") && !pre.endsWith("的") && !GROWTH.matcher(pre).find() && !CHANGE.matcher(pre).find()
                    && !s.substring(Math.max(0, ns - 12), ns).contains("指数")) {
                return false; // a bare number after 达到 is almost always an index; elsewhere a name
            }
        }
        if (q.end() < s.length() && s.charAt(q.end()) == '号') {
            return false;
        }
        if (ns > 0 && s.charAt(ns - 1) == '〔') {
            return false;
        }
        return true;
    }

    /** 主营业务收入50亿元以上的企业不少于3家: the first number describes what the second counts. */
    private static boolean describesNext(String s, Quantity q, Quantity next) {
        if (q.end() >= s.length() || s.charAt(q.end()) != '的') {
            return false;
        }
        String between = s.substring(q.end(), next.start());
        return between.length() <= 12 && between.matches("[^，；。：]*");
    }

    /** 培育10家年收入超过10亿元的信息服务企业: the second number describes what the first counts. */
    private static boolean describesPrevious(String s, Quantity previous, Quantity q) {
        if (q.end() >= s.length() || s.charAt(q.end()) != '的' || previous.unit().isEmpty()
                || !"家个所项座".contains(previous.unit())) {
            return false;
        }
        String between = s.substring(previous.end(), q.start());
        return between.length() <= 10 && between.matches("[^，；。：、]*");
    }

    private static final Pattern SPEECH_BEFORE = Pattern.compile("(说|表示|指出|介绍|感慨|坦言|告诉|透露|回忆|称)[，,:：]?$");
    private static final Pattern SPEECH_AFTER = Pattern.compile("^[^。“”\\n]{0,40}?(说|表示|指出|介绍|感慨|坦言|告诉|透露|回忆|称)");
    private static final Pattern TIMES = Pattern.compile("[\\d.]+倍");
    /** 增长/增加/提高 N 倍 grows by N times (N+1×); 是/为/达到 N 倍 and 增长到 N 倍 are N×. */
    private static final Pattern GROWN_BY = Pattern.compile("(增长|增加|提高|提升|扩大|上升|翻)了?$");
    private static final Pattern TITLE = Pattern.compile(
            "^\\s*(\\d{1,2}[.、]|[（(][一二三四五六七八九十\\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}、)[^，。；：]{1,28}(：|$)");
    private static final Pattern DEFINITION = Pattern.compile("(^|[；;：:。，\\s])“[^”]{1,12}”(即|是指|指的是|就是)");
    private static final Pattern OWN_STRUCTURE = Pattern.compile("^[^，。；、\\d]{0,4}?(任务|原则|措施|举措|要求|方面|部分|环节)");
    private static final Pattern STRUCTURE_VERB = Pattern.compile("(确定|提出|明确|部署|分为|归纳为|概括为)");

    /**
     * The direct words of a person in a report (“…”李景说): what someone says in an interview is an
     * anecdote, not a figure of the plan. Quotations are paired within a paragraph.
     */
    static List<int[]> speeches(String text) {
        List<int[]> out = new ArrayList<>();
        int i = 0;
        while (true) {
            int open = text.indexOf('“', i);
            if (open < 0) {
                return out;
            }
            int close = text.indexOf('”', open + 1);
            int line = text.indexOf('\n', open + 1);
            if (close < 0 || line >= 0 && line < close) {
                i = open + 1;
                continue;
            }
            String before = text.substring(Math.max(0, open - 4), open);
            boolean spoken = SPEECH_BEFORE.matcher(before).find()
                    || SPEECH_AFTER.matcher(text).region(close + 1, Math.min(text.length(), close + 60)).lookingAt();
            // a long quotation that holds a sentence of its own is speech; “数字城市” is a name
            if (spoken && text.substring(open, close).matches("(?s).*[，。！？].*")) {
                out.add(new int[] {open, close});
            }
            i = close + 1;
        }
    }

    /**
     * A number that is not a figure of the plan though it reads like one: a person's words, the
     * members of a definition (“六区”即…等六个地区), or the plan counting its own parts (确定了六项任务).
     */
    private static boolean aside(Context ctx, String s, Quantity q) {
        int at = ctx.sentence().start() + q.numberStart();
        for (int[] sp : ctx.speech()) {
            if (at > sp[0] && at < sp[1]) {
                return true;
            }
        }
        Matcher d = DEFINITION.matcher(s);
        while (d.find()) {
            int stop = d.end();
            while (stop < s.length() && "；;。".indexOf(s.charAt(stop)) < 0) {
                stop++;
            }
            if (d.end() <= q.numberStart() && q.numberStart() < stop) {
                return true;
            }
        }
        if (OWN_STRUCTURE.matcher(s).region(q.end(), s.length()).lookingAt()) {
            String clause = clauseBefore(s, q.start(), 0);
            return STRUCTURE_VERB.matcher(clause).find();
        }
        return false;
    }

    /** Inside （…）: an explanation (16个中心城市), not a figure of the plan. */
    private static boolean insideBrackets(String s, int pos) {
        int open = Math.max(s.lastIndexOf('（', pos), s.lastIndexOf('(', pos));
        if (open < 0) {
            return false;
        }
        int close = Math.max(s.lastIndexOf('）', pos), s.lastIndexOf(')', pos));
        return close < open;
    }

    /** {@code 从2010年的43.05}: the year written right before the number with 的. */
    private static @Nullable Integer ownYear(String s, Quantity q) {
        if (q.unit().equals("倍")) {
            return null; // 是2013年的2.5倍: that year is the base, not the figure's own
        }
        String before = s.substring(0, q.numberStart());
        Matcher m = Pattern.compile("(\\d{4})年(底|末)?的?$").matcher(before);
        if (m.find()) {
            return Integer.parseInt(m.group(1));
        }
        return null;
    }

    private static String stripQualifiers(String before) {
        String b = before;
        boolean changed = true;
        while (changed) {
            changed = false;
            for (String w : new String[] {"达到或超过", "不少于", "不低于", "不超过", "超过", "接近", "将近", "至少", "大约", "近", "约",
                "逾", "了", "平均", "达到", "达"}) {
                if (b.endsWith(w) && !(w.equals("达到") || w.equals("达"))) {
                    b = b.substring(0, b.length() - w.length());
                    changed = true;
                }
            }
        }
        return b;
    }

    /** The text of the clause a number stands in, up to the number. */
    private static String clauseBefore(String s, int pos, int floor) {
        int start = floor;
        for (int i = pos - 1; i >= floor; i--) {
            char c = s.charAt(i);
            if (c == '，' || c == '；' || c == '：' || c == '。' || c == ',' || c == ';' || c == ':' || c == '、' && i < pos - 12) {
                start = i + 1;
                break;
            }
        }
        return s.substring(start, pos);
    }

    /** A short clause without numbers right before the number's clause: the topic of a list item. */
    private static String topicBefore(String s, int pos) {
        int clauseStart = -1;
        for (int i = pos - 1; i >= 0; i--) {
            if ("，；：,;:".indexOf(s.charAt(i)) >= 0) {
                clauseStart = i;
                break;
            }
        }
        if (clauseStart <= 0) {
            return "";
        }
        int prev = 0;
        for (int i = clauseStart - 1; i >= 0; i--) {
            if ("，；：。,;:".indexOf(s.charAt(i)) >= 0) {
                prev = i + 1;
                break;
            }
        }
        String topic = s.substring(prev, clauseStart);
        if (topic.length() > 20 || topic.chars().anyMatch(Character::isDigit)) {
            return "";
        }
        return cleanName(topic);
    }

    /** 比2010年, 较“十一五”末, 同比, 年均: a clause that compares, whose subject is the figure before. */
    private static final Pattern COMPARISON = Pattern.compile("^(比|较)(\\d|“|十|上年|去年|同期)|^较|^同比|^年均|^相比|^在.*基础上");

    private static boolean startsComparison(String clause) {
        return COMPARISON.matcher(clause.strip()).find();
    }

    private static final Pattern ENDS_WITH_VERB = Pattern.compile(COUNT_VERB.pattern() + "(完成)?$");

    private static final Pattern PLACES_BEFORE = Pattern.compile("等(盟市|地市|市|地区|县|旗县|地|省区)$");
    private static final Pattern DOING = Pattern.compile("^(以上|左右|的)?(\\p{IsHan}{1,8}?)(佩戴了|佩戴|建立了|建立|使用了|使用|开通了|开通|安装了|安装|接入了|接入|参加了|参加)([^，。；：、]{2,24})");

    /** 羊佩戴了电子耳标 → 佩戴电子耳标的羊; "" when the words after the number are not a noun doing something. */
    static String predicateName(String s, int pos) {
        Matcher m = DOING.matcher(s.substring(pos));
        if (!m.find()) {
            return "";
        }
        String verb = m.group(3).replace("了", "");
        return verb + m.group(4) + "的" + m.group(2);
    }

    /** Verbs whose object is what a number counts: 部署57个部门 counts 部署的部门. */
    private static final Pattern NAMING_VERB = Pattern.compile("(部署|接入|承载|建成|入驻|汇聚|连接|服务|培训|带动|吸纳|集聚)了?(全部|所有)?$");

    /** The verb ending the words before a number when it names what is counted, else "". */
    static String namingVerb(String clause) {
        Matcher m = NAMING_VERB.matcher(clause.strip());
        return m.find() ? m.group(1) : "";
    }

    /**
     * The thing a sentence opens with, when the number stands in a later clause: 自治区政务云中心初步建成，… gives
     * 政务云中心; 建成了自治区政务信息安全灾备中心，… gives 政务信息安全灾备中心. "" when it is not a plain noun phrase.
     */
    /**
     * Nouns of things a plan builds and that then hold or serve something (设施类名词): a centre, a platform, a base, a
     * park, a network, a system, a project, a cloud, a library, a portal. Only such a thing opens a sentence whose later
     * number counts what it holds (平台已接入46个部门); a body, a person or a figure (企业, 用户, 收入) does not.
     */
    private static final Pattern BUILT = Pattern.compile(
            "(中心|平台|基地|园区|网|系统|工程|项目|云|数据库|资源库|门户|网站|体系|枢纽|集群)$");

    static String openingTopic(String s, int pos) {
        int from = 0;
        String t = "";
        while (t.isEmpty()) {
            int comma = s.indexOf('，', from);
            if (comma < 0 || comma >= pos) {
                return "";
            }
            t = YEAR_WORDS.matcher(s.substring(from, comma)).replaceAll(""); // 2015年，…: the year is no topic
            from = comma + 1;
        }
        t = t.replaceFirst("^(初步|基本|已经|已)?(建成了|建成|建设了|建立了|建立|搭建了)", "");
        t = t.replaceFirst("(已经|已)?(初步|基本|全面)?(建成|建立|形成|完成|上线)(运行|投用|使用)?$", "");
        // where, not what: 全区, 我省, 广东省 (省级 is a level of the thing: kept)
        t = t.replaceFirst("^(全区|全省|全市|我区|我省|全疆|自治区|\\p{IsHan}{2,3}省(?!级)|省(?!级)|市(?!级))", "");
        return t.length() >= 3 && t.length() <= 14 && t.matches("\\p{IsHan}+") && BUILT.matcher(t).find() ? t : "";
    }

    private static boolean clauseEndsWithVerb(String clause) {
        String c = cleanName(clause);
        return c.length() < 2 || ENDS_WITH_VERB.matcher(c).find();
    }

    private static final Pattern YEAR_WORDS = Pattern.compile(
            "(到|至|截至|截止到|截止|于|在|从|由|比|较|相比)?\\d{4}年(底|末|初|上半年)?(以来)?(的)?|(到|至|比|较|在)?“?十[一二三四]五”?(末|期间|时期|以来)?");

    static String cleanName(String clause) {
        String n = YEAR_WORDS.matcher(clause).replaceAll("");
        // a comparison inside the clause (比2010年增长…) is not part of the name
        n = n.replaceAll("(比|较)(上年|去年|上一年)(同期)?", "");
        boolean changed = true;
        while (changed) {
            changed = false;
            n = n.strip();
            for (String w : NAME_SUFFIXES) {
                if (n.endsWith(w) && n.length() > w.length()) {
                    n = n.substring(0, n.length() - w.length());
                    changed = true;
                }
            }
            for (String w : NAME_PREFIXES) {
                if (n.startsWith(w)) {
                    n = n.substring(w.length());
                    changed = true;
                }
            }
            for (String w : NAME_SUFFIXES) {
                if (n.equals(w)) {
                    n = "";
                    changed = true;
                }
            }
        }
        n = n.replaceAll("[（(][^）)]*[）)]", "").strip();
        n = n.replaceFirst("^(分行业)?(培育|打造|建设|新建|建成|扶持|认定|创建|组建|设立|新增)(?=..)", "");
        if (n.length() > 30) {
            n = n.substring(n.length() - 30);
        }
        n = n.replaceFirst("(同比|累计)?(增长|提高|提升|增加|上升|缩短|降低|下降|减少|减低|压缩|扩大)(了)?$", "");
        n = n.replaceFirst("(年均|年平均|每年)(增长率?|增速|递增|增幅|提高|增加)?(为|达到|达|保持在?)?$", "");
        for (String w : NAME_SUFFIXES) {
            if (n.endsWith(w) && n.length() > w.length()) {
                n = n.substring(0, n.length() - w.length());
            }
        }
        if (COMPARISON.matcher(n).find()) {
            return "";
        }
        return n.strip();
    }

    /** The thing counted after a number: 培育20家智能制造示范企业 gives 智能制造示范企业. */
    private static String nameAfter(String s, int pos) {
        int end = pos;
        while (end < s.length() && end - pos < 24) {
            char c = s.charAt(end);
            if ("，。；：、,;:（(".indexOf(c) >= 0 || Character.isDigit(c)) {
                break;
            }
            end++;
        }
        String n = s.substring(pos, end);
        if (end < s.length() && Character.isDigit(s.charAt(end))) {
            // 10家年收入超过10亿元的信息服务企业: what is counted comes after the describing number
            int of = s.indexOf('的', end);
            if (of > 0 && of - end <= 12) {
                return nameAfter(s, of + 1);
            }
        }
        // 地级以上市, 规模以上企业: 以上 after 级 or 规模 belongs to the noun
        n = n.replaceFirst("(实现|达到|完成|建成|将|被|进入|覆盖|进行|的|(?<!级|规模)以上|左右).*$", "");
        n = n.replaceFirst("^(的|以上|左右)", "");
        return n.length() >= 2 ? n : "";
    }

    private static String clauseText(String s, Quantity q) {
        int a = q.start();
        while (a > 0 && "，。；：".indexOf(s.charAt(a - 1)) < 0) {
            a--;
        }
        int b = q.end();
        while (b < s.length() && "，。；：".indexOf(s.charAt(b)) < 0) {
            b++;
        }
        return s.substring(a, b);
    }

    private static String wordOf(Qualifier q) {
        return switch (q) {
            case STRIVE -> "争取";
            case BASICALLY -> "基本";
            default -> "";
        };
    }

    private static double confidence(ItemKind kind, String name, boolean inherited, Catalogue.@Nullable Match match,
                                     boolean yearStated) {
        double c = 0.5;
        if (match != null) {
            c += 0.3 * match.confidence();
            if (match.unitConflict()) {
                c -= 0.2;
            }
        }
        if (yearStated) {
            c += 0.15;
        }
        if (name.isEmpty()) {
            c -= 0.2;
        } else if (inherited) {
            c -= 0.05;
        }
        return Math.max(0.05, Math.min(1.0, Math.round(c * 100) / 100.0));
    }

    private Item task(Context ctx, Matcher resp) {
        String s = ctx.sentence().text();
        List<String> units = new ArrayList<>();
        String prefix = "";
        for (String u : resp.group(1).split("[、，,；;]")) {
            // 牵头单位：省政务服务数据管理局，配合单位：省发展改革委: the label of the co-responsible is no unit
            String t = u.strip().replaceFirst("^(配合单位|协办单位|参与单位|责任单位|配合)[:：]", "").strip();
            if (t.isEmpty()) {
                continue;
            }
            Matcher p = Pattern.compile("^(自治区|省|市|区|县|兵团)").matcher(t);
            if (p.find()) {
                prefix = p.group(1);
            } else if (!prefix.isEmpty() && !t.contains("公司") && !t.contains("集团")) {
                t = prefix + t; // 自治区科技厅、经信委: the prefix of the first name goes on
            }
            units.add(t);
        }
        String statement = s.substring(0, resp.start()).strip();
        if (statement.endsWith("。")) {
            statement = statement.substring(0, statement.length() - 1);
        }
        int offset = ctx.sentence().start();
        return new Item(ItemKind.TASK, "", null, null, null, "", null, null, "", Qualifier.NONE, ctx.region(),
                statement, units, ctx.section(), s, offset, ctx.sentence().end(), offset + resp.start(),
                offset + resp.end(), ctx.sentence().line(), units.isEmpty() ? 0.3 : 0.8);
    }

    /** Whether a sentence mentions responsible units without the bracketed list (for reviewers). */
    static boolean mentionsUnits(String s) {
        return LEAD_ONLY.matcher(s).find();
    }
}
