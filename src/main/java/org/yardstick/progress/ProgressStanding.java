package org.yardstick.progress;

import org.springframework.stereotype.Component;
import org.yardstick.framework.Target;
import org.yardstick.framework.TargetStanding;

/** The framework's {@link TargetStanding}: a target's status as {@link Progress} assesses it. */
@Component
class ProgressStanding implements TargetStanding {

    private final Progress progress;

    ProgressStanding(Progress progress) {
        this.progress = progress;
    }

    @Override
    public Enum<?> status(Target target) {
        return progress.assess(target).assessment().status();
    }
}
