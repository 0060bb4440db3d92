package org.yardstick.progress.rules;

/**
 * A person's judgement of a milestone (基本建成…), made in a year, with a note saying why.
 *
 * @param year the year the judgement speaks for; a judgement after the as-of year is not yet known
 */
public record Judgement(Verdict verdict, int year, String note) {

    public Judgement {
        Figure.requireYear(year, "judgement year");
        note = note.strip();
    }
}
