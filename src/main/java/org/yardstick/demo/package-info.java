/**
 * The demo dataset: the seed plans of Xinjiang, Inner Mongolia and the Corps as framework files
 * under {@code src/main/resources/demo/}, loaded into an empty database at start-up and reloadable
 * with {@code java -jar yardstick.jar demo reload}. Only figures from the seed documents, each with
 * its source sentence.
 */
@org.jspecify.annotations.NullMarked
package org.yardstick.demo;
