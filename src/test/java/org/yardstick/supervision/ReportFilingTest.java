package org.yardstick.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.annotation.Transactional;
import org.yardstick.YardstickTest;
import org.yardstick.security.Accounts;
import org.yardstick.supervision.internal.Attachments;
import org.yardstick.supervision.internal.ReportingPeriods;
import org.yardstick.supervision.internal.SupervisionSettings;

/**
 * The demo department (自治区科技厅) files a report with evidence; every refused upload or report is a
 * clear error and leaves neither a row nor a file behind. Each test rolls back.
 */
@YardstickTest
@Transactional
class ReportFilingTest {

    static final String MFG = "xj-mfg-internet-2017";
    static final byte[] PDF = "%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired Accounts accounts;
    @Autowired Items items;
    @Autowired ReportingPeriods periods;
    @Autowired JdbcClient jdbc;
    @Autowired SupervisionSettings settings;
    @Autowired Attachments attachments;

    Item t1;
    String period;

    @BeforeEach
    void setUp() {
        t1 = items.get(MFG, "T2.1.1");
        period = periods.current(t1.planId(), items.today()).code();
    }

    RequestPostProcessor as(String username) {
        return Logins.as(users, accounts, username);
    }

    MockMultipartHttpServletRequestBuilder report(Item item, String period, String progress, MockMultipartFile... files) {
        MockMultipartHttpServletRequestBuilder b = multipart("/supervision/items/{id}/report", item.id());
        for (MockMultipartFile f : files) {
            b.file(f);
        }
        b.param("period", period).param("progress", progress).param("narrative", "已建成“双创”平台12个，正在推进3个。");
        b.with(csrf());
        return b;
    }

    static MockMultipartFile file(String name, byte[] bytes) {
        return new MockMultipartFile("files", name, "application/pdf", bytes);
    }

    long reports() {
        return jdbc.sql("select count(*) from sup_report").query(Long.class).single();
    }

    long attachmentRows() {
        return jdbc.sql("select count(*) from sup_attachment").query(Long.class).single();
    }

    /** The stored names of the files in the attachment store (the database). */
    List<String> storedFiles() {
        return jdbc.sql("select stored_name from sup_attachment_content order by stored_name").query(String.class).list();
    }

    byte[] storedBytes(String storedName) {
        return jdbc.sql("select content from sup_attachment_content where stored_name = ?").param(storedName)
                .query((rs, n) -> rs.getBytes(1)).single();
    }

