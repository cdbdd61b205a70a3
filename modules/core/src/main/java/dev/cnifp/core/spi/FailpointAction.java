package dev.cnifp.core.spi;

/**
 * A failpoint action, found as a service. The core knows no action by name: every action, built-in or
 * third-party, is a provider of this interface and gets the same grammar, {@code [P%][N*]name[(arg)]}.
 *
 * <p>Like a jlink plugin, an action has a name, a description, a rule for its argument and a
 * {@linkplain #bind bind} step that validates and normalises the argument at parse time, once per term each time a
 * spec is parsed (the plugin parses its command's spec on every call). What it returns is fired when evaluation
 * selects the term.
 */
public interface FailpointAction {

    /**
     * The name used in specs, e.g. {@code error}; ASCII letters, digits and {@code _}, starting with a letter (see
     * {@link #isValidName}).
     */
    String name();

    /**
     * Whether {@code name} is one {@link #name()} may return: {@code [A-Za-z][A-Za-z0-9_]*}, checked without a regex,
     * whose classes a cold plugin process would otherwise load for it.
     */
    static boolean isValidName(String name) {
        if (name == null || name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
            if (!(letter || (i > 0 && ((c >= '0' && c <= '9') || c == '_')))) {
                return false;
            }
        }
        return true;
    }

    /** One line for humans, e.g. for a CLI that lists installed actions. */
    String description();

    /** Whether the action takes an argument in parentheses. */
    ArgumentRule argumentRule();

    /**
     * Validates and normalises the argument. The parser has already applied {@link #argumentRule()}:
     * {@code argument} is {@code null} when no parentheses were written, and never empty.
     *
     * @throws InvalidArgumentException with a message that says what is expected, e.g.
     *         {@code "delay takes a whole number of milliseconds"}
     */
    BoundAction bind(String argument) throws InvalidArgumentException;
}
