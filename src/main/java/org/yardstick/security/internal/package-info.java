/**
 * Inside security: account details and principals, the login throttle, the session check, the upload guard, the initial administrator.
 */
@org.jspecify.annotations.NullMarked
package org.yardstick.security.internal;
