package org.yardstick.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.yardstick.As;
import org.yardstick.YardstickTest;
import org.yardstick.jobs.Job;
import org.yardstick.jobs.JobProgress;
import org.yardstick.jobs.JobState;
import org.yardstick.jobs.Jobs;
import org.yardstick.region.DivisionImport.DivisionFile;
import org.yardstick.region.internal.RegionProblem;
import org.yardstick.security.Accounts;
import org.yardstick.security.NewAccount;
import org.yardstick.security.Role;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.InvalidInputException;

/**
 * The official divisions import on a slice of the published files (天山区's 22 townships and 195 villages,
 * the villages gzip'd): streaming, all or nothing with every bad row named, idempotent, and run as a job
 * from the API (202, then the job resource) and from the page (its progress bar).
 */
@YardstickTest
class DivisionImportTest {

    static final String PASSWORD = "Kq7#vLm2pX9w-regions";
    static final String COUNTY = "650102";

    @Autowired DivisionImport divisions;
    @Autowired Jobs jobs;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired UserDetailsService details;

    /** The townships and villages of the county are removed again, so that every test starts without them. */
    @AfterEach
    void removeImported() {
        As.nobody();
        jdbc.sql("delete from region where level = 'VILLAGE' and code like ?").param(COUNTY + "%").update();
        jdbc.sql("delete from region where level = 'TOWNSHIP' and code like ?").param(COUNTY + "%").update();
    }

    static byte[] fixture(String name) throws IOException {
        try (InputStream in = new ClassPathResource("divisions/" + name).getInputStream()) {
            return in.readAllBytes();
        }
    }

