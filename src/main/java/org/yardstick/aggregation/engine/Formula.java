package org.yardstick.aggregation.engine;

import com.ezylang.evalex.EvaluationException;
import com.ezylang.evalex.Expression;
import com.ezylang.evalex.config.ExpressionConfiguration;
import com.ezylang.evalex.data.EvaluationValue;
import com.ezylang.evalex.parser.ParseException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The formula of a derived indicator (计算指标), such as {@code SW_REV / INFO_IND_REV * 100}: an
 * arithmetic expression over other indicators' codes, evaluated in {@link BigDecimal} with 34
 * significant digits by EvalEx (a well-kept expression library: no scripting engine, no access to
 * anything but the values given). It is evaluated on figures already aggregated, so a share of two
 * summed indicators is a ratio of sums at every level, never a mean of ratios.
 */
public final class Formula {

    private static final ExpressionConfiguration CONFIG = ExpressionConfiguration.builder()
            .mathContext(MathContext.DECIMAL128)
            .arraysAllowed(false)
            .structuresAllowed(false)
            .implicitMultiplicationAllowed(false)
            .singleQuoteStringLiteralsAllowed(false)
            .allowOverwriteConstants(true)
            .build();

    /** Why a formula cannot be stored. */
    public enum Problem { EMPTY, SYNTAX, UNKNOWN_INDICATOR, SELF_REFERENCE, CYCLE }

    /** A formula refused, with its reason and the codes concerned. */
    public static final class Invalid extends IllegalArgumentException {
        private final Problem problem;
        private final List<String> codes;

        Invalid(Problem problem, List<String> codes, String message) {
            super(message);
            this.problem = problem;
            this.codes = List.copyOf(codes);
        }

        public Problem problem() {
            return problem;
        }

        /** The indicator codes concerned: unknown ones, or the cycle in order. */
        public List<String> codes() {
            return codes;
        }
    }

    /** Why a formula gave no value for some region and period. */
    public enum Outcome { VALUE, MISSING_INPUTS, DIVISION_BY_ZERO, NOT_A_NUMBER }

    /**
     * The result of one evaluation.
     *
     * @param value   the value, when {@code outcome} is {@link Outcome#VALUE}
     * @param missing the inputs without a figure, when {@link Outcome#MISSING_INPUTS}
     * @param detail  the evaluator's own words otherwise
     */
    public record Evaluation(Outcome outcome, @Nullable BigDecimal value, List<String> missing, String detail) {
        public Evaluation {
            missing = List.copyOf(missing);
        }
    }

    private final String indicator;
    private final String text;
    private final Set<String> inputs;
    private final List<String> sortedInputs;
    /** Parsed once; its variables are set anew by each evaluation (hence {@code evaluate} is synchronized). */
    private final Expression expression;

    private Formula(String indicator, String text, Set<String> inputs, Expression expression) {
        this.indicator = indicator;
        this.text = text;
        this.inputs = inputs;
        this.sortedInputs = List.copyOf(new TreeSet<>(inputs));
        this.expression = expression;
    }

