package org.yardstick.security;

import java.util.Optional;
import org.springframework.stereotype.Component;
import org.yardstick.web.Viewer;

/** The web shell's {@link Viewer.Viewers}: the account of the request as the layout shows it. */
@Component
class LayoutViewers implements Viewer.Viewers {

    private final CurrentUser user;

    LayoutViewers(CurrentUser user) {
        this.user = user;
    }

    @Override
    public Optional<Viewer> current() {
        return user.account().map(a -> new Viewer(a.displayName(), a.role(), a.demo()));
    }
}
