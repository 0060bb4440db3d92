package org.yardstick.shared;

/** Something a user asked for by its code does not exist; the web layer answers 404. */
public class NotFoundException extends RuntimeException {

    private final String kind;
    private final String code;

    /**
     * @param kind what was looked for, as a message-key suffix: {@code plan}, {@code region} …
     * @param code the code that was asked for
     */
    public NotFoundException(String kind, String code) {
        super("no " + kind + " with code '" + code + "'");
        this.kind = kind;
        this.code = code;
    }

    public String kind() {
        return kind;
    }

    public String code() {
        return code;
    }
}
