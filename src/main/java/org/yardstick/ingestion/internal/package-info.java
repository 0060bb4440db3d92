/**
 * Plan ingestion's machinery, used by its pages only: the session's {@code Ingestion} with its proposals,
 * decisions and plan header, reading uploaded documents as text, and the hand-over of accepted proposals to
 * the framework import. The module exports nothing at its root.
 */
@org.jspecify.annotations.NullMarked
package org.yardstick.ingestion.internal;
