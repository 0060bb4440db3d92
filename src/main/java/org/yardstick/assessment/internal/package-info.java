/** The self-assessment's listeners and start-up work; private to the module. */
@org.jspecify.annotations.NullMarked
package org.yardstick.assessment.internal;
