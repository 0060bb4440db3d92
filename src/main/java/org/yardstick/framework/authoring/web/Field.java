package org.yardstick.framework.authoring.web;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One field of an authoring form. Its label is the message {@code authoring.field.<name>}; its help, if any,
 * {@code authoring.help.<name>}.
 *
 * @param type text, textarea, number, year, select, codes (a list of codes, one per line, in order)
 * @param options for a select: the choices
 * @param datalist for text and codes fields: the id of a list of suggestions
 */
record Field(String name, String type, List<Option> options, @Nullable String datalist, boolean required, boolean readonly) {

    Field {
        options = List.copyOf(options);
    }

    static Field text(String name, boolean required) {
        return new Field(name, "text", List.of(), null, required, false);
    }

    static Field textarea(String name, boolean required) {
        return new Field(name, "textarea", List.of(), null, required, false);
    }

    static Field number(String name, boolean required) {
        return new Field(name, "number", List.of(), null, required, false);
    }

    static Field year(String name, boolean required) {
        return new Field(name, "year", List.of(), null, required, false);
    }

    static Field select(String name, List<Option> options, boolean required) {
        return new Field(name, "select", options, null, required, false);
    }

    static Field suggest(String name, String datalist, boolean required) {
        return new Field(name, "text", List.of(), datalist, required, false);
    }

    static Field codes(String name, String datalist, boolean required) {
        return new Field(name, "codes", List.of(), datalist, required, false);
    }

    Field readonly(boolean readonly) {
        return new Field(name, type, options, datalist, required, readonly);
    }

    /** A choice: its value and either a message key or a literal label. */
    record Option(String value, @Nullable String labelKey, @Nullable String label) {

        static <E extends Enum<E>> List<Option> of(Class<E> type, String keyPrefix, boolean blank) {
            java.util.ArrayList<Option> all = new java.util.ArrayList<>();
            if (blank) {
                all.add(new Option("", "authoring.choose", null));
            }
            for (E e : type.getEnumConstants()) {
                all.add(new Option(e.name(), keyPrefix + e.name(), null));
            }
            return all;
        }
    }
}
