package org.yardstick.ingestion.internal;

import org.yardstick.shared.ProblemKind;

/** What can be wrong with a document given to ingestion, or with a commit of its proposals. */
public enum IngestionProblem implements ProblemKind {
    EMPTY("ingest.empty", "holds no text"),
    TOO_LARGE("ingest.too-large", "is larger than {0} MB; a plan is far smaller: split it or upload the text only"),
    TOO_LONG("ingest.too-long", "holds more than {0} characters of text; a plan is far shorter: split it"),
    ENCODING("ingest.encoding", "is neither UTF-8 nor GBK/GB18030 text (mixed or unknown encoding); save it as UTF-8 and upload again"),
    BINARY("ingest.binary", "is not a text document; upload .txt, .docx, .doc or a .pdf with a text layer"),
    NO_TEXT_LAYER("ingest.no-text-layer", "is a PDF without a text layer (scanned pages); run text recognition (OCR) first or upload the Word file"),
    UNREADABLE("ingest.unreadable", "cannot be read as a {0} file: it is damaged or not what its name says"),
    ENCRYPTED("ingest.encrypted", "is protected by a password; remove the protection and upload again"),
    NOTHING_ACCEPTED("ingest.nothing-accepted", "no proposal is accepted; accept at least one before committing"),
    NO_INDICATOR("ingest.no-indicator", "has no indicator: choose a catalogue indicator or name a new one"),
    NO_YEAR("ingest.no-year", "has no year: give the year of the figure or target"),
    NO_VALUE("ingest.no-value", "has no value"),
    CONFLICT("ingest.conflict", "gives another value ({0}) for the same figure as the item on line {1}"),
    EXISTS("ingest.exists", "is already reported as {0} for {1}: reject this item or correct the reported figure first"),
    UNIT_CONFLICT("ingest.unit-conflict", "is in {0}, but catalogue indicator {1} is in {2}: choose another indicator or a new one"),
    UNKNOWN_PLAN("ingest.unknown-plan", "is not a plan in force within your regions: choose one of the list or commit as a new plan");

    private final String key;
    private final String template;

    IngestionProblem(String key, String template) {
        this.key = key;
        this.template = template;
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public String template() {
        return template;
    }
}
