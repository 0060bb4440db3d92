package org.yardstick.observation.imports.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yardstick.observation.imports.Files.csv;
import static org.yardstick.observation.imports.Files.gbk;
import static org.yardstick.observation.imports.Files.utf8;
import static org.yardstick.observation.imports.Files.utf8WithBom;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.annotation.Transactional;
import org.yardstick.YardstickTest;

/** The import pages end to end, as the demo accounts: upload CSV and Excel, see results and problems, who may. */
@YardstickTest
@Transactional
class ImportPagesTest {

    static final String DS = "xj-county-info";
    static final String HEADER = "indicator,region,period,value,qualifier,comment";

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService accounts;
    @Autowired JdbcTemplate jdbc;

    RequestPostProcessor as(String username) {
        return user(accounts.loadUserByUsername(username));
    }

    MvcResult upload(String username, String name, byte[] bytes) throws Exception {
        return mvc.perform(multipart("/collect/import").file(new MockMultipartFile("file", name, "application/octet-stream", bytes))
                .param("dataSet", DS).with(as(username)).with(csrf())).andReturn();
    }

    BigDecimal value(String indicator, String region, String period) {
        return org.yardstick.observation.imports.Files.value(jdbc, indicator, region, period);
    }

    @Test
    void theReporterSeesTheDataSetTheTemplateAndTheHelp() throws Exception {
        mvc.perform(get("/collect/import").with(as("reporter"))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("县（市、区）信息化发展年度监测表"),
                        containsString("/collect/import/xj-county-info/template.xlsx"), containsString("全部导入或全部不导入"),
                        containsString("2025"), containsString("数据导入"))));
        mvc.perform(get("/collect/import").param("lang", "en").with(as("reporter"))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("all or nothing"), not(containsString("全部导入或全部不导入")))));
    }

    @Test
    void csvInUtf8Utf8WithBomAndGbkAreImported() throws Exception {
        MvcResult r = upload("reporter", "utf8.csv", utf8(csv(HEADER, "BB_USERS,650102,2025,10,,")));
        assertThat(r.getResponse().getStatus()).isEqualTo(200);
        assertThat(r.getResponse().getContentAsString()).contains("新增 1 个");
        upload("reporter", "bom.csv", utf8WithBom(csv("指标,地区,时期,数值", "FTTH_USERS,650102,2025,8")));
        upload("reporter", "gbk.csv", gbk(csv("指标,地区,时期,数值,备注", "INTERNET_PORTS,650102,2025,99,端口数含估计")));
        assertThat(value("BB_USERS", "650102", "2025")).isEqualByComparingTo("10");
        assertThat(value("FTTH_USERS", "650102", "2025")).isEqualByComparingTo("8");
        assertThat(value("INTERNET_PORTS", "650102", "2025")).isEqualByComparingTo("99");
        assertThat(jdbc.queryForObject("select comment from observation where obs_value = 99 and period = '2025' "
                + "and region_id = (select id from region where code = '650102')", String.class)).isEqualTo("端口数含估计");
    }

    @Test
    void everyProblemIsListedWithRowColumnValueAndReasonInTheUsersLanguage() throws Exception {
        MvcResult r = upload("reporter", "bad.csv", utf8(csv(HEADER, "BB_USERS,650103,2025,1,,", "FTTH_USERS,650102,2025,abc,,")));
        assertThat(r.getResponse().getStatus()).isEqualTo(422);
        @SuppressWarnings("unchecked")
        List<ImportController.Line> lines = (List<ImportController.Line>) r.getModelAndView().getModel().get("problems");
        assertThat(lines).containsExactly(
                new ImportController.Line(2, "region", "650103", "不在您可以填报的地区范围内"),
                new ImportController.Line(3, "value", "abc", "不是数字"));
        assertThat(r.getResponse().getContentAsString()).contains("未导入任何数据").contains("不在您可以填报的地区范围内")
                .contains("650103").contains("id=\"import-problems\"");
        assertThat(value("BB_USERS", "650103", "2025")).isNull();
    }

    @Test
    void theExcelTemplateRoundTrips() throws Exception {
        upload("reporter", "first.csv", utf8(csv(HEADER, "BB_USERS,650102,2025,3500.5,约,")));
        byte[] template = mvc.perform(get("/collect/import/xj-county-info/template.xlsx").with(as("reporter")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("xj-county-info-template.xlsx")))
                .andReturn().getResponse().getContentAsByteArray();
        byte[] filled;
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            XSSFSheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("region");
            assertThat(sheet.getRow(0).getCell(3).getStringCellValue()).isEqualTo("BB_USERS");
            assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo("地区名称");
            // the reporter's own county only, and only the open period
            assertThat(sheet.getLastRowNum()).isEqualTo(2);
            Row row = sheet.getRow(2);
            assertThat(row.getCell(0).getStringCellValue()).isEqualTo("650102");
            assertThat(row.getCell(2).getStringCellValue()).isEqualTo("2025");
            assertThat(row.getCell(3).getNumericCellValue()).isEqualTo(3500.5);
            row.createCell(4).setCellValue(1200);
            row.createCell(5).setCellValue(0.1 + 0.2);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            filled = out.toByteArray();
        }
        MvcResult r = upload("reporter", "filled.xlsx", filled);
        assertThat(r.getResponse().getStatus()).isEqualTo(200);
        assertThat(r.getResponse().getContentAsString()).contains("新增 2 个").contains("未变 1 个");
        assertThat(value("FTTH_USERS", "650102", "2025")).isEqualByComparingTo("1200");
        assertThat(value("MOBILE_INTERNET_USERS", "650102", "2025")).isEqualByComparingTo("0.3");
        // Excel has no qualifier: the stored one stays
        assertThat(jdbc.queryForObject("select qualifier_text from observation where obs_value = 3500.5 and period = '2025' "
                + "and region_id = (select id from region where code = '650102')", String.class)).isEqualTo("约");
        long audited = jdbc.queryForObject("select count(*) from audit_event", Long.class);
        MvcResult again = upload("reporter", "filled.xlsx", filled);
        assertThat(again.getResponse().getContentAsString()).contains("新增 0 个").contains("未变 3 个");
        assertThat(jdbc.queryForObject("select count(*) from audit_event", Long.class)).isEqualTo(audited);
    }

    @Test
    void anExcelFileWithAFormulaIsRefusedNamingTheCell() throws Exception {
        byte[] file = org.yardstick.observation.imports.Files.workbook(wb -> {
            var s = wb.createSheet("数据");
            var h = s.createRow(0);
            h.createCell(0).setCellValue("region");
            h.createCell(1).setCellValue("period");
            h.createCell(2).setCellValue("BB_USERS");
            var d = s.createRow(1);
            d.createCell(0).setCellValue("650102");
            d.createCell(1).setCellValue("2025");
            d.createCell(2).setCellFormula("1+1");
        });
        MvcResult r = upload("reporter", "formula.xlsx", file);
        assertThat(r.getResponse().getStatus()).isEqualTo(422);
        assertThat(r.getResponse().getContentAsString()).contains("C2").contains("含有公式（=1+1）");
        assertThat(value("BB_USERS", "650102", "2025")).isNull();
    }

    @Test
    void anUploadOverTheServersLimitGetsTheResultPageWithTheLimit() throws Exception {
        // MockMvc does not parse multipart bodies: the file raises what the container's limit raises
        MockMultipartFile huge = new MockMultipartFile("file", "huge.csv", "text/csv", new byte[0]) {
            @Override
            public java.io.InputStream getInputStream() {
                throw new org.springframework.web.multipart.MaxUploadSizeExceededException(300L * 1024 * 1024);
            }
        };
        MvcResult r = mvc.perform(multipart("/collect/import").file(huge).param("dataSet", DS).with(as("reporter"))
                .with(csrf())).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(413);
        assertThat(r.getResponse().getContentAsString()).contains("超过大小上限 300 MB").contains("未保存任何数据");
    }

    @Test
    void anonymousVisitorsAreSentToLogIn() throws Exception {
        mvc.perform(get("/collect/import")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
        mvc.perform(get("/collect/import/xj-county-info/template.xlsx")).andExpect(status().is3xxRedirection());
    }

    @Test
    void departmentsAndEnterprisesMayNotImport() throws Exception {
        for (String who : List.of("department", "enterprise")) {
            mvc.perform(get("/collect/import").with(as(who))).andExpect(status().isForbidden());
            mvc.perform(get("/collect/import/xj-county-info/template.xlsx").with(as(who))).andExpect(status().isForbidden());
            assertThat(upload(who, "a.csv", utf8(csv(HEADER, "BB_USERS,650102,2025,1,,"))).getResponse().getStatus())
                    .isEqualTo(403);
        }
    }

    @Test
    void aReviewerHasNothingToImportAndCannotUpload() throws Exception {
        mvc.perform(get("/collect/import").with(as("reviewer"))).andExpect(status().isOk())
                .andExpect(model().attribute("dataSets", List.of()));
        assertThat(upload("reviewer", "a.csv", utf8(csv(HEADER, "BB_USERS,650102,2025,1,,"))).getResponse().getStatus())
                .isEqualTo(403);
        assertThat(value("BB_USERS", "650102", "2025")).isNull();
    }

    @Test
    void theReporterCannotImportForAnotherCountyButTheAdministratorCan() throws Exception {
        byte[] file = utf8(csv(HEADER, "BB_USERS,650103,2025,4,,"));
        assertThat(upload("reporter", "a.csv", file).getResponse().getStatus()).isEqualTo(422);
        assertThat(value("BB_USERS", "650103", "2025")).isNull();
        assertThat(upload("admin", "a.csv", file).getResponse().getStatus()).isEqualTo(200);
        assertThat(value("BB_USERS", "650103", "2025")).isEqualByComparingTo("4");
    }
}
