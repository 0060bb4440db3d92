package org.yardstick.reading;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.yardstick.region.Organisations;
import org.yardstick.region.Regions;
import org.yardstick.security.Account;
import org.yardstick.security.Accounts;
import org.yardstick.security.CurrentUser;

/**
 * Who made a change, as a page may show it: the public sees the organisation, or the role and region,
 * of the account ({@code 新疆维吾尔自治区规划人员}), never its username — usernames are half of a
 * login; signed-in accounts see the username. Templates call {@code @authors.shown(name, #locale)}.
 */
@Component("authors")
public class Authors {

    private final CurrentUser currentUser;
    private final Accounts accounts;
    private final Regions regions;
    private final Organisations organisations;
    private final MessageSource messages;

    Authors(CurrentUser currentUser, Accounts accounts, Regions regions, Organisations organisations,
            MessageSource messages) {
        this.currentUser = currentUser;
        this.accounts = accounts;
        this.regions = regions;
        this.organisations = organisations;
        this.messages = messages;
    }

    /** The author as the current viewer may see it. */
    public String shown(@Nullable String username, Locale locale) {
        if (username == null || username.isBlank()) {
            return "";
        }
        if (currentUser.account().isPresent()) {
            return username;
        }
        if (CurrentUser.SYSTEM.equals(username)) {
            return messages.getMessage("author.system", null, locale);
        }
        return accounts.find(username).map(a -> described(a, locale))
                .orElseGet(() -> messages.getMessage("author.unknown", null, locale));
    }

    private String described(Account a, Locale locale) {
        String role = messages.getMessage("author.role." + a.role().name(), null, locale);
        if (a.organisationCode() != null) {
            var organisation = organisations.find(a.organisationCode());
            if (organisation.isPresent()) {
                return organisation.get().name().in(locale);
            }
        }
        if (a.regionCode() != null) {
            var region = regions.find(a.regionCode());
            if (region.isPresent()) {
                return messages.getMessage("author.role-of", new Object[] {role, region.get().name().in(locale)}, locale);
            }
        }
        return role;
    }
}
