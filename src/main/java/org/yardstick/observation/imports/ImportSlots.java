package org.yardstick.observation.imports;

import java.util.concurrent.Semaphore;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How many imports may run at once ({@code yardstick.imports.max-concurrent}, 2 by default): each
 * holds a file's checked rows until it is written, so a burst of large uploads must wait its turn
 * instead of sharing the heap. An upload that finds no free slot is told to retry, never queued.
 */
@Component
public class ImportSlots {

    /** A slot taken; closing it frees it. */
    public interface Slot extends AutoCloseable {
        @Override
        void close();
    }

    /** How long a refused upload is asked to wait before it tries again. */
    public static final int RETRY_AFTER_SECONDS = 30;

    private final Semaphore permits;
    private final int size;

    ImportSlots(@Value("${yardstick.imports.max-concurrent:2}") int size) {
        if (size < 1) {
            throw new IllegalArgumentException("yardstick.imports.max-concurrent must be at least 1, not " + size);
        }
        this.size = size;
        this.permits = new Semaphore(size, true);
    }

    /** A free slot, or null when {@link #size()} imports are running. */
    public @Nullable Slot tryTake() {
        if (!permits.tryAcquire()) {
            return null;
        }
        boolean[] closed = {false};
        return () -> {
            if (!closed[0]) {
                closed[0] = true;
                permits.release();
            }
        };
    }

    /** How many imports may run at once. */
    public int size() {
        return size;
    }
}
