package org.yardstick.security.internal;

import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.yardstick.region.Regions;
import org.yardstick.security.Accounts;
import org.yardstick.security.CurrentUser;
import org.yardstick.security.NewAccount;
import org.yardstick.security.Role;
import org.yardstick.shared.InvalidInputException;

/**
 * A database without any account gets one administrator at start-up, so that someone can log in:
 * {@code admin}, with the password from {@code YARDSTICK_ADMIN_INITIAL_PASSWORD}, or a random one
 * written once to the log. Runs after the demo, which brings its own accounts.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class InitialAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(InitialAdmin.class);

    private final Accounts accounts;
    private final Regions regions;
    private final String password;

    InitialAdmin(Accounts accounts, Regions regions, @Value("${yardstick.admin.initial-password:}") String password) {
        this.accounts = accounts;
        this.regions = regions;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.count() > 0) {
            return;
        }
        String root = regions.roots().stream().findFirst().map(r -> r.code()).orElse(null);
        if (root == null) {
            log.warn("No regions and no accounts: import regions first; no administrator was created.");
            return;
        }
        boolean generated = password.isBlank();
        String secret = generated ? random() : password;
        try {
            accounts.create(new NewAccount("admin", "Administrator", secret, Role.ADMIN, root, null, false), CurrentUser.SYSTEM);
        } catch (InvalidInputException e) {
            throw new IllegalStateException("The configured initial administrator password (YARDSTICK_ADMIN_INITIAL_PASSWORD) "
                    + "is refused: " + e.getMessage() + " — choose a longer, less common one.", e);
        }
        if (generated) {
            log.warn("No account existed: created administrator 'admin' with password {} — change it after logging in.", secret);
        } else {
            log.info("No account existed: created administrator 'admin' with the configured initial password.");
        }
    }

    private static String random() {
        byte[] bytes = new byte[15];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
