package org.yardstick.ingestion.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a document into sentences (句子) at 。！？ and line ends, keeping each sentence's character
 * offsets in the document. Leading white space and list dashes (--, ——) are left out of the sentence.
 */
public final class Sentences {

    /** One sentence: {@code text} is {@code document.substring(start, end)}; {@code line} is 1-based. */
    public record Sentence(String text, int start, int end, int line) {}

    private Sentences() {}

    public static List<Sentence> split(String document) {
        List<Sentence> out = new ArrayList<>();
        int line = 1;
        int start = 0;
        int n = document.length();
        for (int i = 0; i <= n; i++) {
            char c = i < n ? document.charAt(i) : '\n';
            boolean newline = c == '\n' || c == '\r';
            boolean stop = c == '。' || c == '！' || c == '？';
            if (stop || newline) {
                int end = stop ? i + 1 : i;
                // a closing quote or bracket after 。 belongs to the sentence
                while (stop && end < n && "”’」）)".indexOf(document.charAt(end)) >= 0) {
                    end++;
                }
                add(out, document, start, end, line);
                if (newline) {
                    if (c == '\r' && i + 1 < n && document.charAt(i + 1) == '\n') {
                        i++;
                    }
                    line++;
                    start = i + 1;
                } else {
                    start = end;
                    i = end - 1;
                }
            }
        }
        return out;
    }

    private static void add(List<Sentence> out, String doc, int start, int end, int line) {
        int s = start;
        while (s < end && (Character.isWhitespace(doc.charAt(s)) || doc.charAt(s) == '\u3000' || doc.charAt(s) == '-'
                || doc.charAt(s) == '—' || doc.charAt(s) == '\uFEFF')) {
            s++;
        }
        int e = end;
        while (e > s && (Character.isWhitespace(doc.charAt(e - 1)) || doc.charAt(e - 1) == '\u3000')) {
            e--;
        }
        if (e > s) {
            out.add(new Sentence(doc.substring(s, e), s, e, line));
        }
    }
}
