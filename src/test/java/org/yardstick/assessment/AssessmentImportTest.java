package org.yardstick.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;
import org.yardstick.As;
import org.yardstick.YardstickTest;
import org.yardstick.assessment.engine.Answer;
import org.yardstick.assessment.engine.CreditCode;
import org.yardstick.assessment.engine.Questionnaire;
import org.yardstick.assessment.engine.Scoring;
import org.yardstick.assessment.internal.AssessmentImports;
import org.yardstick.assessment.internal.Questionnaires;
import org.yardstick.region.Regions;
import org.yardstick.security.Accounts;
import org.yardstick.security.NewAccount;
import org.yardstick.security.Role;

/**
 * The 经信委's bulk import: 30 generated enterprises' answers in an .xlsx made here, checked (dryRun), imported all
 * or nothing through the API and the page; bad rows (credit code, answer, unit, region) refused whole.
 */
@YardstickTest
@Transactional
class AssessmentImportTest {

    static final String PASSWORD = "Panel-7#qTz-Analyse-2026";

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService details;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired Questionnaires questionnaires;
    @Autowired Regions regions;

    @AfterEach
    void back() {
        As.nobody();
    }

    private String planner(String region) {
        String name = "asm-import-" + System.nanoTime() % 10_000_000;
        As.user(details, "admin");
        try {
            accounts.create(new NewAccount(name, "经信委测试", PASSWORD, Role.PLANNER, region, null, false), "admin");
        } finally {
            As.nobody();
        }
        return name;
    }

    /** A generated enterprise row: its cells by column code. */
    static Map<String, String> enterprise(Random random, String county, int serial) {
        StringBuilder s = new StringBuilder("9165");
        while (s.length() < 17) {
            s.append("0123456789ABCDEFGHJKLMNPQRTUWXY".charAt(random.nextInt(31)));
        }
        Map<String, String> row = new LinkedHashMap<>();
        row.put("credit_code", s + String.valueOf(CreditCode.checkCharacter(s.toString())));
        row.put("name", "生成企业" + serial);
        row.put("county", county);
        row.put("industry", List.of("C", "3985", "51", "65", "E").get(serial % 5));
        if (serial % 6 == 5) {
            row.put("size_class", "小型"); // no figures: stated
        } else {
            row.put("employees", String.valueOf(5 + random.nextInt(1500)));
            row.put("revenue", String.valueOf(100 + random.nextInt(60000)));
            row.put("total_assets", String.valueOf(100 + random.nextInt(90000)));
        }
        row.put("above_scale", serial % 2 == 0 ? "是" : "否");
        return row;
    }

    /** Answers of every question, varied by the random source; numbers with their unit written after them. */
    static void answer(Random random, Questionnaire q, Map<String, String> row) {
        for (Questionnaire.Question question : q.questions()) {
            row.put(question.code(), switch (question.kind()) {
                case YES_NO -> random.nextBoolean() ? "是" : "no";
                case NUMBER -> random.nextInt(50) + (random.nextBoolean() ? " " + question.unit() : "");
                case SINGLE -> question.options().get(random.nextInt(question.options().size())).code();
                case MULTIPLE -> question.options().get(0).code() + "、"
                        + question.options().get(question.options().size() - 1).code();
            });
        }
    }

