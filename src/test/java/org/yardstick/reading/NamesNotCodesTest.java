package org.yardstick.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.yardstick.YardstickTest;

/**
 * Names, not codes (issue 15 item 4): the main pages of each role, in Chinese and English, show no enum
 * name (DRAFT, ENTERPRISE, ON_TRACK), no indicator code in UPPER_SNAKE and no data-set or organisation
 * code (xj-county-info, xj-jxw) in their visible text. Codes shown on purpose beside a name are marked
 * up as {@code <code>} and not counted.
 */
@YardstickTest
class NamesNotCodesTest {

    static final Pattern ENUM = Pattern.compile("\\b(?:[A-Z][A-Z0-9]*_)+[A-Z0-9]+\\b");
    static final Pattern WORD = Pattern.compile("\\b(DRAFT|SUBMITTED|APPROVED|RETURNED|ENTERPRISE|PLANNER|REPORTER|REVIEWER|DEPARTMENT|ADMIN)\\b");
    /** English status words are English on English pages; on Chinese pages they are codes (填报表处于“approved”状态). */
    static final Pattern ENGLISH_WORD = Pattern.compile("\\b(draft|submitted|approved|returned)\\b");
    static final Pattern CODE = Pattern.compile("(?<![\\w/.-])xj-[a-z0-9]+(?:-[a-z0-9]+)*");

    static final String FORM = "/collect/xj-county-info/650102/2025";

    /** The pages each role works on daily. */
    static final Map<String, List<String>> PAGES = Map.of(
            "reporter", List.of("/home", "/collect", FORM),
            "reviewer", List.of("/home", "/review"),
            "planner", List.of("/home", "/collect", FORM, "/audit", "/collect/data-sets", "/supervision", "/supervision/items/1"),
            "admin", List.of("/home", "/audit", "/admin/accounts"),
            "department", List.of("/home", "/supervision"),
            "enterprise", List.of("/home"));

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService accounts;
    @Autowired JdbcClient jdbc;
    @Autowired Names names;

    /** The form saved below is removed again: other tests enter 天山区's 2025 form from empty. */
    @org.junit.jupiter.api.AfterEach
    void removeTheSavedForm() {
        jdbc.sql("""
                delete from observation where submission_id in (select s.id from submission s join region r on r.id = s.region_id
                 where r.code = '650102' and s.period = '2025')""").update();
        jdbc.sql("delete from submission where period = '2025' and region_id = (select id from region where code = '650102')").update();
    }

    /** A data set's indicators as its audit rows write them, optional ones marked with '?'. */
    @Test
    void aDataSetsIndicatorListReadsAsNames() {
        assertThat(names.anyCode("BB_USERS,FTTH_USERS?", java.util.Locale.CHINESE))
                .isEqualTo("互联网宽带接入用户、" + names.indicator("FTTH_USERS", java.util.Locale.CHINESE) + "（选填）")
                .doesNotContain("FTTH_USERS");
        assertThat(names.anyCode("FTTH_USERS?", java.util.Locale.ENGLISH)).endsWith(" (optional)").doesNotContain("FTTH_USERS");
    }

