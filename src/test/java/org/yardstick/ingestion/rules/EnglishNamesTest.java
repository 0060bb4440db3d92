package org.yardstick.ingestion.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** English drafts of new indicators' names: glossary words, a rate first, nothing copied from the Chinese. */
class EnglishNamesTest {

    @Test
    void glossaryWordsInTheirOrder() {
        assertThat(EnglishNames.draft("宽带用户")).isEqualTo("Broadband users");
        assertThat(EnglishNames.draft("电子商务交易额")).isEqualTo("E-commerce transaction volume");
        assertThat(EnglishNames.draft("4G基站")).isEqualTo("4G base stations");
    }

    @Test
    void aRateOrShareLeads() {
        assertThat(EnglishNames.draft("固定宽带家庭普及率")).isEqualTo("Penetration of fixed broadband households");
        assertThat(EnglishNames.draft("行政村通宽带比例")).isEqualTo("Share of administrative villages with broadband");
        assertThat(EnglishNames.draft("4G网络覆盖率")).isEqualTo("Coverage of 4G network");
    }

    @Test
    void tooLittleKnownGivesNoDraftNeverTheChineseOrPinyin() {
        assertThat(EnglishNames.draft("草原畜牧业转型")).isEmpty();
        assertThat(EnglishNames.draft("")).isEmpty();
        assertThat(EnglishNames.draft("呼伦贝尔宽带")).isEmpty(); // 2 of 6 characters known
        String d = EnglishNames.draft("全区行政村光纤覆盖率");
        assertThat(d).isEqualTo("Coverage of administrative villages fibre");
        assertThat(d).doesNotContainPattern("\\p{IsHan}");
    }

    @Test
    void headingsTasksAndResponsibleUnitsGetDraftsToo() {
        assertThat(EnglishNames.draft("发展现状")).isEqualTo("Current state");
        assertThat(EnglishNames.draft("主要任务")).isEqualTo("Main tasks");
        assertThat(EnglishNames.draft("实施光纤到户改造工程")).isEqualTo("Implement FTTH upgrading projects");
        assertThat(EnglishNames.draft("省通信管理局")).isEqualTo("Provincial Communications Administration");
        assertThat(EnglishNames.draft("省发展改革委")).isEqualTo("Provincial Development and Reform Commission");
        // a title the glossary knows too little of has no draft (the commit writes "Section 2.1", "Task T1")
        assertThat(EnglishNames.draft("中原经济区信息走廊")).isEmpty();
    }
}
