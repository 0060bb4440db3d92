package org.yardstick.sdmx.internal;

import java.util.List;

/**
 * A request the SDMX service refuses: its HTTP status (400 malformed, 404 unknown or no data, 406
 * unsupported format), a message key and its arguments, the English text when the key is missing.
 */
public class SdmxRequestException extends RuntimeException {

    private final int status;
    private final String key;
    private final List<Object> args;

    public SdmxRequestException(int status, String key, String english, Object... args) {
        super(english);
        this.status = status;
        this.key = key;
        this.args = List.of(args);
    }

    public int status() {
        return status;
    }

    public String key() {
        return key;
    }

    public Object[] args() {
        return args.toArray();
    }
}
