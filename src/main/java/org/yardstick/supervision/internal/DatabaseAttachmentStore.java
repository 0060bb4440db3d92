package org.yardstick.supervision.internal;

import java.time.Instant;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Evidence files in {@code sup_attachment_content}, written in the transaction that records them (a
 * rollback takes both away). A file stored on disk by an earlier version (under the attachments
 * directory) is still served from there until it is copied in.
 */
@Component
@ConditionalOnProperty(name = "yardstick.supervision.attachment-store", havingValue = "database", matchIfMissing = true)
class DatabaseAttachmentStore implements AttachmentStore {

    private final JdbcClient jdbc;
    private final DirectoryAttachmentStore legacy;

    DatabaseAttachmentStore(JdbcClient jdbc, SupervisionSettings settings) {
        this.jdbc = jdbc;
        this.legacy = new DirectoryAttachmentStore(jdbc, settings);
    }

    @Override
    public void put(String storedName, byte[] content) {
        jdbc.sql("insert into sup_attachment_content (stored_name, content) values (?, ?)").params(storedName, content).update();
    }

    @Override
    public Optional<byte[]> get(String storedName) {
        Optional<byte[]> stored = jdbc.sql("select content from sup_attachment_content where stored_name = ?").param(storedName)
                .query((rs, n) -> rs.getBytes(1)).optional();
        return stored.isPresent() ? stored : legacy.get(storedName);
    }

    @Override
    public void delete(String storedName) {
        jdbc.sql("delete from sup_attachment_content where stored_name = ?").param(storedName).update();
    }

    @Override
    public int sweep(Instant before) {
        // rows of a transaction still under way are invisible here, its bytes with them: nothing in flight is removed
        return jdbc.sql("delete from sup_attachment_content where stored_name not in (select stored_name from sup_attachment)")
                .update();
    }
}
