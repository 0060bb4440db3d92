package org.yardstick.shared;

/** Problems found in the platform's human-written files (YAML, CSV) while reading their syntax. */
public enum FileProblem implements ProblemKind {
    SYNTAX("file.syntax", "is not well-formed: {0}"),
    MISSING_FIELD("file.missing-field", "is required"),
    UNKNOWN_FIELD("file.unknown-field", "is not a known field here (known: {0})"),
    NOT_A_MAPPING("file.not-a-mapping", "must be a mapping of fields"),
    NOT_A_LIST("file.not-a-list", "must be a list"),
    NOT_TEXT("file.not-text", "must be a single value, not a list or mapping"),
    NOT_A_NUMBER("file.not-a-number", "is not a number"),
    NOT_FINITE("file.not-finite", "must be a finite number"),
    NOT_AN_INTEGER("file.not-an-integer", "is not a whole number"),
    NOT_A_DATE("file.not-a-date", "is not a date (yyyy-mm-dd or yyyy-mm)"),
    NOT_ONE_OF("file.not-one-of", "must be one of: {0}"),
    BAD_CODE("file.bad-code", "is not a valid code (letters, digits, dot, underscore, hyphen; at most 64)"),
    DUPLICATE("file.duplicate", "is defined twice (first at line {0})"),
    EMPTY("file.empty", "is empty"),
    TOO_LARGE("file.too-large", "is larger than the limit of {0}"),
    BAD_ENCODING("file.bad-encoding", "is not valid text in UTF-8 or GBK"),
    UNCLOSED_QUOTE("file.unclosed-quote", "a quoted cell is not closed"),
    RAGGED_ROW("file.ragged-row", "has {0} cells but the header has {1}");

    private final String key;
    private final String template;

    FileProblem(String key, String template) {
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
