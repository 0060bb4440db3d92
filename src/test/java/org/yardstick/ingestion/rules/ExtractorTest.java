package org.yardstick.ingestion.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yardstick.framework.Qualifier;

/** The extraction rules one by one, on sentences written as the plans write them. */
class ExtractorTest {

    static final Catalogue CATALOGUE = new Catalogue(List.of(
            Catalogue.Entry.of("VILLAGE_BB_RATE", "行政村通宽带比例", "%", ""),
            Catalogue.Entry.of("IIDI", "两化融合发展总指数", "", "工业和信息化部评估体系的总指数（文件亦称“两化融合发展指数”）"),
            Catalogue.Entry.of("ECOM_VOLUME", "电子商务交易额", "亿元", "")));

    static Extractor.Extraction read(String text) {
        return new Extractor(CATALOGUE).extract(text, new Extractor.Options("15", 2017));
    }

    static Item only(String text, ItemKind kind) {
        List<Item> items = read(text).items().stream().filter(i -> i.kind() == kind).toList();
        assertThat(items).as(text).hasSize(1);
        return items.get(0);
    }

    @Test
    void headingsBecomeNestedSections() {
        var e = read("一、发展回顾\n（一）发展现状。\n1.信息基础设施建设不断完善。\n2.电子政务成效明显。\n二、主要目标\n（一）发展目标。\n");
        assertThat(e.sections()).extracting(Extractor.SectionHead::code)
                .containsExactly("1", "1.1", "1.1.1", "1.1.2", "2", "2.1");
        assertThat(e.sections()).extracting(Extractor.SectionHead::title)
                .containsExactly("发展回顾", "发展现状", "信息基础设施建设不断完善", "电子政务成效明显", "主要目标", "发展目标");
    }

    @Test
    void aBaselineHasItsYearUnitAndTheSentenceWithOffsets() {
        String text = "一、发展现状\n2015年我区互联网省际出口带宽达到2341Gbps（吉比特每秒）。\n";
        Item i = only(text, ItemKind.BASELINE);
        assertThat(i.value()).isEqualByComparingTo("2341");
        assertThat(i.unit()).isEqualTo("Gbps");
        assertThat(i.year()).isEqualTo(2015);
        assertThat(i.indicator()).isEqualTo("我区互联网省际出口带宽");
        assertThat(i.region()).isEqualTo("15");
        assertThat(text.substring(i.start(), i.end())).isEqualTo(i.sentence());
        assertThat(text.substring(i.figureStart(), i.figureEnd())).isEqualTo("2341Gbps");
        assertThat(i.line()).isEqualTo(2);
    }

    @Test
    void fromYearToYearGivesEachFigureItsYear() {
        List<Item> items = read("目前，两化融合发展总指数从2010年的43.05提升到2016年的59.8。").items();
        assertThat(items).extracting(Item::year).containsExactly(2010, 2016);
        assertThat(items).extracting(Item::kind).containsOnly(ItemKind.BASELINE);
        assertThat(items.get(0).match().entry().code()).isEqualTo("IIDI");
    }

    @Test
    void aTargetWithItsQualifierAndTheCatalogueMatch() {
        Item i = only("到2020年，行政村通宽带比例达到98%以上。", ItemKind.TARGET);
        assertThat(i.value()).isEqualByComparingTo("98");
        assertThat(i.year()).isEqualTo(2020);
        assertThat(i.qualifier()).isEqualTo(Qualifier.OVER);
        assertThat(i.qualifierWord()).isEqualTo("以上");
        assertThat(i.match().entry().code()).isEqualTo("VILLAGE_BB_RATE");
        assertThat(i.match().confidence()).isEqualTo(1.0);
        assertThat(i.match().unitConflict()).isFalse();
    }

    @Test
    void aSynonymFromTheDescriptionMatches() {
        Item i = only("到2020年，全区两化融合发展指数达到68。", ItemKind.TARGET);
        assertThat(i.match().entry().code()).isEqualTo("IIDI");
        assertThat(i.value()).isEqualByComparingTo("68");
    }

    @Test
    void aUnitThatDisagreesWithTheCatalogueIsFlagged() {
        Item i = only("到2020年，电子商务交易额达到58%。", ItemKind.TARGET);
        assertThat(i.match().entry().code()).isEqualTo("ECOM_VOLUME");
        assertThat(i.match().unitConflict()).isTrue();
    }

