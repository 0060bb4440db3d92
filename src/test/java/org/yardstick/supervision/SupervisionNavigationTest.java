package org.yardstick.supervision;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.yardstick.YardstickTest;
import org.yardstick.security.Accounts;

/**
 * The layout's notifications link comes from supervision through the shell's {@code NavigationItems}: shown
 * to those who supervise (planners, departments), in both languages, and to nobody else.
 */
@YardstickTest
class SupervisionNavigationTest {

    static final String LINK = "href=\"/supervision/notifications\"";

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired Accounts accounts;

    @Test
    void thoseWhoSuperviseSeeTheNotificationsLink() throws Exception {
        for (String who : new String[] {Logins.PLANNER, Logins.DEPARTMENT}) {
            mvc.perform(get("/supervision").with(Logins.as(users, accounts, who))).andExpect(status().isOk())
                    .andExpect(content().string(containsString(LINK + ">通知</a>")));
            mvc.perform(get("/supervision").param("lang", "en").with(Logins.as(users, accounts, who)))
                    .andExpect(status().isOk()).andExpect(content().string(containsString(LINK + ">Notifications</a>")));
        }
    }

    @Test
    void reportersAndThePublicDoNot() throws Exception {
        mvc.perform(get("/supervision").with(Logins.as(users, accounts, Logins.REPORTER))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString(LINK))));
        mvc.perform(get("/supervision")).andExpect(status().isOk()).andExpect(content().string(not(containsString(LINK))))
                .andExpect(content().string(containsString("/swagger-ui.html")));
    }
}
