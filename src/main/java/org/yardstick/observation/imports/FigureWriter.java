package org.yardstick.observation.imports;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import org.yardstick.observation.imports.ImportBatch.Change;
import org.yardstick.observation.imports.ImportBatch.GroupKey;
import org.yardstick.observation.internal.FigureStore.SubmissionState;
import org.yardstick.shared.InvalidInputException;

/**
 * Writes checked changes and their audit rows, set-based, in the caller's transaction. The checks
 * are the same for every database; only this step differs: COPY and one upsert on PostgreSQL,
 * batches of statements elsewhere.
 */
interface FigureWriter {

    record Written(int created, int updated) {}

    /**
     * @param submissions the (editable) submission of every region and period the changes touch
     * @throws InvalidInputException with a conflict for every figure someone else changed since it
     *     was read; the caller's transaction must then be rolled back
     */
    Written write(String source, List<Change> changes, Map<GroupKey, SubmissionState> submissions, String actor,
                  Timestamp now, long totalId);
}
