package dev.cnifp.core.spi;

/** Whether an action is written with an argument in parentheses. */
public enum ArgumentRule {
    /** {@code off}: parentheses are a syntax error. */
    NONE,
    /** {@code error(msg)}: a non-empty argument is required. */
    REQUIRED,
    /**
     * Either form is accepted; {@code bind} receives {@code null} when the parentheses are left out, and its
     * {@link BoundAction#argument()} must then be empty: a default written back would change the spec.
     */
    OPTIONAL
}
