/**
 * Who may do what: accounts, roles, the region or organisation each account belongs to, login,
 * and the HTTP security of the application (CSRF, headers, sessions).
 */
@org.jspecify.annotations.NullMarked
package org.yardstick.security;
