package org.yardstick.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.yardstick.YardstickTest;
import org.yardstick.security.Accounts;
import org.yardstick.supervision.internal.Contacts;

/**
 * Item 9 of the security review: a unit's contact list longer than the audit trail can keep (4,000
 * characters) is a field error, not a 500 from the database, and the stored list stays as it was.
 */
@YardstickTest
class ContactListLimitTest {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired Accounts accounts;
    @Autowired Contacts contacts;

    @Test
    void aContactListLongerThanTheAuditKeepsIsRefusedAndNothingIsLost() throws Exception {
        var before = contacts.of("xj-kjt");
        String many = IntStream.range(0, 200).mapToObj(i -> "contact-person-" + i + "@kjt.xinjiang.gov.cn")
                .collect(Collectors.joining("; "));
        assertThat(many.length()).isGreaterThan(4000);
        mvc.perform(post("/supervision/contacts").with(csrf()).with(Logins.as(users, accounts, Logins.PLANNER))
                        .param("unit", "xj-kjt").param("emails", many))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("每个单位最多允许4000个字符")));
        assertThat(contacts.of("xj-kjt")).isEqualTo(before);
    }
}
