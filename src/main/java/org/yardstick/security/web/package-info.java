/**
 * Login and account administration pages.
 */
@org.jspecify.annotations.NullMarked
package org.yardstick.security.web;
