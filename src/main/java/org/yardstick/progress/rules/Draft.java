package org.yardstick.progress.rules;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.yardstick.framework.Qualifier;

/** An assessment being put together by one of the rules. */
final class Draft {

    final TargetTerms target;
    private final List<Message> notes = new ArrayList<>();
    @Nullable Integer asOf;
    @Nullable Figure start;
    @Nullable Figure latest;
    @Nullable Double level;
    @Nullable Double levelHigh;
    @Nullable Double progress;
    @Nullable Double expected;
    @Nullable Rates rates;
    @Nullable Projection projection;

    Draft(TargetTerms target) {
        this.target = target;
        if (target.qualifier() == Qualifier.STRIVE) {
            note(Reason.NOTE_ASPIRATIONAL);
        }
    }

    void note(Reason r, Object... args) {
        Message m = Message.of(r, args);
        if (!notes.contains(m)) {
            notes.add(m);
        }
    }

    /** Notes what a figure's qualifier means for it. */
    void noteQualifier(Figure o) {
        Reason r = switch (o.qualifier()) {
            case OVER, AT_LEAST -> Reason.NOTE_LOWER_BOUND;
            case AT_MOST -> Reason.NOTE_UPPER_BOUND;
            case NEARLY -> Reason.NOTE_NEARLY;
            case ABOUT, BASICALLY -> Reason.NOTE_APPROXIMATE;
            case NONE, STRIVE -> null;
        };
        if (r != null) {
            note(r, o.value(), o.year());
        }
    }

    Assessment build(Status status, @Nullable SdgCategory category, Reason reason, Object... args) {
        return new Assessment(target.kind(), status, category, Message.of(reason, args), notes, asOf, start, latest,
                finite(level), finite(levelHigh), target.targetYear(), finite(progress), finite(expected), rates,
                projection);
    }

    Assessment insufficient(Reason reason, Object... args) {
        return build(Status.INSUFFICIENT_DATA, null, reason, args);
    }

    private static @Nullable Double finite(@Nullable Double x) {
        return x == null ? null : Growth.finite(x);
    }
}
