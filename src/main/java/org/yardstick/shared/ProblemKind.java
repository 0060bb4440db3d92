package org.yardstick.shared;

/**
 * A kind of problem found in user input. Implemented by one enum per capability; {@link #key()}
 * names the message-bundle entry ({@code problem.<key>}) that translates {@link #template()}, a
 * {@link java.text.MessageFormat} pattern in English whose arguments are the problem's
 * {@link InputProblem#args()}.
 */
public interface ProblemKind {

    /** Message key without the {@code problem.} prefix, e.g. {@code yaml.missing-field}. */
    String key();

    /** English message pattern, e.g. {@code "is required"}. */
    String template();
}