    /** The text a person reads: no head, scripts, styles, tags or attribute values; {@code <code>} left out. */
    static String visible(String html) {
        String s = html.replaceAll("(?s)<head>.*?</head>", " ")
                .replaceAll("(?s)<script.*?</script>", " ")
                .replaceAll("(?s)<style.*?</style>", " ")
                .replaceAll("(?s)<code[^>]*>.*?</code>", " ")
                .replaceAll("(?s)<[^>]*>", " ");
        return s.replace("&amp;", "&").replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">");
    }

    static List<String> offenders(String text) {
        return offenders(text, true);
    }

    static List<String> offenders(String text, boolean chinese) {
        List<String> out = new ArrayList<>();
        for (Pattern p : chinese ? List.of(ENUM, WORD, CODE, ENGLISH_WORD) : List.of(ENUM, WORD, CODE)) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                int from = Math.max(0, m.start() - 30);
                int to = Math.min(text.length(), m.end() + 30);
                out.add(m.group() + " in «" + text.substring(from, to).replaceAll("\\s+", " ").strip() + "»");
            }
        }
        return out;
    }

    private String page(String account, String url) throws Exception {
        var r = mvc.perform(get(url).with(user(accounts.loadUserByUsername(account)))).andReturn().getResponse();
        assertThat(r.getStatus()).as(account + " " + url).isEqualTo(200);
        return r.getContentAsString();
    }

    @Test
    void theDetectorFindsCodesAndLeavesNamesAlone() {
        assertThat(offenders(visible("<p>xj-county-info · 650102 · 2025</p>"))).hasSize(1);
        assertThat(offenders(visible("<li>MOBILE_INTERNET_USERS：为必填指标</li>"))).hasSize(1);
        assertThat(offenders(visible("<td>status DRAFT → SUBMITTED</td>"))).hasSize(2);
        assertThat(offenders(visible("<td>角色 ENTERPRISE</td><td>xj-jxw、xj-fgw</td>"))).hasSize(3);
        assertThat(offenders(visible("<p>填报表处于“approved”状态</p>"), true)).hasSize(1);
        assertThat(offenders(visible("<p>a draft, not yet approved</p>"), false)).isEmpty();
        assertThat(offenders(visible("<a href=\"/collect/xj-county-info/650102/2025\" title=\"DRAFT\">县级信息化监测表 · 天山区 · 2025</a>"
                + " <code>IIDI_SCORE</code> 状态：草稿"))).isEmpty();
    }

    @Test
    void theMainPagesOfEveryRoleShowNamesInBothLanguages() throws Exception {
        // a figure saved, submitted and returned: the history, audit and review pages have statuses to show
        var reporter = user(accounts.loadUserByUsername("planner"));
        mvc.perform(post(FORM).with(reporter).with(csrf()).param("value.BB_USERS", "12.5").param("value.FTTH_USERS", "6"));
        List<String> found = new ArrayList<>();
        for (var e : PAGES.entrySet()) {
            for (String url : e.getValue()) {
                for (String lang : List.of("zh", "en")) {
                    String u = url + (url.contains("?") ? "&" : "?") + "lang=" + lang;
                    for (String o : offenders(visible(page(e.getKey(), u)), lang.equals("zh"))) {
                        found.add(e.getKey() + " " + u + ": " + o);
                    }
                }
            }
        }
        assertThat(found).isEmpty();
    }

    /** A refused submission names the missing indicators; the history of a figure names its indicator and statuses. */
    @Test
    void refusalsAndHistoriesNameIndicatorsAndStatuses() throws Exception {
        var planner = user(accounts.loadUserByUsername("planner"));
        mvc.perform(post(FORM).with(planner).with(csrf()).param("value.BB_USERS", "12.5").param("value.FTTH_USERS", "6"));
        long id = jdbc.sql("select s.id from submission s join region r on r.id = s.region_id where r.code = '650102' and s.period = '2025'")
                .query(Long.class).single();
        int version = jdbc.sql("select version from submission where id = ?").param(id).query(Integer.class).single();
        var refused = mvc.perform(post("/collect/submissions/" + id + "/submit").with(planner).with(csrf())
                .param("version", Integer.toString(version))).andReturn();
        for (String lang : List.of("zh", "en")) {
            String html = mvc.perform(get(FORM).param("lang", lang).with(planner).flashAttrs(refused.getFlashMap()))
                    .andReturn().getResponse().getContentAsString();
            // the refusal is there, and names what is missing by its name
            assertThat(html).contains(lang.equals("zh") ? "为必填指标" : "is required");
            assertThat(offenders(visible(html), lang.equals("zh"))).as(lang).isEmpty();
            long figure = jdbc.sql("select o.id from observation o join indicator i on i.id = o.indicator_id where o.submission_id = ? and i.code = 'BB_USERS'")
                    .param(id).query(Long.class).single();
            String history = mvc.perform(get("/collect/history/" + figure).param("lang", lang).with(planner))
                    .andReturn().getResponse().getContentAsString();
            assertThat(offenders(visible(history), lang.equals("zh"))).as(lang).isEmpty();
        }
    }
}