    static byte[] workbook(Questionnaire q, List<Map<String, String>> rows) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("答卷");
            Row r0 = sheet.createRow(0);
            r0.createCell(0).setCellValue("questionnaire");
            r0.createCell(1).setCellValue(q.code());
            r0.createCell(2).setCellValue(q.version());
            List<String> columns = new ArrayList<>(AssessmentImports.FIELDS);
            q.questions().forEach(x -> columns.add(x.code()));
            Row header = sheet.createRow(1);
            Row labels = sheet.createRow(2);
            for (int i = 0; i < columns.size(); i++) {
                header.createCell(i).setCellValue(columns.get(i));
                labels.createCell(i).setCellValue(i == 0 ? "统一社会信用代码" : "标签");
            }
            for (int n = 0; n < rows.size(); n++) {
                Row r = sheet.createRow(3 + n);
                for (int i = 0; i < columns.size(); i++) {
                    String v = rows.get(n).get(columns.get(i));
                    if (v == null) {
                        continue;
                    }
                    // figures as numeric cells, the way a bureau's spreadsheet holds them
                    if (v.matches("\\d+") && !columns.get(i).equals("credit_code") && !columns.get(i).equals("county")
                            && !columns.get(i).equals("industry")) {
                        r.createCell(i).setCellValue(Double.parseDouble(v));
                    } else {
                        r.createCell(i).setCellValue(v);
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    private List<Map<String, String>> thirty(Questionnaire q, long seed) {
        Random random = new Random(seed);
        List<String> counties = regions.children(regions.get("6501")).stream().map(r -> r.code()).limit(3).toList();
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            Map<String, String> row = enterprise(random, counties.get(i % counties.size()), i);
            answer(random, q, row);
            rows.add(row);
        }
        return rows;
    }

    private int stored(List<Map<String, String>> rows) {
        return rows.stream().mapToInt(r -> jdbc.sql("select count(*) from asm_enterprise where credit_code = ?")
                .param(r.get("credit_code")).query(Integer.class).single()).sum();
    }

    @Test
    void aBureauImportsThirtyEnterprisesFromExcel() throws Exception {
        String bureau = planner("6501");
        Questionnaire q = questionnaires.latest().questionnaire();
        List<Map<String, String>> rows = thirty(q, 13);
        MockMultipartFile file = new MockMultipartFile("file", "答卷.xlsx", null, workbook(q, rows));

        // dryRun: checked and scored, nothing stored
        mvc.perform(multipart("/api/v1/assessment/imports").file(file).param("dryRun", "true")
                        .with(httpBasic(bureau, PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.dryRun").value(true))
                .andExpect(jsonPath("$.registered").value(30))
                .andExpect(jsonPath("$.submitted").value(30))
                .andExpect(jsonPath("$.lines[0].line").value(4));
        assertThat(stored(rows)).isZero();

        mvc.perform(multipart("/api/v1/assessment/imports").file(file).with(httpBasic(bureau, PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.dryRun").value(false))
                .andExpect(jsonPath("$.submitted").value(30));
        assertThat(stored(rows)).isEqualTo(30);

        // every assessment submitted, with the score the engine gives its answers
        for (Map<String, String> row : rows) {
            Map<String, Answer> answers = new LinkedHashMap<>();
            q.questions().forEach(x -> answers.put(x.code(), AssessmentImports.answer(x, row.get(x.code()))));
            BigDecimal expected = Scoring.score(q, answers).total();
            var stored = jdbc.sql("select a.status, a.total_score, e.size_class, e.size_stated, e.above_scale "
                            + "from asm_assessment a join asm_enterprise e on e.id = a.enterprise_id where e.credit_code = ?")
                    .param(row.get("credit_code"))
                    .query((rs, n) -> List.of(rs.getString(1), rs.getBigDecimal(2), rs.getString(3), rs.getBoolean(4),
                            rs.getBoolean(5))).single();
            assertThat(stored.get(0)).isEqualTo("SUBMITTED");
            assertThat((BigDecimal) stored.get(1)).isEqualByComparingTo(expected);
            boolean stated = !row.containsKey("employees");
            assertThat(stored.get(3)).as(row.get("name")).isEqualTo(stated);
            if (stated) {
                assertThat(stored.get(2)).isEqualTo("SMALL");
            } else {
                var derived = org.yardstick.assessment.engine.SizeRule.classify(row.get("industry"),
                        Long.parseLong(row.get("employees")), new BigDecimal(row.get("revenue")),
                        new BigDecimal(row.get("total_assets"))).orElseThrow();
                assertThat(stored.get(2)).isEqualTo(derived.name());
            }
            assertThat(stored.get(4)).isEqualTo("是".equals(row.get("above_scale")));
        }
        // audited with who and through which channel
        assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'assessment' and action = 'submit' "
                        + "and field = 'channel' and new_value = 'api' and actor = ?").param(bureau)
                .query(Integer.class).single()).isEqualTo(30);
        assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'enterprise' and action = 'create' "
                        + "and field = 'channel' and new_value = 'api' and actor = ?").param(bureau)
                .query(Integer.class).single()).isEqualTo(30);

        // the same file again: every enterprise has already submitted under this version, refused whole
        mvc.perform(multipart("/api/v1/assessment/imports").file(file).with(httpBasic(bureau, PASSWORD))
                        .header("Accept-Language", "en"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.problems.length()").value(30))
                .andExpect(jsonPath("$.problems[0].code").value("assessment.already-submitted"));
    }

    @Test
    void badRowsRefuseTheWholeFileNamingRowFieldAndReason() throws Exception {
        String bureau = planner("6501");
        Questionnaire q = questionnaires.latest().questionnaire();
        List<Map<String, String>> rows = thirty(q, 14);
        String good = rows.get(0).get("credit_code");
        // row 5: a wrong check character; row 6: an answer outside its set; row 7: a number in the wrong unit;
        // row 8: a county outside the bureau's region (克拉玛依 独山子区)
        rows.get(1).put("credit_code", rows.get(1).get("credit_code").substring(0, 17)
                + (rows.get(1).get("credit_code").charAt(17) == '0' ? '1' : '0'));
        Questionnaire.Question single = q.questions().stream()
                .filter(x -> x.kind() == org.yardstick.assessment.engine.QuestionKind.SINGLE).findFirst().orElseThrow();
        rows.get(2).put(single.code(), "cloud");
        Questionnaire.Question number = q.questions().stream()
                .filter(x -> x.kind() == org.yardstick.assessment.engine.QuestionKind.NUMBER).findFirst().orElseThrow();
        rows.get(3).put(number.code(), "12 万元");
        rows.get(4).put("county", "650202");
        MockMultipartFile file = new MockMultipartFile("file", "答卷.xlsx", null, workbook(q, rows));

        mvc.perform(multipart("/api/v1/assessment/imports").file(file).with(httpBasic(bureau, PASSWORD))
                        .header("Accept-Language", "en"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.problems[*].line").value(containsInAnyOrder(5, 6, 7, 8)))
                .andExpect(jsonPath("$.problems[*].field").value(containsInAnyOrder("credit_code", single.code(),
                        number.code(), "county")))
                .andExpect(jsonPath("$.problems[*].code").value(containsInAnyOrder("assessment.credit-code-check",
                        "assessment.not-an-option", "assessment.wrong-unit", "assessment.outside-region")))
                .andExpect(jsonPath("$.problems[*].reason").value(hasItem(
                        "is given in 万元, the question asks for " + number.unit())));
        // in Chinese too
        mvc.perform(multipart("/api/v1/assessment/imports").file(file).with(httpBasic(bureau, PASSWORD))
                        .header("Accept-Language", "zh-CN"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.problems[*].reason").value(hasItem("不在您的地区 6501 范围内：只能导入本地区的企业")));
        // nothing stored, not even the good rows
        assertThat(stored(rows)).isZero();
        assertThat(jdbc.sql("select count(*) from asm_enterprise where credit_code = ?").param(good)
                .query(Integer.class).single()).isZero();

        // a file for a version that is not stored, and a file that is not a template at all
        byte[] csv = ("questionnaire," + q.code() + ",999\ncredit_code\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        mvc.perform(multipart("/api/v1/assessment/imports").file(new MockMultipartFile("file", "a.csv", null, csv))
                        .with(httpBasic(bureau, PASSWORD)).header("Accept-Language", "en"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.problems[0].code").value("assessment.import-version"));
        mvc.perform(multipart("/api/v1/assessment/imports").file(new MockMultipartFile("file", "b.csv", null,
                                "region,period\n65,2020\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                        .with(httpBasic(bureau, PASSWORD)).header("Accept-Language", "en"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.problems[0].code").value("assessment.import-header"));
    }

    @Test
    void anEnterpriseAccountMayNotImport() throws Exception {
        As.user(details, "admin");
        String name = "asm-import-ent-" + System.nanoTime() % 10_000_000;
        try {
            accounts.create(new NewAccount(name, "企业", PASSWORD, Role.ENTERPRISE, null, "xj-xinte-energy", false), "admin");
        } finally {
            As.nobody();
        }
        mvc.perform(multipart("/api/v1/assessment/imports").file(new MockMultipartFile("file", "a.csv", null,
                        "x".getBytes())).with(httpBasic(name, PASSWORD)))
                .andExpect(status().isForbidden());
    }

    /** The page: the template downloaded, filled in (CSV would do as well) and uploaded; the outcome listed. */
    @Test
    void thePageDownloadsTheTemplateAndImportsItFilledIn() throws Exception {
        String bureau = planner("6501");
        Questionnaire q = questionnaires.latest().questionnaire();
        mvc.perform(get("/assessment/imports").with(user(details.loadUserByUsername(bureau))).locale(Locale.SIMPLIFIED_CHINESE))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("批量导入企业自评估答卷")));
        byte[] template = mvc.perform(get("/assessment/imports/template").with(user(details.loadUserByUsername(bureau)))
                        .param("lang", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        // fill the downloaded template: its header row names every question
        byte[] filled;
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo(q.code());
            assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo("Unified social credit code");
            Map<String, String> data = enterprise(new Random(15), "650102", 1);
            answer(new Random(15), q, data);
            Row header = sheet.getRow(1);
            Row r = sheet.createRow(3);
            for (int i = 0; i < header.getLastCellNum(); i++) {
                String v = data.get(header.getCell(i).getStringCellValue());
                if (v != null) {
                    r.createCell(i).setCellValue(v);
                }
            }
            wb.write(out);
            filled = out.toByteArray();
        }
        mvc.perform(multipart("/assessment/imports").file(new MockMultipartFile("file", "filled.xlsx", null, filled))
                        .with(user(details.loadUserByUsername(bureau))).with(csrf()).locale(Locale.SIMPLIFIED_CHINESE))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("已导入 1 家企业的答卷")));
        // and a bad upload on the page: the table names the row
        mvc.perform(multipart("/assessment/imports").file(new MockMultipartFile("file", "filled.xlsx", null, filled))
                        .with(user(details.loadUserByUsername(bureau))).with(csrf()).locale(Locale.SIMPLIFIED_CHINESE))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("assessment.already-submitted")));
    }

    /** Registration on the page derives the class by the NBS 2017 rule when the figures are given. */
    @Test
    void registrationDerivesTheSizeClassFromTheFigures() throws Exception {
        As.user(details, "admin");
        String name = "asm-size-" + System.nanoTime() % 10_000_000;
        try {
            accounts.create(new NewAccount(name, "企业", PASSWORD, Role.ENTERPRISE, null, "xj-xinte-energy", false), "admin");
        } finally {
            As.nobody();
        }
        String code = AssessmentApiTest.code("91650102MA7X00012");
        var refused = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/assessment/register")
                        .with(user(details.loadUserByUsername(name))).with(csrf())
                        .param("creditCode", code).param("name", "新特能源股份有限公司").param("regionCode", "650102")
                        .param("industryCode", "3985").param("sizeClass", "LARGE").param("employees", "-3")
                        .param("revenue", "1500"))
                .andReturn();
        @SuppressWarnings("unchecked")
        var problems = (List<org.yardstick.shared.InputProblem>) refused.getFlashMap().get("problems");
        assertThat(problems).extracting(p -> p.field() + ":" + p.kind().key()).containsExactly("employees:assessment.negative");

        // 工业: 250 persons (≥ 20, < 300) and 1,500 万元 (≥ 300, < 2,000) make it 小型 whatever was chosen
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/assessment/register")
                .with(user(details.loadUserByUsername(name))).with(csrf())
                .param("creditCode", code).param("name", "新特能源股份有限公司").param("regionCode", "650102")
                .param("industryCode", "3985").param("sizeClass", "LARGE").param("employees", "250")
                .param("revenue", "1500"));
        assertThat(jdbc.sql("select size_class || '/' || size_stated from asm_enterprise where credit_code = ?")
                .param(code).query(String.class).single()).isIn("SMALL/false", "SMALL/FALSE");
    }
}