    /**
     * Parses and checks a formula.
     *
     * @param indicator the derived indicator's own code (it may not appear in its formula)
     * @param known     the codes of the indicators a formula may use
     * @throws Invalid  naming the problem: empty, a syntax error (with the evaluator's message),
     *                  unknown indicator codes, or the indicator itself
     */
    public static Formula parse(String indicator, String text, Set<String> known) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            throw new Invalid(Problem.EMPTY, List.of(), "the formula of " + indicator + " is empty");
        }
        Set<String> used;
        Expression expression = new Expression(t, CONFIG);
        try {
            expression.validate();
            used = new LinkedHashSet<>(expression.getUsedVariables());
        } catch (ParseException e) {
            throw new Invalid(Problem.SYNTAX, List.of(), "the formula of " + indicator + " cannot be read: " + e.getMessage());
        }
        Map<String, String> byUpper = new HashMap<>();
        known.forEach(k -> byUpper.put(k.toUpperCase(java.util.Locale.ROOT), k));
        Set<String> inputs = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String v : used) {
            String code = known.contains(v) ? v : byUpper.get(v.toUpperCase(java.util.Locale.ROOT));
            if (code == null) {
                unknown.add(v);
            } else {
                inputs.add(code);
            }
        }
        if (!unknown.isEmpty()) {
            throw new Invalid(Problem.UNKNOWN_INDICATOR, unknown, "the formula of " + indicator + " uses unknown indicators " + unknown);
        }
        if (inputs.contains(indicator)) {
            throw new Invalid(Problem.SELF_REFERENCE, List.of(indicator), "the formula of " + indicator + " refers to itself");
        }
        // literals are read only when evaluated (0x without digits passes validation): evaluate once with every input 1
        Expression trial = new Expression(t, CONFIG);
        used.forEach(v -> trial.with(v, BigDecimal.ONE));
        try {
            trial.evaluate();
        } catch (NumberFormatException e) {
            throw new Invalid(Problem.SYNTAX, List.of(), "the formula of " + indicator + " cannot be read: " + e.getMessage());
        } catch (EvaluationException | ParseException | ArithmeticException e) {
            // a division by zero or a function's domain at 1 says nothing about the formula's form
        }
        return new Formula(indicator, t, Set.copyOf(inputs), expression);
    }

    public String indicator() {
        return indicator;
    }

    public String text() {
        return text;
    }

    /** The indicator codes the formula reads. */
    public Set<String> inputs() {
        return inputs;
    }

    /** Evaluates the formula on the figures of one region and period, by indicator code. */
    public synchronized Evaluation evaluate(Map<String, BigDecimal> figures) {
        List<String> missing = new ArrayList<>();
        for (String input : sortedInputs) {
            if (figures.get(input) == null) {
                missing.add(input);
            }
        }
        if (!missing.isEmpty()) {
            return new Evaluation(Outcome.MISSING_INPUTS, null, missing, "");
        }
        for (String input : sortedInputs) {
            expression.with(input, figures.get(input));
        }
        try {
            EvaluationValue v = expression.evaluate();
            if (!v.isNumberValue()) {
                return new Evaluation(Outcome.NOT_A_NUMBER, null, List.of(), String.valueOf(v.getValue()));
            }
            return new Evaluation(Outcome.VALUE, v.getNumberValue(), List.of(), "");
        } catch (EvaluationException ex) {
            String m = String.valueOf(ex.getMessage());
            Outcome o = m.toLowerCase(java.util.Locale.ROOT).contains("division by zero") ? Outcome.DIVISION_BY_ZERO : Outcome.NOT_A_NUMBER;
            return new Evaluation(o, null, List.of(), m);
        } catch (ParseException | ArithmeticException | NumberFormatException ex) {
            // NumberFormatException: a literal the library reads only when evaluating (also refused by parse)
            return new Evaluation(Outcome.NOT_A_NUMBER, null, List.of(), String.valueOf(ex.getMessage()));
        }
    }

    /**
     * The derived indicators in an order where each comes after the derived indicators it reads.
     *
     * @throws Invalid with {@link Problem#CYCLE} and the codes of the cycle, when formulas refer to each other in a circle
     */
    public static List<String> evaluationOrder(Map<String, Formula> formulas) {
        List<String> order = new ArrayList<>();
        Map<String, Integer> state = new HashMap<>(); // 1 visiting, 2 done
        for (String code : new TreeSet<>(formulas.keySet())) {
            visit(code, formulas, state, new ArrayDeque<>(), order);
        }
        return order;
    }

    private static void visit(String code, Map<String, Formula> formulas, Map<String, Integer> state, Deque<String> path,
                              List<String> order) {
        Integer s = state.get(code);
        if (s != null && s == 2) {
            return;
        }
        if (s != null) {
            List<String> cycle = new ArrayList<>();
            boolean in = false;
            for (String p : (Iterable<String>) path::descendingIterator) {
                in |= p.equals(code);
                if (in) {
                    cycle.add(p);
                }
            }
            cycle.add(code);
            throw new Invalid(Problem.CYCLE, cycle, "formulas refer to each other in a circle: " + String.join(" → ", cycle));
        }
        state.put(code, 1);
        path.push(code);
        for (String input : new TreeSet<>(formulas.get(code).inputs())) {
            if (formulas.containsKey(input)) {
                visit(input, formulas, state, path, order);
            }
        }
        path.pop();
        state.put(code, 2);
        order.add(code);
    }
}
