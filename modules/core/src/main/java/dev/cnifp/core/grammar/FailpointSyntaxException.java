package dev.cnifp.core.grammar;

import java.io.Serial;

/**
 * A spec that does not parse. The message says where and what, e.g.
 * {@code invalid failpoint "1*eror(x)" at column 3: unknown action "eror" (known: delay, error, off, panic)}.
 */
public final class FailpointSyntaxException extends Exception {
    @Serial
    private static final long serialVersionUID = 1L;

    private final String input;
    private final int column;
    private final String reason;

    public FailpointSyntaxException(String input, int column, String reason) {
        super("invalid failpoint \"%s\" at column %d: %s".formatted(input, column, reason));
        this.input = input;
        this.column = column;
        this.reason = reason;
    }

    /** The whole text that was parsed. */
    public String input() {
        return input;
    }

    /** Where the offending token starts, 1-based, counted in Unicode code points. */
    public int column() {
        return column;
    }

    /** What is wrong, without the position, e.g. {@code unknown action "eror" (known: ...)}. */
    public String reason() {
        return reason;
    }
}
