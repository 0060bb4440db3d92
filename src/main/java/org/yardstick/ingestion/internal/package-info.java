/** Reading uploaded documents as text, and the hand-over of accepted proposals to the framework import. */
@org.jspecify.annotations.NullMarked
package org.yardstick.ingestion.internal;
