package org.yardstick.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.yardstick.As;
import org.yardstick.YardstickTest;
import org.yardstick.observation.Submission;
import org.yardstick.observation.Submissions;
import org.yardstick.observation.internal.ObservationEditor;

/**
 * Nothing unapproved is ever published (issue 14 item 6): after storing a draft, a submitted and a
 * returned figure with values found nowhere else, every GET route of the application that an
 * anonymous visitor may read — taken from the handler mappings, so that routes added later are
 * included — is asked in every download format, and none of the values appears in any answer.
 */
@YardstickTest
class NothingUnapprovedIsPublishedTest {

    static final String DS = "xj-county-info";
    static final List<String> COUNTIES = List.of("652302", "652301", "652801");
    /** Distinctive values of the draft, the submitted and the returned figure, as digits that no seed figure has. */
    static final List<String> SECRETS = List.of("9876.54321", "8765.43219", "7654.32198");

    @Autowired MockMvc mvc;
    @Autowired ObservationEditor editor;
    @Autowired Submissions submissions;
    @Autowired UserDetailsService accounts;
    @Autowired JdbcClient jdbc;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

    void clear() {
        jdbc.sql("delete from observation where region_id in (select id from region where code in (:c)) and submission_id is not null")
                .param("c", COUNTIES).update();
        jdbc.sql("delete from submission where region_id in (select id from region where code in (:c))").param("c", COUNTIES).update();
    }

    @AfterEach
    void cleanUp() {
        As.nobody();
        clear();
    }

    static List<ObservationEditor.Entry> figures(String bb) {
        return List.of(new ObservationEditor.Entry("form", 0, "BB_USERS", bb, "", null, null),
                new ObservationEditor.Entry("form", 0, "FTTH_USERS", "1.5", "", null, null),
                new ObservationEditor.Entry("form", 0, "MOBILE_INTERNET_USERS", "2.5", "", null, null),
                new ObservationEditor.Entry("form", 0, "INTERNET_PORTS", "3.5", "", null, null));
    }

    void storeUnapprovedFigures() {
        clear();
        As.user(accounts, "planner");
        editor.save(DS, COUNTIES.get(0), "2025", figures(SECRETS.get(0)));
        var submitted = editor.save(DS, COUNTIES.get(1), "2025", figures(SECRETS.get(1)));
        submissions.submit(submitted.submission().id(), submitted.submission().version());
        var returned = editor.save(DS, COUNTIES.get(2), "2025", figures(SECRETS.get(2)));
        Submission s = submissions.submit(returned.submission().id(), returned.submission().version());
        As.user(accounts, "reviewer-xj");
        submissions.returnToReporter(s.id(), s.version(), "请核实");
        As.nobody();
        assertThat(jdbc.sql("select count(*) from observation where status in ('DRAFT', 'SUBMITTED', 'RETURNED') "
                + "and region_id in (select id from region where code in (:c))").param("c", COUNTIES).query(Long.class).single())
                .isEqualTo(12);
    }

    /** Values for a path variable, by its name and the path segment before it. */
    static List<String> values(String name, String before) {
        return switch (name) {
            case "indicator" -> List.of("BB_USERS");
            case "period", "year" -> List.of("2025");
            case "plan" -> List.of("xj-info-13fyp");
            case "flow", "dataSet" -> List.of(DS);
            default -> switch (before) {
                case "indicators" -> List.of("BB_USERS");
                case "regions" -> List.of(COUNTIES.get(0), COUNTIES.get(1), COUNTIES.get(2), "6523", "65");
                case "plans" -> List.of("xj-info-13fyp");
                case "data-sets", "data" -> List.of(DS);
                case "departments" -> List.of("xj-kjt");
                default -> List.of(DS, "BB_USERS", COUNTIES.get(0), "1");
            };
        };
    }

