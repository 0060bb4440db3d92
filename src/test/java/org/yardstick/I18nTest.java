package org.yardstick;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.yardstick.framework.Aggregation;
import org.yardstick.framework.IndicatorNature;
import org.yardstick.framework.Polarity;
import org.yardstick.framework.Qualifier;
import org.yardstick.framework.TargetKind;
import org.yardstick.observation.Measure;
import org.yardstick.progress.rules.Reason;
import org.yardstick.progress.rules.Status;
import org.yardstick.region.RegionLevel;
import org.yardstick.shared.ProblemKind;

/**
 * Both languages are complete: the two bundles have the same keys, no empty texts, every key a
 * template or an enum needs, and the templates carry no hard-coded text.
 */
class I18nTest {

    static final Path TEMPLATES = Path.of("src/main/resources/templates");

    /** The bundles the application uses: {@code spring.messages.basename}, e.g. {@code i18n/messages,i18n/progress}. */
    static List<String> basenames() throws IOException {
        Properties app = new Properties();
        try (InputStream in = I18nTest.class.getResourceAsStream("/application.properties")) {
            app.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return List.of(app.getProperty("spring.messages.basename").split(","));
    }

    static Properties file(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = I18nTest.class.getResourceAsStream("/" + resource)) {
            assertThat(in).as(resource + " exists").isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    /** All bundles of one language together: {@code ""} Chinese (the default), {@code "_en"} English. */
    static Properties bundle(String suffix) throws IOException {
        Properties all = new Properties();
        for (String base : basenames()) {
            Properties one = file(base.strip() + suffix + ".properties");
            for (String k : one.stringPropertyNames()) {
                assertThat(all.containsKey(k)).as(k + " is defined in two bundles").isFalse();
                all.setProperty(k, one.getProperty(k));
            }
        }
        return all;
    }

    @Test
    void chineseAndEnglishHaveTheSameKeysInEveryBundle() throws IOException {
        for (String base : basenames()) {
            Set<String> zh = file(base.strip() + ".properties").stringPropertyNames();
            Set<String> en = file(base.strip() + "_en.properties").stringPropertyNames();
            assertThat(new TreeSet<>(en)).as("keys missing in English of " + base).containsAll(zh);
            assertThat(new TreeSet<>(zh)).as("keys missing in Chinese of " + base).containsAll(en);
        }
    }

    @Test
    void noTextIsEmptyExceptTheNoneQualifier() throws IOException {
        for (String suffix : List.of("", "_en")) {
            Properties p = bundle(suffix);
            List<String> empty = p.stringPropertyNames().stream()
                    .filter(k -> p.getProperty(k).isBlank() && !k.equals("qualifier.NONE")).sorted().toList();
            assertThat(empty).as("empty texts in language '" + suffix + "'").isEmpty();
        }
    }

    /**
     * Every text passes through {@code MessageFormat} ({@code spring.messages.always-use-message-format}), where a
     * lone apostrophe starts a quotation and disappears ("Your unit's tasks" read "Your units tasks"): write {@code ''}.
     */
    @Test
    void noTextHasALoneApostrophe() throws IOException {
        Pattern lone = Pattern.compile("(?<!')'(?!')");
        for (String suffix : List.of("", "_en")) {
            Properties p = bundle(suffix);
            List<String> wrong = p.stringPropertyNames().stream().filter(k -> lone.matcher(p.getProperty(k)).find())
                    .sorted().toList();
            assertThat(wrong).as("texts with a lone apostrophe in language '" + suffix + "'").isEmpty();
        }
        assertThat(new java.text.MessageFormat(bundle("_en").getProperty("worklist.tasks")).format(new Object[0]))
                .contains("unit's");
    }

    @Test
    void theChineseBundleIsChinese() throws IOException {
        Properties zh = bundle("");
        Properties en = bundle("_en");
        // a Chinese text identical to the English one, with letters in it, is an untranslated copy
        List<String> copied = zh.stringPropertyNames().stream()
                .filter(k -> zh.getProperty(k).equals(en.getProperty(k)) && zh.getProperty(k).matches(".*[a-z]{3,}.*"))
                .filter(k -> !k.startsWith("lang."))
                .sorted().toList();
        assertThat(copied).as("texts not translated into Chinese").isEmpty();
    }

    @Test
    void everyKeyTheTemplatesUseExists() throws IOException {
        Properties zh = bundle("");
        Pattern key = Pattern.compile("#\\{([a-zA-Z0-9_.-]+)[}(]");
        List<String> missing = new ArrayList<>();
        for (Path t : templates()) {
            Matcher m = key.matcher(Files.readString(t));
            while (m.find()) {
                if (!zh.containsKey(m.group(1))) {
                    missing.add(t.getFileName() + ": " + m.group(1));
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyEnumTheTemplatesNameHasItsTexts() throws IOException {
        Properties zh = bundle("");
        List<String> needed = new ArrayList<>();
        Stream.of(TargetKind.values()).forEach(v -> needed.add("target.kind." + v.name()));
        Stream.of(Polarity.values()).forEach(v -> needed.add("polarity." + v.name()));
        Stream.of(Aggregation.values()).forEach(v -> needed.add("aggregation." + v.name()));
        Stream.of(IndicatorNature.values()).forEach(v -> needed.add("nature." + v.name()));
        Stream.of(RegionLevel.values()).forEach(v -> needed.add("level." + v.name()));
        Stream.of(Measure.values()).forEach(v -> needed.add("measure." + v.name()));
        Stream.of(Qualifier.values()).forEach(v -> needed.add("qualifier." + v.name()));
        Stream.of(Status.values()).forEach(v -> needed.add("status." + v.name()));
        Stream.of(Reason.values()).forEach(v -> needed.add(v.key()));
        assertThat(needed).allMatch(zh::containsKey, "has a text");
    }

    @Test
    void everyProblemKindHasItsTexts() throws Exception {
        Properties zh = bundle("");
        Properties en = bundle("_en");
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(ProblemKind.class));
        List<String> missing = new ArrayList<>();
        int kinds = 0;
        for (var bean : scanner.findCandidateComponents("org.yardstick")) {
            Class<?> type = Class.forName(bean.getBeanClassName());
            if (!type.isEnum()) {
                continue;
            }
            for (Object constant : type.getEnumConstants()) {
                kinds++;
                String k = "problem." + ((ProblemKind) constant).key();
                if (!zh.containsKey(k) || !en.containsKey(k)) {
                    missing.add(type.getSimpleName() + "." + constant + " (" + k + ")");
                }
            }
        }
        assertThat(kinds).isGreaterThan(30);
        assertThat(missing).isEmpty();
    }

    /** Text between tags, or in title/alt/placeholder/aria-label, must come from the bundles. */
    @Test
    void templatesHaveNoHardCodedText() throws IOException {
        // an element whose text is not replaced by th:text/th:utext/th:replace and contains letters or CJK
        Pattern element = Pattern.compile("<([a-zA-Z0-9]+)(\\s[^<>]*)?>([^<>]*[\\p{IsHan}A-Za-z][^<>]*)</\\1>");
        Pattern attribute = Pattern.compile("\\s(title|alt|placeholder|aria-label)=\"([^\"]*[\\p{IsHan}A-Za-z][^\"]*)\"");
        List<String> found = new ArrayList<>();
        for (Path t : templates()) {
            String html = Files.readString(t).replaceAll("(?s)<script.*?</script>", "");
            Matcher m = element.matcher(html);
            while (m.find()) {
                String attrs = m.group(2) == null ? "" : m.group(2);
                if (!attrs.matches("(?s).*\\bth:(text|utext|replace|insert)=.*") && !m.group(1).equals("title")) {
                    found.add(t.getFileName() + ": " + m.group(0).strip());
                }
            }
            Matcher a = attribute.matcher(html);
            while (a.find()) {
                found.add(t.getFileName() + ": " + a.group(0).strip());
            }
        }
        assertThat(found).isEmpty();
    }

    static List<Path> templates() throws IOException {
        try (Stream<Path> s = Files.walk(TEMPLATES)) {
            return s.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
    }
}
