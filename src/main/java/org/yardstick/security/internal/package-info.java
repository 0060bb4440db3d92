/**
 * Inside security: account details and principals, the login throttle, the session check, the upload guard, the
 * initial administrator, API tokens ({@code ApiTokens}) and the problems of accounts and tokens.
 */
@org.jspecify.annotations.NullMarked
package org.yardstick.security.internal;
