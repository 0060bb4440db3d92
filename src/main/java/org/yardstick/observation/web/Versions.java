package org.yardstick.observation.web;

import org.yardstick.observation.CollectionProblem;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.InvalidInputException;

/** The version a form was read at, as the form sends it back: a whole number, or a problem naming the field. */
final class Versions {

    private Versions() {}

    static int parse(String text) {
        return parse("version", text);
    }

    static int parse(String field, String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(InputProblem.of("form", 0, field, text, CollectionProblem.NOT_AN_INTEGER));
        }
    }
}
