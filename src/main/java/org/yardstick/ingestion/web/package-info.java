/** The review pages under {@code /ingest} and the API {@code POST /api/v1/ingest}. */
@org.jspecify.annotations.NullMarked
package org.yardstick.ingestion.web;
