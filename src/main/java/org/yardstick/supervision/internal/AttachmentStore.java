package org.yardstick.supervision.internal;

import java.time.Instant;
import java.util.Optional;

/**
 * Where evidence files' bytes are kept, by the random stored name {@code sup_attachment} records. The
 * default is the database ({@link DatabaseAttachmentStore}), so every instance of a cluster reads what
 * any instance wrote (issue 17, decision 0044); {@code yardstick.supervision.attachment-store=directory}
 * keeps them under {@code yardstick.supervision.attachments-dir} on one instance's disk, as before.
 * {@link #put} joins the caller's transaction: what it stored is gone again if that does not commit.
 */
public interface AttachmentStore {

    void put(String storedName, byte[] content);

    Optional<byte[]> get(String storedName);

    void delete(String storedName);

    /**
     * Removes bytes that no {@code sup_attachment} row names (what a crash between storing and committing
     * could leave), stored before {@code before} where the store knows when; returns how many.
     */
    int sweep(Instant before);
}
