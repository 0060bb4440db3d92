/** The job resource of the API. */
@org.jspecify.annotations.NullMarked
package org.yardstick.jobs.web;
