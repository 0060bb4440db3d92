package org.yardstick.shared;

/**
 * Lays out an XHTML document (no scripts; charts as HTML and CSS) as PDF with the platform's CJK font, for any
 * module's printable report; the evaluation reports' renderer provides it.
 */
public interface HtmlPdf {

    /** Whether a PDF can be made: a CJK font was found. */
    boolean available();

    /** The document as PDF bytes; the font is embedded as a subset of the characters used. */
    byte[] render(String xhtml);
}
