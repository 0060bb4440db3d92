package org.yardstick.ingestion.rules;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises the headings of Chinese plans: 一、 (level 1), （一） (level 2), 1. 1、 1． (level 3),
 * （1） (level 4). The title is what follows the marker up to the first 。 (a heading line often goes on
 * with the paragraph: “1.加快…平台建设。实施…”).
 */
public final class Headings {

    /** A heading: its level (1 is a chapter), its marker and its title without the final 。. */
    public record Heading(int level, String marker, String title) {}

    private static final Pattern L1 = Pattern.compile("^([一二三四五六七八九十]+)、");
    private static final Pattern L2 = Pattern.compile("^[（(]([一二三四五六七八九十]+)[）)]");
    private static final Pattern L3 = Pattern.compile("^(\\d{1,2})(?:[.．、](?!\\d))");
    private static final Pattern L4 = Pattern.compile("^[（(](\\d{1,2})[）)]");
    private static final int MAX_TITLE = 60;

    private Headings() {}

    /** The heading a line (or the sentence that starts it) is, if it is one. */
    public static Optional<Heading> of(String lineStart) {
        String s = lineStart.strip();
        Pattern[] patterns = {L1, L2, L4, L3};
        int[] levels = {1, 2, 4, 3};
        for (int i = 0; i < patterns.length; i++) {
            Matcher m = patterns[i].matcher(s);
            if (m.find()) {
                String title = s.substring(m.end()).strip();
                int stop = title.indexOf('。');
                if (stop >= 0) {
                    title = title.substring(0, stop);
                }
                if (title.isEmpty() || title.length() > MAX_TITLE) {
                    return Optional.empty();
                }
                return Optional.of(new Heading(levels[i], m.group(1), title));
            }
        }
        return Optional.empty();
    }
}
