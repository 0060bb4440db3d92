package org.yardstick.region;

import java.util.Optional;

/**
 * The editor of the request being served, provided by the security module (which knows accounts; this
 * module does not depend on it, it depends on this one).
 */
public interface Editors {

    /** The logged-in account as an editor; empty for the public. */
    Optional<Editor> current();
}
