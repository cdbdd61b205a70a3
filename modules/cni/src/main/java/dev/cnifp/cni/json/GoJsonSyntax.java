package dev.cnifp.cni.json;

import java.util.Optional;

/**
 * Go's {@code encoding/json} syntax check, with its error messages word for word ({@code unexpected end of JSON
 * input}, {@code invalid character 'x' looking for beginning of value}, ...). Go validates the whole input before it
 * decodes anything, so a syntax error always wins over a type error; {@link GoJson#parse} does the same.
 *
 * <p>Like Go's scanner this works on bytes: a byte of a multi-byte UTF-8 sequence in the wrong place is reported as
 * the Latin-1 character with that code (a UTF-8 BOM shows up as {@code 'ï'}).
 */
final class GoJsonSyntax {
    private static final int MAX_DEPTH = 10_000;

    private enum State {
        BEGIN_VALUE, BEGIN_VALUE_OR_EMPTY, BEGIN_STRING, BEGIN_STRING_OR_EMPTY, END_VALUE, END_TOP,
        IN_STRING, IN_STRING_ESC, IN_STRING_ESC_U1, IN_STRING_ESC_U2, IN_STRING_ESC_U3, IN_STRING_ESC_U4,
        NEG, ZERO, ONE, DOT, DOT0, E, E_SIGN, E0,
        T, TR, TRU, F, FA, FAL, FALS, N, NU, NUL
    }

    private enum Parse { OBJECT_KEY, OBJECT_VALUE, ARRAY_VALUE }

    private State state = State.BEGIN_VALUE;
    private Parse[] stack = new Parse[16];
    private int depth;
    private String error;

    private GoJsonSyntax() {}

    /** The message Go's {@code json.Unmarshal} would give for a syntax error in {@code input}, if there is one. */
    static Optional<String> check(byte[] input) {
        GoJsonSyntax scanner = new GoJsonSyntax();
        for (byte b : input) {
            scanner.step(b & 0xff);
            if (scanner.error != null) {
                return Optional.of(scanner.error);
            }
        }
        return Optional.ofNullable(scanner.eof());
    }

    private String eof() {
        if (state == State.END_TOP) {
            return null;
        }
        step(' ');
        if (error != null) {
            return error;
        }
        return state == State.END_TOP ? null : "unexpected end of JSON input";
    }

