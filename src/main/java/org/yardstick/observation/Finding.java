package org.yardstick.observation;

import java.util.List;
import org.yardstick.shared.ProblemKind;

/**
 * What a validation rule says about a proposed figure.
 *
 * @param indicatorCode the figure it is about
 * @param kind the message (key and English template)
 * @param args the message's arguments
 * @param ruleCode the rule that found it, for the report ({@code built-in} for the platform's own)
 */
public record Finding(Severity severity, String indicatorCode, ProblemKind kind, List<Object> args, String ruleCode)
        implements java.io.Serializable {

    public Finding {
        // kept in the session (flash attributes): an argument that cannot be serialized is kept as its text
        args = args.stream().map(a -> a instanceof java.io.Serializable ? a : (Object) String.valueOf(a)).toList();
    }
}
