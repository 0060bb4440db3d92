package org.yardstick.security.internal;

import java.util.Optional;
import org.springframework.stereotype.Component;
import org.yardstick.region.Editor;
import org.yardstick.region.Editors;
import org.yardstick.security.CurrentUser;
import org.yardstick.security.Role;

/** The logged-in account as an editor of regions and organisations (admin anywhere, planner in its subtree). */
@Component
class RegionEditorsOfAccounts implements Editors {

    private final CurrentUser currentUser;

    RegionEditorsOfAccounts(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @Override
    public Optional<Editor> current() {
        return currentUser.account().map(a -> new Editor(a.username(), a.role() == Role.ADMIN,
                a.role() == Role.PLANNER, a.regionPath()));
    }
}
