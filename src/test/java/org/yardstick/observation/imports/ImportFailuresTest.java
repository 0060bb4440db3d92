package org.yardstick.observation.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.yardstick.observation.imports.Files.csv;
import static org.yardstick.observation.imports.Files.utf8;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.yardstick.YardstickTest;

/**
 * What an upload is told when the import cannot run or cannot finish, through the page: too many
 * imports at once (503, Retry-After, in the user's language); the database connection killed in
 * the middle of the write (the import failed, nothing of the file is stored); a file with tens of
 * thousands of problems (the true count, the list bounded). Works in 鄯善县 (650421), which no
 * other test uses.
 */
@YardstickTest
class ImportFailuresTest {

    static final String DS = "xj-county-info";
    static final String COUNTY = "650421";
    static final String HEADER = "indicator,region,period,value,qualifier,comment";

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService accounts;
    @Autowired JdbcTemplate jdbc;
    @Autowired DataSource dataSource;
    @Autowired FigureImports imports;
    @Autowired ImportSlots slots;

    @BeforeEach
    void clear() {
        jdbc.update("delete from observation where region_id = (select id from region where code = ?) and submission_id is not null",
                COUNTY);
        jdbc.update("delete from submission where region_id = (select id from region where code = ?)", COUNTY);
    }

    @AfterEach
    void reset() {
        imports.useWriter(null);
    }

    MvcResult upload(String name, byte[] bytes, String lang) throws Exception {
        // the language in the address, as the upload form sends it: a multipart body is not read for it
        return mvc.perform(multipart("/collect/import?lang=" + lang).file(new MockMultipartFile("file", name, "text/csv", bytes))
                .param("dataSet", DS).with(user(accounts.loadUserByUsername("planner"))).with(csrf()))
                .andReturn();
    }

    long stored() {
        return jdbc.queryForObject("select count(*) from observation o join region r on r.id = o.region_id where r.code = ?",
                Long.class, COUNTY);
    }

    long audited() {
        return jdbc.queryForObject("select count(*) from audit_event where entity_key like ?", Long.class, "%/" + COUNTY + "/%");
    }

    @Test
    void anUploadBeyondTheConcurrentImportsIsToldToRetryInItsLanguage() throws Exception {
        List<ImportSlots.Slot> taken = new ArrayList<>();
        try {
            for (int i = 0; i < slots.size(); i++) {
                taken.add(slots.tryTake());
            }
            assertThat(taken).doesNotContainNull();
            byte[] file = utf8(csv(HEADER, "BB_USERS," + COUNTY + ",2025,10,,"));
            MvcResult zh = upload("a.csv", file, "zh");
            assertThat(zh.getResponse().getStatus()).isEqualTo(503);
            assertThat(zh.getResponse().getHeader("Retry-After")).isEqualTo("30");
            assertThat(zh.getResponse().getContentAsString()).contains("正在进行的导入已达上限").contains("30 秒后");
            MvcResult en = upload("a.csv", file, "en");
            assertThat(en.getResponse().getStatus()).isEqualTo(503);
            assertThat(en.getResponse().getContentAsString()).contains("Upload it again in 30 seconds");
            assertThat(stored()).isZero();
        } finally {
            taken.forEach(ImportSlots.Slot::close);
        }
        MvcResult again = upload("a.csv", utf8(csv(HEADER, "BB_USERS," + COUNTY + ",2025,10,,")), "zh");
        assertThat(again.getResponse().getStatus()).isEqualTo(200);
        assertThat(stored()).isEqualTo(1);
    }

    @Test
    void aDatabaseConnectionKilledDuringTheWriteFailsTheImportAndStoresNothing() throws Exception {
        FigureWriter real = imports.writer();
        imports.useWriter((source, changes, subs, actor, now, totalId) -> {
            FigureWriter.Written w = real.write(source, changes, subs, actor, now, totalId);
            try {
                kill(DataSourceUtils.getConnection(dataSource));
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            jdbc.queryForObject("select count(*) from observation", Long.class); // the next statement meets the dead connection
            return w;
        });
        long audits = audited();
        MvcResult r = upload("killed.csv", utf8(csv(HEADER, "BB_USERS," + COUNTY + ",2025,10,,",
                "FTTH_USERS," + COUNTY + ",2025,4,,")), "zh");
        assertThat(r.getResponse().getStatus()).isEqualTo(503);
        assertThat(r.getResponse().getContentAsString()).contains("导入失败").contains("未写入任何数据")
                .doesNotContain("新增");
        imports.useWriter(null);
        assertThat(stored()).isZero();
        assertThat(audited()).isEqualTo(audits);
        // the pool recovers: the same file imports now
        assertThat(upload("killed.csv", utf8(csv(HEADER, "BB_USERS," + COUNTY + ",2025,10,,")), "en").getResponse()
                .getStatus()).isEqualTo(200);
        assertThat(stored()).isEqualTo(1);
    }

    /**
     * Ends the session midway: on PostgreSQL as an operator would ({@code pg_terminate_backend}); on
     * H2 the failure a lost connection raises is injected.
     */
    static void kill(Connection pooled) throws Exception {
        if (pooled.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")) {
            try (Statement s = pooled.createStatement()) {
                s.execute("select pg_terminate_backend(pg_backend_pid())");
            } catch (java.sql.SQLException terminated) {
                // the server ends the session it runs in: the answer is this error
            }
        } else {
            // closing H2's physical connection under a running transaction damages the in-memory database the other
            // tests share: the driver's answer to a lost connection is thrown instead
            throw new org.springframework.dao.DataAccessResourceFailureException("the connection to the database was lost");
        }
    }

    @Test
    void aFileWithTensOfThousandsOfProblemsIsToldTheirTrueCountAndListsABoundedNumber() throws Exception {
        StringBuilder file = new StringBuilder(HEADER).append("\r\n");
        for (int i = 0; i < 23_824; i++) {
            file.append("BB_USERS,X").append(i).append(",2025,1,,\r\n");
        }
        MvcResult r = upload("many.csv", utf8(file.toString()), "zh");
        assertThat(r.getResponse().getStatus()).isEqualTo(422);
        String page = r.getResponse().getContentAsString();
        assertThat(page).contains("文件有 23,824 处问题").contains("仅列出前 1,000 处问题");
        assertThat(page.split("<tr>").length - 2).isEqualTo(1000);
        MvcResult en = upload("many.csv", utf8(file.toString()), "en");
        assertThat(en.getResponse().getContentAsString()).contains("The file has 23,824 problem(s)");
    }

    @Test
    void aHeaderOfAMillionColumnsIsRefusedAtOnceWithOneProblem() throws Exception {
        String header = HEADER + ",x".repeat(1_000_000);
        MvcResult r = upload("wide.csv", utf8(csv(header, "BB_USERS," + COUNTY + ",2025,1,,")), "zh");
        assertThat(r.getResponse().getStatus()).isEqualTo(422);
        assertThat(r.getResponse().getContentAsString()).contains("文件有 1 处问题").contains("超过 100 列");
        assertThat(stored()).isZero();
    }
}
