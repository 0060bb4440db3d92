/** The worklist page. */
@org.jspecify.annotations.NullMarked
package org.yardstick.home.web;
