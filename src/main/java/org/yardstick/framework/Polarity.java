package org.yardstick.framework;

/** Which direction of an indicator is better (指标方向). */
public enum Polarity {
    /** More is better (正向指标). */
    POSITIVE,
    /** Less is better (逆向指标), e.g. a product development cycle. */
    NEGATIVE;

    /** +1 for positive, -1 for negative. */
    public int sign() {
        return this == POSITIVE ? 1 : -1;
    }
}