    /** Every concrete path of every GET mapping, variables filled in. */
    List<String> paths() {
        Set<String> paths = new TreeSet<>();
        Pattern variable = Pattern.compile("\\{([^}/:*]+)[^}]*}");
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            if (!methods.isEmpty() && !methods.contains(RequestMethod.GET)) {
                continue;
            }
            for (String pattern : info.getPatternValues()) {
                List<String> partial = List.of(pattern);
                Matcher m = variable.matcher(pattern);
                while (m.find()) {
                    String before = pattern.substring(0, m.start());
                    String[] segments = before.split("/");
                    String segment = segments.length == 0 ? "" : segments[segments.length - 1];
                    List<String> next = new ArrayList<>();
                    for (String p : partial) {
                        for (String v : values(m.group(1), segment)) {
                            next.add(p.replace(m.group(), v));
                        }
                    }
                    partial = next;
                }
                partial.stream().filter(p -> !p.contains("*") && !p.contains("{")).forEach(paths::add);
            }
        }
        return new ArrayList<>(paths);
    }

    /** The text of an answer; a workbook's or zip's entries unpacked. */
    static String text(MockHttpServletResponse r) throws Exception {
        byte[] bytes = r.getContentAsByteArray();
        if (bytes.length > 2 && bytes[0] == 'P' && bytes[1] == 'K') {
            StringBuilder all = new StringBuilder();
            java.nio.file.Path file = java.nio.file.Files.createTempFile("answer", ".zip");
            try {
                java.nio.file.Files.write(file, bytes);
                try (ZipFile zip = new ZipFile(file.toFile())) {
                    for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                        all.append(new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8));
                    }
                }
            } finally {
                java.nio.file.Files.delete(file);
            }
            return all.toString();
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Test
    void noPublicRouteInAnyFormatShowsADraftSubmittedOrReturnedFigure() throws Exception {
        storeUnapprovedFigures();
        List<String> paths = paths();
        assertThat(paths).contains("/indicators/BB_USERS", "/indicators/BB_USERS/download", "/regions/652302/download",
                "/catalogue.jsonld", "/compare/download");
        Map<String, String> query = Map.of("indicator", "BB_USERS", "region", COUNTIES.get(0), "level", "COUNTY",
                "dataSet", DS);
        Set<String> answered = new LinkedHashSet<>();
        List<String> leaks = new ArrayList<>();
        for (String path : paths) {
            for (String format : List.of("", "csv", "xlsx", "json")) {
              for (String period : List.of("", "2025")) {
                // the scope matters to the comparison only: its region's counties, all of Xinjiang, another prefecture
                for (String scope : path.contains("compare") ? List.of("6523", "65", "6528") : List.of("6523")) {
                    // without a period every page shows its latest one, the year of the unapproved figures; with it, too
                    var request = get(path);
                    if (!period.isEmpty()) {
                        request.param("period", period);
                    }
                    query.forEach(request::param);
                    request.param("scope", scope);
                    if (!format.isEmpty()) {
                        request.param("format", format);
                    }
                    MvcResult result = mvc.perform(request).andReturn();
                    if (result.getRequest().isAsyncStarted()) {
                        result = mvc.perform(asyncDispatch(result)).andReturn();
                    }
                    MockHttpServletResponse r = result.getResponse();
                    if (r.getStatus() / 100 != 2) {
                        continue; // not public (401, 403, a redirect to the login page) or not found
                    }
                    answered.add(path);
                    String body = text(r);
                    for (String secret : SECRETS) {
                        // the value as stored, and as a page would round or group it
                        String whole = secret.substring(0, secret.indexOf('.'));
                        for (String shown : List.of(secret, whole + ".54", whole + ".43", whole + ".32",
                                whole.charAt(0) + "," + whole.substring(1) + ".")) {
                            if (body.contains(shown)) {
                                leaks.add(path + "?format=" + format + "&period=" + period + "&scope=" + scope + " shows " + shown);
                            }
                        }
                    }
                }
              }
            }
        }
        assertThat(answered).as("public routes answered").hasSizeGreaterThan(20)
                .contains("/indicators/BB_USERS", "/indicators/BB_USERS/download", "/regions/652302", "/compare",
                        "/catalogue", "/api/v1/indicators/BB_USERS");
        assertThat(leaks).isEmpty();
    }
}