    @Test
    void growthRatesMultiplesAndChanges() {
        Item g = only("电子商务交易额，2020年达到5800亿元，年均增速30%以上。", ItemKind.TARGET_GROWTH);
        assertThat(g.value()).isEqualByComparingTo("30");
        assertThat(g.indicator()).isEqualTo("电子商务交易额");
        Item m = only("“十三五”末，信息消费总量翻一番，达到1200亿元。", ItemKind.TARGET_MULTIPLE);
        assertThat(m.value()).isEqualByComparingTo("2");
        assertThat(m.year()).isEqualTo(2020);
        Item two = only("2015年我区出口带宽达到2341Gbps，在2010年基础上翻了两番。", ItemKind.MULTIPLE);
        assertThat(two.value()).isEqualByComparingTo("4");
        assertThat(two.year()).isEqualTo(2015);
        assertThat(two.baseYear()).isEqualTo(2010);
        Item c = only("到2020年，产品研制周期缩短15%。", ItemKind.TARGET_CHANGE);
        assertThat(c.value()).isEqualByComparingTo("-15");
        Item p = only("2015年电话普及率达110%，较“十一五”末增长10个百分点。", ItemKind.CHANGE);
        assertThat(p.unit()).isEqualTo("个百分点");
        assertThat(p.baseYear()).isEqualTo(2010);
        assertThat(p.indicator()).isEqualTo("电话普及率");
    }

    @Test
    void rangesCountsAndStriving() {
        Item r = only("到2020年，争取建成1-3个国家级“双创”平台示范试点。", ItemKind.TARGET);
        assertThat(r.valueHigh()).isEqualByComparingTo("3");
        assertThat(r.qualifier()).isEqualTo(Qualifier.STRIVE);
        Item c = only("到2020年，分行业培育20家智能制造示范企业。", ItemKind.COUNT);
        assertThat(c.value()).isEqualByComparingTo("20");
        assertThat(c.indicator()).isEqualTo("智能制造示范企业");
        Item s = only("电信业务总量，2020年争取达到800亿元。", ItemKind.TARGET);
        assertThat(s.qualifier()).isEqualTo(Qualifier.STRIVE);
        assertThat(s.qualifierWord()).isEqualTo("争取");
    }

    @Test
    void aComparatorTarget() {
        Item i = only("到2020年，信息化程度达到或超过全国平均水平。", ItemKind.COMPARATOR);
        assertThat(i.region()).isEqualTo("CN");
        assertThat(i.qualifier()).isEqualTo(Qualifier.AT_LEAST);
        assertThat(i.indicator()).isEqualTo("信息化程度");
        assertThat(i.value()).isNull();
    }

    @Test
    void aMilestoneIsAQualitativeTargetSentence() {
        Item i = only("到2020年，基本建成完善的信息安全保障体系。", ItemKind.MILESTONE);
        assertThat(i.text()).isEqualTo("基本建成完善的信息安全保障体系");
        assertThat(i.qualifier()).isEqualTo(Qualifier.BASICALLY);
        assertThat(i.year()).isEqualTo(2020);
        assertThat(read("2015年，基本建成了信息网络。").items()).noneMatch(x -> x.kind() == ItemKind.MILESTONE);
    }

    @Test
    void aTaskKeepsItsUnitsInOrderTheLeadFirst() {
        Item t = only("1.加快平台建设。支持骨干企业建设平台（责任单位：自治区科技厅、经信委、发改委）", ItemKind.TASK);
        assertThat(t.units()).containsExactly("自治区科技厅", "自治区经信委", "自治区发改委");
        assertThat(t.text()).isEqualTo("支持骨干企业建设平台");
    }

    @Test
    void aDescriptorIsNotAFigure() {
        List<Item> items = read("到2020年，主营业务收入50亿元以上的企业不少于3家。").items();
        assertThat(items).hasSize(1);
        assertThat(items.get(0).value()).isEqualByComparingTo(BigDecimal.valueOf(3));
        assertThat(items.get(0).qualifier()).isEqualTo(Qualifier.AT_LEAST);
    }

    @Test
    void theIssuedDateSetsWhatIsPastAndWhatIsATarget() {
        var e = new Extractor(CATALOGUE).extract("某某规划\n2017年2月11日\n2016年，宽带用户达到100万户。到2020年，宽带用户达到200万户。\n",
                Extractor.Options.none());
        assertThat(e.issuedYear()).isEqualTo(2017);
        assertThat(e.items()).extracting(Item::kind).containsExactly(ItemKind.BASELINE, ItemKind.TARGET);
    }

