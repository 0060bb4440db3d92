/** The progress benchmark: a seeded generator of a national-scale database and the timing of the progress pages. */
@org.jspecify.annotations.NullMarked
package org.yardstick.progress.bench;
