/**
 * Publication (公开发布): the public portal — plans, indicators and regions with their approved
 * figures, targets and provenance — and the documented JSON API under {@code /api/v1/}. Nothing
 * unapproved is shown here.
 */
@org.jspecify.annotations.NullMarked
package org.yardstick.publish;
