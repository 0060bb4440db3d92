package org.yardstick.validation.internal;

import java.util.Locale;
import java.util.Optional;

/** How a comparison rule relates its two sides. */
public enum Operator {
    LT("<", "<"),
    LE("≤", "<="),
    EQ("=", "=="),
    GE("≥", ">="),
    GT(">", ">");

    private final String symbol;
    private final String ascii;

    Operator(String symbol, String ascii) {
        this.symbol = symbol;
        this.ascii = ascii;
    }

    /** The mathematical sign: {@code ≤}. */
    public String symbol() {
        return symbol;
    }

    /** Whether {@code left op right} holds, given {@code left.compareTo(right)}. */
    public boolean holds(int comparison) {
        return switch (this) {
            case LT -> comparison < 0;
            case LE -> comparison <= 0;
            case EQ -> comparison == 0;
            case GE -> comparison >= 0;
            case GT -> comparison > 0;
        };
    }

    /** Reads {@code <=}, {@code ≤}, {@code le} or {@code LE} (and likewise for the others). */
    public static Optional<Operator> parse(String text) {
        String t = text.strip();
        for (Operator o : values()) {
            if (t.equals(o.symbol) || t.equals(o.ascii) || t.equalsIgnoreCase(o.name())) {
                return Optional.of(o);
            }
        }
        return Optional.empty();
    }

    /** The spellings accepted, for messages. */
    public static String spellings() {
        StringBuilder s = new StringBuilder();
        for (Operator o : values()) {
            s.append(s.length() == 0 ? "" : ", ").append(o.symbol).append(" (").append(o.name().toLowerCase(Locale.ROOT))
                    .append(')');
        }
        return s.toString();
    }
}
