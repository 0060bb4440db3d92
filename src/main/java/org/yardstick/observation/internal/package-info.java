/**
 * Inside data collection: the stored figures as the form reads and locks them, and the loader of figure files.
 */
@org.jspecify.annotations.NullMarked
package org.yardstick.observation.internal;
