package org.yardstick.framework;

/**
 * Where a figure or statement comes from (出处): a document, the line of it, and the sentence
 * verbatim.
 *
 * @param documentCode the document's code
 * @param line 1-based line of the document's text
 * @param quote the sentence as the document writes it
 */
public record Citation(String documentCode, int line, String quote) {}
