package dev.cnifp.core.grammar;

import dev.cnifp.core.internal.Digits;
import dev.cnifp.core.registry.ActionRegistry;
import dev.cnifp.core.spi.BoundAction;
import dev.cnifp.core.spi.FailpointAction;
import dev.cnifp.core.spi.InvalidArgumentException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Parses specs: {@code term ("->" term)*} with {@code term := [P%][N*]name[(arg)]}. The parser knows no action by
 * name: the registry supplies them, each action says whether it takes an argument and binds it. Immutable and
 * thread-safe.
 *
 * <p>Grammar, a superset of containerd's: no whitespace anywhere; {@code P} is a decimal with up to six decimals,
 * {@code 0 < P <= 100}; {@code N} is ASCII digits that fit a signed 64-bit integer, leading zeros allowed;
 * {@code name} is {@code [A-Za-z][A-Za-z0-9_]*}, case-sensitive; {@code arg} runs to the first {@code )} and is
 * never empty; only {@code ->} or the end may follow a term.
 */
public final class FailpointParser {

    private static final String LONG_MAX = Long.toString(Long.MAX_VALUE);
    private static final int MAX_DECIMALS = 6;

    private final ActionRegistry registry;

    public FailpointParser(ActionRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /**
     * Parses a spec. Any text that is not a valid spec gives a {@link FailpointSyntaxException} that says where and
     * what; no other exception comes from the text itself.
     *
     * @throws NullPointerException when {@code text} is null
     * @throws IllegalStateException when a third-party action breaks its contract, e.g. its {@code bind} returns
     *         an argument that could not be written back ({@code ")"} in it), and names that action
     */
    public Failpoint parse(String text) throws FailpointSyntaxException {
        return new Reading(Objects.requireNonNull(text, "text")).spec();
    }

    /** One pass over one text; {@code pos} is the index of the next unread char. */
    private final class Reading {
        private final String text;
        private int pos;

        Reading(String text) {
            this.text = text;
        }

        Failpoint spec() throws FailpointSyntaxException {
            if (text.isEmpty()) {
                throw error(0, "empty spec: expected at least one term, e.g. 1*error(oops)");
            }
            List<Term> terms = new ArrayList<>();
            while (true) {
                terms.add(term());
                if (pos == text.length()) {
                    return new Failpoint(terms);
                }
                if (!text.startsWith("->", pos)) {
                    throw error(pos, "expected \"->\" or end of input, found " + found(pos));
                }
                pos += 2;
                if (pos == text.length()) {
                    throw error(pos, "expected a term after \"->\", found end of input");
                }
            }
        }

        private Term term() throws FailpointSyntaxException {
            Optional<Probability> probability = Optional.empty();
            OptionalLong count = OptionalLong.empty();
            if (isDigit(pos)) {
                int start = pos;
                int end = digitsEnd(start);
                if (charAt(end) == '.' || charAt(end) == '%') {
                    probability = Optional.of(probability(start));
                    if (isDigit(pos)) {
                        count = OptionalLong.of(count(pos, "expected \"*\" after the count"));
                    }
                } else {
                    count = OptionalLong.of(count(start, "expected \"*\" or \"%\" after the number"));
                }
            }
            int nameStart = pos;
            if (!isAsciiLetter(charAt(pos))) {
                boolean prefixRead = probability.isPresent() || count.isPresent();
                throw error(pos, (prefixRead
                        ? "expected an action name, found "
                        : "expected a count (N*), a probability (P%) or an action name, found ") + found(pos));
            }
            while (isAsciiLetter(charAt(pos)) || isDigit(pos) || charAt(pos) == '_') {
                pos++;
            }
            String name = text.substring(nameStart, pos);
            FailpointAction action = registry.find(name).orElseThrow(() -> error(nameStart,
                    "unknown action \"%s\" (known: %s)".formatted(name, String.join(", ", registry.names()))));
            BoundAction bound = argument(action);
            try {
                return new Term(probability, count, name, bound);
            } catch (IllegalArgumentException e) {
                throw brokenContract(action, e.getMessage());
            }
        }

        /** Reads {@code DIGITS "*"} from {@code start}; {@code expected} explains a missing star. */
        private long count(int start, String expected) throws FailpointSyntaxException {
            int end = digitsEnd(start);
            String digits = text.substring(start, end);
            if (charAt(end) != '*') {
                throw error(end, "%s %s, found %s".formatted(expected, digits, found(end)));
            }
            String significant = Digits.withoutLeadingZeros(digits);
            if (significant.length() > LONG_MAX.length()
                    || significant.length() == LONG_MAX.length() && significant.compareTo(LONG_MAX) > 0) {
                throw error(start, "count %s does not fit in a signed 64-bit integer (at most %s)"
                        .formatted(digits, LONG_MAX));
            }
            pos = end + 1;
            return significant.isEmpty() ? 0 : Long.parseLong(significant);
        }

        /** Reads {@code DIGITS ["." DIGITS] "%"} from {@code start}, which is known to start with a digit. */
        private Probability probability(int start) throws FailpointSyntaxException {
            int wholeEnd = digitsEnd(start);
            String whole = Digits.withoutLeadingZeros(text.substring(start, wholeEnd));
            String decimals = "";
            int end = wholeEnd;
            if (charAt(wholeEnd) == '.') {
                end = digitsEnd(wholeEnd + 1);
                decimals = text.substring(wholeEnd + 1, end);
                if (decimals.isEmpty()) {
                    throw error(wholeEnd + 1, "expected digits after \".\", found " + found(wholeEnd + 1));
                }
                if (charAt(end) != '%') {
                    throw error(end, "expected \"%\" after the probability " + text.substring(start, end)
                            + ", found " + found(end));
                }
            }
            String written = text.substring(start, end) + "%";
            if (decimals.length() > MAX_DECIMALS) {
                throw error(start, "probability %s has more than %d decimals".formatted(written, MAX_DECIMALS));
            }
            int millionths = millionths(whole, decimals);
            if (millionths <= 0 || millionths > Probability.CERTAIN) {
                throw error(start, "probability %s is out of range: more than 0%% and at most 100%% expected"
                        .formatted(written));
            }
            pos = end + 1;
            return new Probability(millionths);
        }

        private BoundAction argument(FailpointAction action) throws FailpointSyntaxException {
            String name = action.name();
            boolean parenthesis = charAt(pos) == '(';
            switch (action.argumentRule()) {
                case NONE -> {
                    if (parenthesis) {
                        throw error(pos, "action \"%s\" takes no argument".formatted(name));
                    }
                    return bind(action, null, pos);
                }
                case REQUIRED -> {
                    if (!parenthesis) {
                        throw error(pos, "action \"%s\" needs an argument in parentheses, e.g. %s(...), found %s"
                                .formatted(name, name, found(pos)));
                    }
                }
                case OPTIONAL -> {
                    if (!parenthesis) {
                        return bind(action, null, pos);
                    }
                }
            }
            int open = pos;
            int close = text.indexOf(')', open + 1);
            if (close < 0) {
                throw error(open, "\"(\" is never closed: expected \")\" before the end of input");
            }
            if (close == open + 1) {
                throw error(close, "action \"%s\" needs a non-empty argument".formatted(name));
            }
            BoundAction bound = bind(action, text.substring(open + 1, close), open + 1);
            pos = close + 1;
            return bound;
        }

        private BoundAction bind(FailpointAction action, String argument, int at) throws FailpointSyntaxException {
            BoundAction bound;
            try {
                bound = action.bind(argument);
            } catch (InvalidArgumentException e) {
                throw error(at, e.getMessage() != null ? e.getMessage()
                        : "invalid argument \"%s\" for action \"%s\"".formatted(argument, action.name()));
            } catch (RuntimeException e) {
                throw new BrokenActionException(action.name(), action.getClass(),
                        "failed to bind " + (argument == null ? "no argument" : "\"" + argument + "\"") + ": " + e, e);
            }
            // Checked here so that whatever parses marshals to text that parses again.
            if (bound == null || bound.argument() == null) {
                throw brokenContract(action, "bind returned no bound action or no argument");
            }
            if (bound.argument().isPresent() != (argument != null)) {
                throw brokenContract(action, argument == null
                        ? "bind invented an argument where none was written"
                        : "bind dropped the argument \"" + argument + "\"");
            }
            return bound;
        }

        private int digitsEnd(int from) {
            int end = from;
            while (isDigit(end)) {
                end++;
            }
            return end;
        }

        private boolean isDigit(int index) {
            char c = charAt(index);
            return c >= '0' && c <= '9';
        }

        /** The char at {@code index}, or NUL past the end (NUL never matches anything the grammar looks for). */
        private char charAt(int index) {
            return index < text.length() ? text.charAt(index) : '\0';
        }

        private String found(int index) {
            if (index >= text.length()) {
                return "end of input";
            }
            int codePoint = text.codePointAt(index);
            String shown = "\"" + Character.toString(codePoint) + "\"";
            return Character.isWhitespace(codePoint) ? "whitespace " + shown + " (none is allowed)" : shown;
        }

        private FailpointSyntaxException error(int index, String reason) {
            return new FailpointSyntaxException(text, text.codePointCount(0, index) + 1, reason);
        }
    }

    /**
     * {@code whole.decimals} percent in millionths of a percent, or {@link Integer#MAX_VALUE} when far above 100%.
     * {@code whole} has no leading zeros and {@code decimals} at most six digits.
     */
    private static int millionths(String whole, String decimals) {
        if (whole.length() > 3) {
            return Integer.MAX_VALUE;
        }
        int percent = whole.isEmpty() ? 0 : Integer.parseInt(whole);
        int fraction = decimals.isEmpty() ? 0
                : Integer.parseInt(decimals + "0".repeat(MAX_DECIMALS - decimals.length()));
        return percent * 1_000_000 + fraction;
    }

    /** A third-party action that would make us write a spec we cannot read back: a bug in that action. */
    private static BrokenActionException brokenContract(FailpointAction action, String what) {
        return new BrokenActionException(action.name(), action.getClass(),
                "breaks the FailpointAction contract: " + what, null);
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
    }
}
