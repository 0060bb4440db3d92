package org.yardstick;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.SimpleBeanDefinitionRegistry;
import org.springframework.context.annotation.AnnotationBeanNameGenerator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Component;

/**
 * A template calls beans ({@code ${@bean…}}) of its own module or of the shell only (decision 0054): what a
 * page borrows from another module comes through its controllers, where the build sees the dependency.
 * The module of a template is its folder under {@code templates/} (the root, {@code fragments/} and
 * {@code error/} are the shell's); the module of a bean is the package of its class.
 */
class TemplatesUseTheirOwnBeansTest {

    /** The web shell and its presentation part (names and figures as a person reads them). */
    static final Set<String> SHELL = Set.of("web", "reading");

    /** A bean reference in an expression: "@" after a start of expression or an operator, not "@{" links. */
    static final Pattern BEAN = Pattern.compile("(?<=[\\s{(?:,!=&|+])@([a-zA-Z][a-zA-Z0-9]*)\\b(?!\\{)");
    static final Pattern EXPRESSION = Pattern.compile("[$*]\\{([^}]*)}");
    static final Path TEMPLATES = Path.of("src", "main", "resources", "templates");

    @Test
    void templatesCallOnlyTheirOwnModulesAndTheShellsBeans() throws IOException {
        Map<String, String> beans = beanModules();
        List<String> wrong = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                String module = moduleOf(TEMPLATES.relativize(file));
                for (String bean : beansIn(Files.readString(file))) {
                    String owner = beans.get(bean);
                    if (owner == null) {
                        wrong.add(file + ": @" + bean + " is no bean of the application");
                    } else if (!owner.equals(module) && !SHELL.contains(owner)) {
                        wrong.add(file + ": @" + bean + " belongs to module " + owner);
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    /** The check finds a bean wherever an expression names it, and never a link or an e-mail address. */
    @Test
    void findsBeansInsideExpressionsOnly() {
        assertThat(beansIn("<a th:href=\"@{/x}\" th:text=\"${a ? @progressText.status(s) : ''}\">mail@example.org</a>"
                + "<p th:with=\"x=${@figures.value(v)}, y=${(@names.of(c))}\"></p>"))
                .containsExactly("progressText", "figures", "names");
        assertThat(moduleOf(Path.of("layout.html"))).isEqualTo("web");
        assertThat(moduleOf(Path.of("error", "404.html"))).isEqualTo("web");
        assertThat(moduleOf(Path.of("framework", "authoring", "fragments.html"))).isEqualTo("framework");
    }

    static List<String> beansIn(String html) {
        List<String> found = new ArrayList<>();
        Matcher e = EXPRESSION.matcher(html);
        while (e.find()) {
            Matcher b = BEAN.matcher(" " + e.group(1));
            while (b.find()) {
                found.add(b.group(1));
            }
        }
        return found;
    }

    static String moduleOf(Path template) {
        if (template.getNameCount() == 1) {
            return "web";
        }
        String dir = template.getName(0).toString();
        return dir.equals("fragments") || dir.equals("error") ? "web" : dir;
    }

    /** Every bean name of the application's components and @Bean methods, with the module of its class. */
    static Map<String, String> beanModules() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Component.class));
        var registry = new SimpleBeanDefinitionRegistry();
        Map<String, String> modules = new HashMap<>();
        for (BeanDefinition d : scanner.findCandidateComponents("org.yardstick")) {
            String name = AnnotationBeanNameGenerator.INSTANCE.generateBeanName(d, registry);
            modules.put(name, module(d.getBeanClassName()));
            try {
                for (Method m : Class.forName(d.getBeanClassName()).getDeclaredMethods()) {
                    Bean bean = AnnotatedElementUtils.findMergedAnnotation(m, Bean.class);
                    if (bean != null) {
                        String[] names = bean.name();
                        modules.put(names.length > 0 ? names[0] : m.getName(), module(d.getBeanClassName()));
                    }
                }
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        return modules;
    }

    static String module(String className) {
        String rest = className.substring("org.yardstick.".length());
        return rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : "";
    }
}
