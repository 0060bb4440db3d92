package org.yardstick.web;

import java.util.Optional;

/**
 * The person signed in, as the layout shows them: name, role (the security module's enum, for its
 * {@code name()}) and whether the account is a demo account. {@link Viewers} is implemented by the
 * security module, so the shell depends on no module for it.
 */
public record Viewer(String displayName, Enum<?> role, boolean demo) {

    /** Who reads the page: empty for the public. */
    public interface Viewers {
        Optional<Viewer> current();
    }
}
