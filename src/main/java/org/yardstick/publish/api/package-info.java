/**
 * The public JSON API under /api/v1/ (approved figures only), documented in the OpenAPI document.
 */
@org.jspecify.annotations.NullMarked
package org.yardstick.publish.api;