    @Test
    void theWordsOfAPersonInAReportAreNoFigures() {
        String text = "一、发展现状\n某县电子商务协会会长王明说，“去年我们县新开网店200多家，销售额翻了一番。”"
                + "截至2016年底，全县网店达到1200家。\n“我们村现在有40户做直播，一年卖了三百万。”村支书刘强告诉记者。\n";
        List<Item> items = read(text).items();
        assertThat(items).extracting(Item::value).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(BigDecimal.valueOf(1200));
        // a name in quotation marks is no speech: its figures stay
        assertThat(read("“宽带乡村”工程覆盖率达到80%。").items()).hasSize(1);
    }

    @Test
    void theMembersOfADefinitionAreNoFigures() {
        List<Item> items = read("“四区”即兰州、天水、酒泉、张掖等四个片区；到2020年，四区数字经济规模达到3000亿元。").items();
        assertThat(items).extracting(Item::value).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(BigDecimal.valueOf(3000));
        // 即时 is not a definition
        assertThat(read("到2020年，社保卡即时结算覆盖90%以上的参保人员。").items()).hasSize(1);
    }

    @Test
    void aPlanCountingItsOwnPartsIsNoFigure() {
        assertThat(read("方案提出了七项重点任务和四项保障措施。").items()).isEmpty();
        assertThat(read("到2020年，完成5项重大工程。").items()).hasSize(1);
    }

    @Test
    void aHeadingsTitleBeforeItsColonHoldsNoFigure() {
        List<Item> items = read("二、发展目标\n3.两带、四园、六基地：到2020年，建成6个大数据产业基地。\n").items();
        assertThat(items).extracting(Item::value).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(BigDecimal.valueOf(6));
    }

    @Test
    void theYearOfAMultiplesBaseIsNotItsOwn() {
        List<Item> items = read("截至2016年底，全省软件业务收入达到850亿元，是2012年的2.1倍。").items();
        assertThat(items).extracting(Item::year).containsExactly(2016, 2016);
        assertThat(items.get(1).kind()).isEqualTo(ItemKind.MULTIPLE);
        assertThat(items.get(1).baseYear()).isEqualTo(2012);
    }

    @Test
    void growingByNTimesIsNPlusOneTimesTheBase() {
        // 增长 N 倍 = (N+1)×; 是/为/达到 N 倍 = N×; 翻一番 = 2×
        assertThat(only("到2020年，全区电子商务交易额在2015年基础上增长1.5倍。", ItemKind.TARGET_MULTIPLE).value())
                .isEqualByComparingTo("2.5");
        assertThat(only("2016年全省数据中心机架数比2012年增加了2倍。", ItemKind.MULTIPLE).value())
                .isEqualByComparingTo("3");
        assertThat(only("到2020年，信息消费规模是2015年的1.5倍。", ItemKind.TARGET_MULTIPLE).value())
                .isEqualByComparingTo("1.5");
        assertThat(only("到2020年，软件业务收入达到2015年的3倍。", ItemKind.TARGET_MULTIPLE).value())
                .isEqualByComparingTo("3");
        assertThat(only("到2020年，光纤用户数为2015年的2倍。", ItemKind.TARGET_MULTIPLE).value())
                .isEqualByComparingTo("2");
        assertThat(only("到2020年，信息消费总量翻一番。", ItemKind.TARGET_MULTIPLE).value())
                .isEqualByComparingTo("2");
    }

