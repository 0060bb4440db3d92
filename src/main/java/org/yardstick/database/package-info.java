/**
 * The database the platform runs on (H2 or PostgreSQL), told once at start-up, and the few things
 * done differently on each: bulk loading by {@code COPY}, moving an identity past ids assigned by the
 * platform. The only module that imports the PostgreSQL driver.
 */
@org.jspecify.annotations.NullMarked
package org.yardstick.database;