    static String villagesText() throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(fixture("villages-650102.csv.gz")))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static DivisionFile file(String name, byte[] bytes) {
        return new DivisionFile(name, () -> new ByteArrayInputStream(bytes));
    }

    static DivisionFile file(String name, String text) {
        return file(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private long count(String level) {
        return jdbc.sql("select count(*) from region where level = ? and code like ?").params(level, COUNTY + "%")
                .query(Long.class).single();
    }

    /** Records every phase and progress report. */
    static final class Recorder implements JobProgress {
        final List<String> phases = new ArrayList<>();
        long total;
        long last;

        @Override
        public void phase(String phase, long total) {
            phases.add(phase);
            this.total = total;
            this.last = 0;
        }

        @Override
        public void done(long done) {
            assertThat(done).isGreaterThanOrEqualTo(last);
            last = done;
        }
    }

    @Test
    void theSliceImportsUnderItsCountyAndImportingItAgainChangesNothing() throws IOException {
        // villages first: the import takes the files from provinces down whatever their order
        List<DivisionFile> files = List.of(file("villages-650102.csv.gz", fixture("villages-650102.csv.gz")),
                file("streets-650102.csv", fixture("streets-650102.csv")));
        Recorder progress = new Recorder();
        DivisionImport.Outcome first = divisions.importFiles(files, "test", Channel.FILE, progress);
        assertThat(first).isEqualTo(new DivisionImport.Outcome(217, 217, 0, 0));
        assertThat(progress.phases).containsExactly("validate", "write");
        assertThat(progress.total).isEqualTo(217);
        assertThat(progress.last).isEqualTo(217);
        assertThat(count("TOWNSHIP")).isEqualTo(22);
        assertThat(count("VILLAGE")).isEqualTo(195);
        Region village = jdbc.sql("select id, code, parent_id, level, name_zh, name_en, official, path, depth from region where code = ?")
                .param("650102002002").query(Regions::map).single();
        assertThat(village.path()).isEqualTo("/CN/65/6501/650102/650102002/650102002002/");
        assertThat(village.name().zh()).isEqualTo("燕儿窝南社区居委会");
        assertThat(village.name().en()).isNotBlank();
        assertThat(village.official()).isTrue();
        long audit = jdbc.sql("select count(*) from audit_event where entity_key = 'divisions' and field = 'added'").query(Long.class).single();

        DivisionImport.Outcome again = divisions.importFiles(files, "test", Channel.FILE, JobProgress.NONE);
        assertThat(again).isEqualTo(new DivisionImport.Outcome(217, 0, 0, 217));

        // a renamed village is updated, a new one added, the rest left alone
        String changed = villagesText().replace("燕儿窝南社区居委会", "燕儿窝南社区") + "650102002999,\"新建社区\",650102002,65,6501,650102\n";
        DivisionImport.Outcome third = divisions.importFiles(List.of(file("villages.csv", changed)), "test", Channel.FILE,
                JobProgress.NONE);
        assertThat(third).isEqualTo(new DivisionImport.Outcome(196, 1, 1, 194));
        assertThat(jdbc.sql("select name_zh from region where code = '650102002002'").query(String.class).single())
                .isEqualTo("燕儿窝南社区");
        assertThat(jdbc.sql("select count(*) from audit_event where entity_key = 'divisions' and field = 'added'").query(Long.class).single())
                .isEqualTo(audit + 2);
    }

    @Test
    void aBadRowRefusesTheWholeImportNamingRowFieldAndValue() throws IOException {
        String streets = new String(fixture("streets-650102.csv"), StandardCharsets.UTF_8);
        String villages = villagesText()
                + "65010200201,\"短代码\",650102002,65,6501,650102\n"          // 11 digits: line 197
                + "650102777001,\"无主村\",650102777,65,6501,650102\n"         // its township does not exist: line 198
                + "650102003999,\"错挂村\",650102002,65,6501,650102\n"         // not under its parent's code: line 199
                + "650102002002,\"重复村\",650102002,65,6501,650102\n";        // the file's first village again: line 200
        long before = jdbc.sql("select count(*) from region").query(Long.class).single();
        assertThatThrownBy(() -> divisions.importFiles(List.of(file("streets.csv", streets), file("villages.csv", villages)),
                "test", Channel.FILE, JobProgress.NONE))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.problems()).extracting(InputProblem::line).containsExactly(197L, 198L, 199L, 200L);
                    assertThat(e.problems()).extracting(p -> p.kind()).containsExactly(RegionProblem.DIVISION_CODE,
                            RegionProblem.DIVISION_PARENT, RegionProblem.DIVISION_PREFIX, RegionProblem.REPEATED_CODE);
                    assertThat(e.problems().get(3).args()).containsExactly(2L);
                    assertThat(e.problems().get(0).source()).isEqualTo("villages.csv");
                    assertThat(e.problems().get(0).field()).isEqualTo("code");
                    assertThat(e.problems().get(0).value()).isEqualTo("65010200201");
                    assertThat(e.problems().get(1).field()).isEqualTo("streetcode");
                });
        assertThat(jdbc.sql("select count(*) from region").query(Long.class).single()).as("nothing written").isEqualTo(before);
        assertThatThrownBy(() -> divisions.importFiles(List.of(file("other.csv", "a,b\n1,2\n")), "test", Channel.FILE,
                JobProgress.NONE))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems().get(0).kind()).isEqualTo(RegionProblem.DIVISION_FILE));
    }

    private String admin() {
        String name = "div-admin-" + System.nanoTime() % 1_000_000;
        As.user(details, "admin");
        accounts.create(new NewAccount(name, "区划导入测试", PASSWORD, Role.ADMIN, "CN", null, false), "admin");
        As.nobody();
        return name;
    }

    private Job awaitFinished(String id) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            Job job = jobs.find(id).orElseThrow();
            if (job.state().finished()) {
                return job;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("job " + id + " did not finish");
    }

    @Test
    void theApiAnswers202AndTheJobTellsStateProgressAndResultToItsOwnerOnly() throws Exception {
        String admin = admin();
        String location = mvc.perform(multipart("/api/v1/regions/divisions")
                        .file(new MockMultipartFile("file", "streets-650102.csv", "text/csv", fixture("streets-650102.csv")))
                        .file(new MockMultipartFile("file", "villages-650102.csv.gz", "application/gzip", fixture("villages-650102.csv.gz")))
                        .with(httpBasic(admin, PASSWORD)))
                .andExpect(status().isAccepted()).andExpect(header().string("Location", Matchers.startsWith("/api/v1/jobs/")))
                .andReturn().getResponse().getHeader("Location");
        String id = location.substring("/api/v1/jobs/".length());
        Job job = awaitFinished(id);
        assertThat(job.state()).isEqualTo(JobState.SUCCEEDED);
        mvc.perform(get(location).with(httpBasic(admin, PASSWORD))).andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("SUCCEEDED"))
                .andExpect(jsonPath("$.done").value(217)).andExpect(jsonPath("$.total").value(217))
                .andExpect(jsonPath("$.percent").value(100))
                .andExpect(jsonPath("$.result.added").value(217));
        mvc.perform(get(location)).andExpect(status().isNotFound());
        assertThat(count("VILLAGE")).isEqualTo(195);

        // a bad file: the job fails with its problems, nothing written
        String bad = "code,name,streetCode,provinceCode,cityCode,areaCode\n650102002,\"九位\",650102002,65,6501,650102\n";
        String badLocation = mvc.perform(multipart("/api/v1/regions/divisions")
                        .file(new MockMultipartFile("file", "villages.csv", "text/csv", bad.getBytes(StandardCharsets.UTF_8)))
                        .with(httpBasic(admin, PASSWORD)))
                .andExpect(status().isAccepted()).andReturn().getResponse().getHeader("Location");
        awaitFinished(badLocation.substring("/api/v1/jobs/".length()));
        mvc.perform(get(badLocation).with(httpBasic(admin, PASSWORD))).andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("FAILED"))
                .andExpect(jsonPath("$.problems[0].line").value(2))
                .andExpect(jsonPath("$.problems[0].field").value("code"))
                .andExpect(jsonPath("$.problems[0].code").value("region.division-code"))
                .andExpect(jsonPath("$.problems[0].args[0]").value(12))
                .andExpect(jsonPath("$.problems[0].reason").value("应为 12 位数字（VILLAGE）"))
                .andExpect(jsonPath("$.message").value("共 1 处问题，未写入任何数据"));
        // the same job read in English: its reasons and message in the reader's language, from the stored key and arguments
        mvc.perform(get(badLocation).header("Accept-Language", "en").with(httpBasic(admin, PASSWORD))).andExpect(status().isOk())
                .andExpect(jsonPath("$.problems[0].reason").value("must be 12 digits for a VILLAGE"))
                .andExpect(jsonPath("$.message").value("1 problem(s); nothing written"));
    }

    @Test
    void thePageUploadsShowsTheProgressBarAndListsATownshipsVillagesByPage() throws Exception {
        var me = user(details.loadUserByUsername(admin()));
        String redirect = mvc.perform(multipart("/manage/divisions")
                        .file(new MockMultipartFile("file", "streets-650102.csv", "text/csv", fixture("streets-650102.csv")))
                        .file(new MockMultipartFile("file", "villages-650102.csv.gz", "application/gzip", fixture("villages-650102.csv.gz")))
                        .with(me).with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        String id = redirect.substring(redirect.lastIndexOf('/') + 1);
        mvc.perform(get(redirect).with(me)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"job-progress\"")));
        awaitFinished(id);
        mvc.perform(get(redirect + "/progress").with(me).param("lang", "en")).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("data-state=\"SUCCEEDED\"")))
                .andExpect(content().string(Matchers.containsString("217 of 217 rows")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("hx-trigger"))));
        // 天山区 lists its townships; a township its villages, 50 to a page
        mvc.perform(get("/manage/regions").param("code", COUNTY).with(me)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("燕儿窝街道")));
        String township = jdbc.sql("select parent.code from region v join region parent on v.parent_id = parent.id "
                + "where v.level = 'VILLAGE' and v.code like ? group by parent.code order by count(*) desc, parent.code "
                + "fetch first 1 rows only").param(COUNTY + "%").query(String.class).single();
        long villages = jdbc.sql("select count(*) from region v join region p on v.parent_id = p.id where p.code = ?")
                .param(township).query(Long.class).single();
        String page = mvc.perform(get("/manage/regions").param("code", township).with(me)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        int rows = page.split("/manage/regions\\?code=" + township.substring(0, 9) + "\\d{3}\"", -1).length - 1;
        assertThat(rows).isEqualTo((int) Math.min(villages, 50));
    }
}