    @Test
    void whatIsCountedIsTheNounAfterTheNumberWhenAVerbEndsTheWordsBefore() {
        List<Item> cloud = read("一、发展现状\n2015年，市大数据中心基本建成，已接入32个委办局260多个业务系统。\n").items();
        assertThat(cloud).extracting(Item::indicator).containsExactly("大数据中心接入委办局", "大数据中心接入业务系统");
        assertThat(cloud).extracting(Item::value).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("32"), new BigDecimal("260"));
        List<Item> backup = read("一、发展现状\n2015年，建成了全省政务云灾备中心，对45个部门的300个应用系统进行备份。\n").items();
        assertThat(backup).extracting(Item::indicator).containsExactly("政务云灾备中心部门", "政务云灾备中心应用系统");
        // no opening thing: the verb and the noun
        assertThat(only("一、发展现状\n2016年，全县光纤网络承载了1.2万户家庭宽带业务。\n", ItemKind.BASELINE).indicator())
                .isEqualTo("承载家庭宽带业务");
    }

    @Test
    void aPlaceListOrAVerbBeforeTheNumberLetsTheNounAndWhatItDoesNameIt() {
        assertThat(only("一、发展现状\n2015年，酒泉、张掖等地市30多万头牛佩戴了电子耳标。\n", ItemKind.BASELINE).indicator())
                .isEqualTo("佩戴电子耳标的牛");
        Item share = only("一、发展现状\n2015年，信息化建设保障了90%以上二级医院建立电子病历系统。\n", ItemKind.BASELINE);
        assertThat(share.indicator()).isEqualTo("建立电子病历系统的二级医院比例");
        assertThat(share.value()).isEqualByComparingTo("90");
    }

    @Test
    void theBaseOfADoublingIsTheFigureNamedBefore() {
        List<Item> items = read("一、发展现状\n2015年实现电子商务交易额1481亿元，在2013年710亿元基础上翻了一番。\n").items();
        Item base = items.stream().filter(i -> i.value() != null && i.value().compareTo(new BigDecimal("710")) == 0)
                .findFirst().orElseThrow();
        assertThat(base.indicator()).endsWith("电子商务交易额").doesNotContain("基础上");
        assertThat(base.year()).isEqualTo(2013);
    }

    static final Catalogue SPEEDS = new Catalogue(List.of(
            Catalogue.Entry.of("BB_ACCESS_SPEED", "平均宽带接入能力", "Mbps", ""),
            Catalogue.Entry.of("RURAL_BB_USERS", "农村宽带用户", "万户", ""),
            Catalogue.Entry.of("IIMS_PILOT_FIRMS", "国家级两化融合管理体系贯标试点企业数", "家", ""),
            Catalogue.Entry.of("SM_DEMO_FIRMS", "智能制造示范企业数", "家", "")));

    static List<Item> speeds(String text) {
        return new Extractor(SPEEDS).extract(text, new Extractor.Options("41", 2016)).items();
    }

    @Test
    void oneIndicatorForSeveralAreasOfOneSentenceIsABreakdown() {
        List<Item> items = speeds("二、发展目标\n到2020年，城市家庭宽带接入能力达到20Mbps，农村4Mbps。\n");
        assertThat(items).extracting(Item::value).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("20"), new BigDecimal("4"));
        assertThat(items).extracting(Item::breakdown).containsExactly("城市", "农村");
        assertThat(items).extracting(Item::indicator).containsOnly("家庭宽带接入能力");
        assertThat(items).allSatisfy(i -> {
            assertThat(i.kind()).isEqualTo(ItemKind.TARGET);
            assertThat(i.year()).isEqualTo(2020);
            assertThat(i.match().entry().code()).isEqualTo("BB_ACCESS_SPEED");
        });
        // the areas' names differ by more than the area: two indicators, no breakdown
        List<Item> two = speeds("一、发展现状\n2015年，城市宽带用户达到300万户，农村光纤到户用户达到80万户。\n");
        assertThat(two).extracting(Item::breakdown).containsOnly("");
        // one area alone is no breakdown; a name the catalogue holds as it is stays itself
        assertThat(speeds("一、发展现状\n2015年，城市家庭宽带接入能力达到20Mbps。\n")).extracting(Item::breakdown).containsOnly("");
        List<Item> own = speeds("一、发展现状\n2015年，农村宽带用户达到120万户，城市宽带用户达到300万户。\n");
        assertThat(own.get(0).indicator()).isEqualTo("农村宽带用户");
        assertThat(own.get(0).breakdown()).isEmpty();
        // as its own indicator (the platform does not break the indicator down by that area): named with the area
        Item rural = items.get(1).asOwnIndicator();
        assertThat(rural.indicator()).isEqualTo("农村家庭宽带接入能力");
        assertThat(rural.match()).isNull();
    }

    @Test
    void whatAListHoldsIsWhatIsCounted() {
        Item i = speeds("一、发展现状\n初步建立了两化融合评估体系，28户企业进入工业和信息化部贯标试点企业名单。\n").get(0);
        assertThat(i.indicator()).isEqualTo("贯标试点企业");
        assertThat(i.match().entry().code()).isEqualTo("IIMS_PILOT_FIRMS");
        assertThat(i.value()).isEqualByComparingTo("28");
    }

    @Test
    void anyBuiltThingASentenceOpensWithHoldsWhatIsCounted() {
        assertThat(Extractor.openingTopic("中原云数据基地基本建成，承载10万台以上服务器", 20)).isEqualTo("中原云数据基地");
        assertThat(Extractor.openingTopic("广东省电子商务公共服务平台已建成运行，汇聚了3200多家电商企业", 25))
                .isEqualTo("电子商务公共服务平台");
        assertThat(Extractor.openingTopic("省级政务服务平台全面建成，接入45个省直部门", 16)).isEqualTo("省级政务服务平台");
        assertThat(Extractor.openingTopic("全省政务服务网全面建成，接入全部21个地级以上市", 17)).isEqualTo("政务服务网");
        // a body, a figure or a person is no built thing
        assertThat(Extractor.openingTopic("骨干企业加快发展，带动了300家配套企业", 12)).isEmpty();
        assertThat(Extractor.openingTopic("信息服务业收入快速增长，带动就业20万人", 12)).isEmpty();
        Item i = only("三、主要任务\n省级政务服务平台全面建成，接入全部21个地级以上市。\n", ItemKind.TARGET);
        assertThat(i.indicator()).isEqualTo("省级政务服务平台接入地级以上市");
    }

    @Test
    void fractionsAreShares() {
        Item i = only("一、发展现状\n2016年，全省信息消费占全国的比重达到十分之一左右。\n", ItemKind.BASELINE);
        assertThat(i.value()).isEqualByComparingTo("10");
        assertThat(i.unit()).isEqualTo("%");
        assertThat(i.qualifierWord()).isEqualTo("左右");
        assertThat(only("一、发展现状\n2016年，网络零售额占比达到五分之二。\n", ItemKind.BASELINE).value()).isEqualByComparingTo("40");
    }

    @Test
    void addingToALevelIsAChangeAddingThingsIsACount() {
        assertThat(only("三、主要任务\n新增互联网国际出口带宽200Gbps。\n", ItemKind.TARGET_CHANGE).unit()).isEqualTo("Gbps");
        assertThat(only("三、主要任务\n新增4G基站4万个。\n", ItemKind.COUNT).unit()).isEqualTo("万个");
    }

    @Test
    void aSentencesMilestoneBesideItsFiguresAndATasksSecondUnits() {
        List<Item> items = read("三、重点任务\n推动信息进村入户，到2018年，益农信息社覆盖80%的行政村；到2020年，基本实现行政村全覆盖。\n")
                .items();
        assertThat(items).extracting(Item::kind).containsExactly(ItemKind.TARGET, ItemKind.MILESTONE);
        assertThat(items.get(1).year()).isEqualTo(2020);
        assertThat(items.get(1).text()).isEqualTo("基本实现行政村全覆盖");
        Item task = only("三、重点任务\n推进政务服务事项网上办理。（牵头单位：省政务服务数据管理局，配合单位：省发展改革委）\n", ItemKind.TASK);
        assertThat(task.units()).containsExactly("省政务服务数据管理局", "省发展改革委");
    }

    @Test
    void theSentencesUnderAGoalHeadingAreTheGoalWithTheirOffsets() {
        String text = "一、发展目标\n（一）主要目标。\n到2020年，基本建成宽带网络。\n全区行政村通宽带比例达到98%。\n（二）主要任务。\n加快建设。\n";
        var sections = read(text).sections();
        Extractor.SectionHead goal = sections.get(1);
        assertThat(goal.isGoal()).isTrue();
        assertThat(goal.goal()).isEqualTo("到2020年，基本建成宽带网络。 全区行政村通宽带比例达到98%。");
        assertThat(text.substring(goal.goalStart(), goal.goalEnd())).isEqualTo("到2020年，基本建成宽带网络。\n全区行政村通宽带比例达到98%。");
        assertThat(goal.goalLine()).isEqualTo(3);
        // the chapter heading has no sentence of its own; a task heading is no goal
        assertThat(sections.get(0).goal()).isEmpty();
        assertThat(sections.get(2).isGoal()).isFalse();
        assertThat(sections.get(2).goal()).isEmpty();
    }
}