    private static boolean isSpace(int c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    private static boolean isHex(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private void fail(int c, String context) {
        error = "invalid character " + GoQuote.quoteChar(c) + " " + context;
    }

    private void push(int c, Parse p) {
        if (depth == MAX_DEPTH) {
            fail(c, "exceeded max depth");
            return;
        }
        if (depth == stack.length) {
            stack = java.util.Arrays.copyOf(stack, depth * 2);
        }
        stack[depth++] = p;
    }

    private void step(int c) {
        switch (state) {
            case BEGIN_VALUE_OR_EMPTY -> {
                if (isSpace(c)) {
                    return;
                }
                if (c == ']') {
                    endValue(c);
                    return;
                }
                beginValue(c);
            }
            case BEGIN_VALUE -> beginValue(c);
            case BEGIN_STRING_OR_EMPTY -> {
                if (isSpace(c)) {
                    return;
                }
                if (c == '}') {
                    stack[depth - 1] = Parse.OBJECT_VALUE;
                    endValue(c);
                    return;
                }
                beginString(c);
            }
            case BEGIN_STRING -> beginString(c);
            case END_VALUE -> endValue(c);
            case END_TOP -> {
                if (!isSpace(c)) {
                    fail(c, "after top-level value");
                }
            }
            case IN_STRING -> {
                if (c == '"') {
                    state = State.END_VALUE;
                } else if (c == '\\') {
                    state = State.IN_STRING_ESC;
                } else if (c < 0x20) {
                    fail(c, "in string literal");
                }
            }
            case IN_STRING_ESC -> {
                switch (c) {
                    case 'b', 'f', 'n', 'r', 't', '\\', '/', '"' -> state = State.IN_STRING;
                    case 'u' -> state = State.IN_STRING_ESC_U1;
                    default -> fail(c, "in string escape code");
                }
            }
            case IN_STRING_ESC_U1 -> hex(c, State.IN_STRING_ESC_U2);
            case IN_STRING_ESC_U2 -> hex(c, State.IN_STRING_ESC_U3);
            case IN_STRING_ESC_U3 -> hex(c, State.IN_STRING_ESC_U4);
            case IN_STRING_ESC_U4 -> hex(c, State.IN_STRING);
            case NEG -> {
                if (c == '0') {
                    state = State.ZERO;
                } else if (c >= '1' && c <= '9') {
                    state = State.ONE;
                } else {
                    fail(c, "in numeric literal");
                }
            }
            case ONE -> {
                if (c >= '0' && c <= '9') {
                    return;
                }
                afterInteger(c);
            }
            case ZERO -> afterInteger(c);
            case DOT -> {
                if (c >= '0' && c <= '9') {
                    state = State.DOT0;
                } else {
                    fail(c, "after decimal point in numeric literal");
                }
            }
            case DOT0 -> {
                if (c >= '0' && c <= '9') {
                    return;
                }
                if (c == 'e' || c == 'E') {
                    state = State.E;
                    return;
                }
                endValue(c);
            }
            case E -> {
                if (c == '+' || c == '-') {
                    state = State.E_SIGN;
                    return;
                }
                exponentDigit(c);
            }
            case E_SIGN -> exponentDigit(c);
            case E0 -> {
                if (c >= '0' && c <= '9') {
                    return;
                }
                endValue(c);
            }
            case T -> literal(c, 'r', State.TR, "in literal true (expecting 'r')");
            case TR -> literal(c, 'u', State.TRU, "in literal true (expecting 'u')");
            case TRU -> literal(c, 'e', State.END_VALUE, "in literal true (expecting 'e')");
            case F -> literal(c, 'a', State.FA, "in literal false (expecting 'a')");
            case FA -> literal(c, 'l', State.FAL, "in literal false (expecting 'l')");
            case FAL -> literal(c, 's', State.FALS, "in literal false (expecting 's')");
            case FALS -> literal(c, 'e', State.END_VALUE, "in literal false (expecting 'e')");
            case N -> literal(c, 'u', State.NU, "in literal null (expecting 'u')");
            case NU -> literal(c, 'l', State.NUL, "in literal null (expecting 'l')");
            case NUL -> literal(c, 'l', State.END_VALUE, "in literal null (expecting 'l')");
        }
    }

    private void beginValue(int c) {
        if (isSpace(c)) {
            return;
        }
        switch (c) {
            case '{' -> {
                state = State.BEGIN_STRING_OR_EMPTY;
                push(c, Parse.OBJECT_KEY);
            }
            case '[' -> {
                state = State.BEGIN_VALUE_OR_EMPTY;
                push(c, Parse.ARRAY_VALUE);
            }
            case '"' -> state = State.IN_STRING;
            case '-' -> state = State.NEG;
            case '0' -> state = State.ZERO;
            case 't' -> state = State.T;
            case 'f' -> state = State.F;
            case 'n' -> state = State.N;
            default -> {
                if (c >= '1' && c <= '9') {
                    state = State.ONE;
                } else {
                    fail(c, "looking for beginning of value");
                }
            }
        }
    }

    private void beginString(int c) {
        if (isSpace(c)) {
            return;
        }
        if (c == '"') {
            state = State.IN_STRING;
        } else {
            fail(c, "looking for beginning of object key string");
        }
    }

    private void endValue(int c) {
        if (depth == 0) {
            state = State.END_TOP;
            step(c);
            return;
        }
        if (isSpace(c)) {
            state = State.END_VALUE;
            return;
        }
        switch (stack[depth - 1]) {
            case OBJECT_KEY -> {
                if (c == ':') {
                    stack[depth - 1] = Parse.OBJECT_VALUE;
                    state = State.BEGIN_VALUE;
                } else {
                    fail(c, "after object key");
                }
            }
            case OBJECT_VALUE -> {
                if (c == ',') {
                    stack[depth - 1] = Parse.OBJECT_KEY;
                    state = State.BEGIN_STRING;
                } else if (c == '}') {
                    pop();
                } else {
                    fail(c, "after object key:value pair");
                }
            }
            case ARRAY_VALUE -> {
                if (c == ',') {
                    state = State.BEGIN_VALUE;
                } else if (c == ']') {
                    pop();
                } else {
                    fail(c, "after array element");
                }
            }
        }
    }

    private void pop() {
        depth--;
        state = depth == 0 ? State.END_TOP : State.END_VALUE;
    }

    private void afterInteger(int c) {
        if (c == '.') {
            state = State.DOT;
        } else if (c == 'e' || c == 'E') {
            state = State.E;
        } else {
            endValue(c);
        }
    }

    private void exponentDigit(int c) {
        if (c >= '0' && c <= '9') {
            state = State.E0;
        } else {
            fail(c, "in exponent of numeric literal");
        }
    }

    private void hex(int c, State next) {
        if (isHex(c)) {
            state = next;
        } else {
            fail(c, "in \\u hexadecimal character escape");
        }
    }

    private void literal(int c, int expected, State next, String context) {
        if (c == expected) {
            state = next;
        } else {
            fail(c, context);
        }
    }
}