    @Test
    void theDepartmentFilesAReportWithAPdfAndGetsItBack() throws Exception {
        List<String> before = storedFiles();
        mvc.perform(report(t1, period, "60", file("双创平台建设情况.pdf", PDF)).with(as(Logins.DEPARTMENT)))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/supervision/items/" + t1.id() + "?filed"));
        Item after = items.get(t1.id());
        assertThat(after.latestProgress()).isEqualTo(60);
        assertThat(after.latestPeriod()).isEqualTo(period);
        List<String> added = storedFiles().stream().filter(p -> !before.contains(p)).toList();
        assertThat(added).hasSize(1);
        assertThat(added.get(0)).matches("[0-9a-f]{32}");
        assertThat(storedBytes(added.get(0))).isEqualTo(PDF);

        long attachment = jdbc.sql("select a.id from sup_attachment a join sup_report r on r.id = a.report_id "
                        + "where r.item_id = ? and a.file_name = ?").params(t1.id(), "双创平台建设情况.pdf")
                .query(Long.class).single();
        mvc.perform(get("/supervision/attachments/{id}", attachment).with(as(Logins.DEPARTMENT)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Content-Disposition", containsString("attachment;")))
                .andExpect(content().bytes(PDF));
        mvc.perform(get("/supervision/attachments/{id}", attachment).with(as(Logins.PLANNER))).andExpect(status().isOk());
        mvc.perform(get("/supervision/attachments/{id}", attachment).with(as(Logins.OTHER_DEPARTMENT)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/supervision/attachments/{id}", attachment)).andExpect(status().is3xxRedirection());

        // the item page shows the report to the department, not to the public
        mvc.perform(get("/supervision/items/{id}", t1.id()).with(as(Logins.DEPARTMENT))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("已建成“双创”平台12个"), containsString("双创平台建设情况.pdf"),
                        containsString("60%"))));
        mvc.perform(get("/supervision/items/{id}", t1.id())).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("已建成“双创”平台12个"))));
    }

    @Test
    void aCoUnitFilesAContributionWithoutPercent() throws Exception {
        Item bases = items.get(MFG, "T2.1.2"); // 发改委 leads, 科技厅 co-operates
        mvc.perform(report(bases, period, "").with(as(Logins.DEPARTMENT))).andExpect(status().is3xxRedirection());
        long contributions = jdbc.sql("select count(*) from sup_report r join organisation o on o.id = r.organisation_id "
                        + "where r.item_id = ? and o.code = 'xj-kjt' and r.lead = false and r.progress is null")
                .param(bases.id()).query(Long.class).single();
        assertThat(contributions).isEqualTo(1);
        assertThat(items.get(bases.id()).latestProgress()).as("a contribution is not the lead's progress").isNull();
    }

    @Test
    void aSecondReportForThePeriodIsItsNextVersion() throws Exception {
        mvc.perform(report(t1, period, "40").with(as(Logins.DEPARTMENT))).andExpect(status().is3xxRedirection());
        mvc.perform(report(t1, period, "55").with(as(Logins.DEPARTMENT))).andExpect(status().is3xxRedirection());
        List<Integer> versions = jdbc.sql("select v.progress from sup_report_version v join sup_report r on r.id = v.report_id "
                + "where r.item_id = ? and r.period = ? order by v.version").params(t1.id(), period).query(Integer.class).list();
        assertThat(versions).containsExactly(40, 55);
        assertThat(items.get(t1.id()).latestProgress()).isEqualTo(55);
    }

    void refused(MockMultipartHttpServletRequestBuilder request, int status, String... texts) throws Exception {
        long reports = reports();
        long rows = attachmentRows();
        List<String> files = storedFiles();
        var result = mvc.perform(request.with(as(Logins.DEPARTMENT))).andExpect(status().is(status));
        for (String t : texts) {
            result.andExpect(content().string(containsString(t)));
        }
        assertThat(reports()).as("no report row").isEqualTo(reports);
        assertThat(attachmentRows()).as("no attachment row").isEqualTo(rows);
        assertThat(storedFiles()).as("no file").isEqualTo(files);
    }

    @Test
    void aForbiddenTypeIsRefused() throws Exception {
        byte[] exe = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xff, (byte) 0xff};
        refused(report(t1, period, "50", file("setup.exe", exe)), 422, "佐证材料", "setup.exe", "不是允许的类型");
        // the extension alone is not trusted: an executable named .pdf is refused by its content
        refused(report(t1, period, "50", file("evidence.pdf", exe)), 422, "evidence.pdf", "不是允许的类型");
        // nor is the content alone: a PDF named .png does not pass as a picture
        refused(report(t1, period, "50", file("photo.png", PDF)), 422, "扩展名为 .png，但内容是 PDF");
    }

    @Test
    void anOversizedFileIsRefusedAndNotKept() throws Exception {
        byte[] big = new byte[(int) settings.maxAttachmentSize().toBytes() + 1];
        System.arraycopy(PDF, 0, big, 0, PDF.length);
        refused(report(t1, period, "50", file("scan.pdf", big)), 422, "scan.pdf", "超过大小限制 10 MB");
    }

    @Test
    void aPathInTheFileNameIsRefused() throws Exception {
        refused(report(t1, period, "50", file("../../etc/passwd.pdf", PDF)), 422, "文件名不允许");
        refused(report(t1, period, "50", file("..\\..\\windows\\evil.pdf", PDF)), 422, "文件名不允许");
    }

    @Test
    void aReportOnAClosedPeriodIsRefused() throws Exception {
        refused(report(t1, "2017Q1", "50", file("old.pdf", PDF)), 422, "报告期", "已截止：该报告期的报告受理至 2017-04-30");
        refused(report(t1, "2017", "50"), 422, "不是本规划的报告期");
    }

    @Test
    void aGoodFileIsNotKeptWhenAnotherIsRefused() throws Exception {
        refused(report(t1, period, "50", file("good.pdf", PDF), file("bad.exe", new byte[] {'M', 'Z'})), 422, "bad.exe");
    }

    @Test
    void badProgressAndEmptyNarrativeAreNamed() throws Exception {
        MockMultipartHttpServletRequestBuilder b = multipart("/supervision/items/{id}/report", t1.id());
        b.param("period", period).param("progress", "150").param("narrative", " ").with(csrf());
        refused(b, 422, "完成进度（%）", "应为 0 到 100 之间的整数", "进展情况", "不能为空");
    }

    @Test
    void aReportOnAnotherDepartmentsTaskIsForbidden() throws Exception {
        Item security = items.get(MFG, "T2.5.1"); // 网信办, 通信管理局, 经信委: not 科技厅
        refused(report(security, period, "50", file("x.pdf", PDF)), 403);
        mvc.perform(get("/supervision/items/{id}/report", security.id()).with(as(Logins.DEPARTMENT)))
                .andExpect(status().isForbidden());
    }

    @Test
    void strayFilesAreSweptAndRecordedOnesKept() throws Exception {
        mvc.perform(report(t1, period, "60", file("kept.pdf", PDF)).with(as(Logins.DEPARTMENT)))
                .andExpect(status().is3xxRedirection());
        String stray = "0123456789abcdef0123456789abcdef";
        jdbc.sql("insert into sup_attachment_content (stored_name, content) values (?, ?)").params(stray, PDF).update();
        String kept = jdbc.sql("select a.stored_name from sup_attachment a join sup_report r on r.id = a.report_id "
                + "where r.item_id = ? and a.file_name = 'kept.pdf'").param(t1.id()).query(String.class).single();
        try {
            int removed = attachments.sweep(java.time.Instant.parse("2021-01-01T00:00:00Z"));
            assertThat(removed).isGreaterThanOrEqualTo(1);
            assertThat(storedFiles()).doesNotContain(stray).contains(kept);
        } finally {
            jdbc.sql("delete from sup_attachment_content where stored_name = ?").param(stray).update();
        }
    }
}
