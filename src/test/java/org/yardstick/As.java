package org.yardstick;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Acts as an account in service-level tests, on the current thread. */
public final class As {

    private As() {}

    public static void user(UserDetailsService accounts, String username) {
        UserDetails u = accounts.loadUserByUsername(username);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(u, null, u.getAuthorities()));
    }

    public static void nobody() {
        SecurityContextHolder.clearContext();
    }
}
