/**
 * Inside frameworks: reading framework files into drafts with every problem named, and writing them in one transaction.
 */
@org.jspecify.annotations.NullMarked
package org.yardstick.framework.internal;
