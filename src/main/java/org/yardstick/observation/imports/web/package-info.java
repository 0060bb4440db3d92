/** Pages of the imports: choose a data set, download the Excel template, upload a file, see the result. */
@org.jspecify.annotations.NullMarked
package org.yardstick.observation.imports.web;
