/**
 * Inside frameworks: reading framework files into drafts with every problem named, and writing them in one
 * transaction; the one write path of the authoring pages ({@code FrameworkChanges}) and its commands.
 */
@org.jspecify.annotations.NullMarked
package org.yardstick.framework.internal;
