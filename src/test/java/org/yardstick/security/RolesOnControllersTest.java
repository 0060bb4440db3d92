package org.yardstick.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.yardstick.YardstickTest;

/**
 * Roles are said on the controllers (decision 0067), no longer by URL prefix in {@code SecurityConfig}:
 * every handler under a prefix that needs a role carries {@code @PreAuthorize} (on itself or its
 * class), so a new page there cannot silently open to every signed-in account; and the moved pages the
 * authorisation matrices do not list still refuse the wrong role.
 */
@YardstickTest
class RolesOnControllersTest {

    /** The prefixes SecurityConfig guarded by role until decision 0067. */
    static final List<String> GUARDED = List.of("/admin", "/collect", "/review", "/rules", "/audit", "/supervision");

    /** Under those prefixes, the pages the public may read (SecurityConfig's permitAll). */
    static final Set<String> PUBLIC_GETS = Set.of("/supervision", "/supervision/items/{id}");

    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;
    @Autowired MockMvc mvc;
    @Autowired UserDetailsService accounts;

    @Test
    void everyHandlerUnderAGuardedPrefixSaysItsRole() {
        List<String> open = new ArrayList<>();
        int guarded = 0;
        for (var entry : mappings.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = entry.getKey();
            HandlerMethod handler = entry.getValue();
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String path : info.getPatternValues()) {
                if (GUARDED.stream().noneMatch(p -> path.equals(p) || path.startsWith(p + "/") || path.startsWith(p + "."))) {
                    continue;
                }
                if (PUBLIC_GETS.contains(path) && methods.equals(Set.of(RequestMethod.GET))) {
                    continue;
                }
                guarded++;
                boolean said = AnnotatedElementUtils.hasAnnotation(handler.getMethod(), PreAuthorize.class)
                        || AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), PreAuthorize.class);
                if (!said) {
                    open.add(methods + " " + path + " in " + handler.getBeanType().getSimpleName());
                }
            }
        }
        assertThat(guarded).as("handlers found under the guarded prefixes").isGreaterThan(40);
        assertThat(open).isEmpty();
    }

    record Call(String path, String role, int status) {}

    @Test
    void movedPagesTheMatricesDoNotListRefuseTheWrongRole() throws Exception {
        List<Call> calls = List.of(
                new Call("/admin/backups", "admin", 200),
                new Call("/admin/backups", "planner", 403),
                new Call("/collect/data-sets", "planner", 200),
                new Call("/collect/data-sets", "department", 403),
                new Call("/collect/import", "reporter", 200),
                new Call("/collect/import", "enterprise", 403),
                new Call("/rules/report.csv?dataSet=xj-county-info&period=2025", "reviewer", 200),
                new Call("/rules/report.csv?dataSet=xj-county-info&period=2025", "reporter", 403));
        List<String> wrong = new ArrayList<>();
        for (Call c : calls) {
            int status = mvc.perform(get(c.path()).with(user(accounts.loadUserByUsername(c.role()))))
                    .andReturn().getResponse().getStatus();
            if (status != c.status()) {
                wrong.add(c.path() + " as " + c.role() + ": " + status + ", expected " + c.status());
            }
        }
        int anonymous = mvc.perform(get("/admin/backups")).andReturn().getResponse().getStatus();
        assertThat(wrong).isEmpty();
        assertThat(anonymous).as("the public is sent to the login page").isEqualTo(302);
    }
}
