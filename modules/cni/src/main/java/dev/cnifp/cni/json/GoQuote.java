package dev.cnifp.cni.json;

import java.nio.charset.StandardCharsets;

/** Go's {@code strconv.Quote}, used where Go formats a value with {@code %q}; messages must read the same. */
public final class GoQuote {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private GoQuote() {}

    /** {@code %q} of a Go string given as UTF-8 text. */
    public static String quote(String text) {
        return quote(text.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code %q} of a Go string given as raw bytes: invalid UTF-8 bytes come out as {@code \xNN}. */
    public static String quote(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length + 2).append('"');
        int i = 0;
        while (i < bytes.length) {
            int b = bytes[i] & 0xff;
            int length = sequenceLength(bytes, i);
            if (length == 0) {
                out.append("\\x").append(HEX[b >> 4]).append(HEX[b & 0xf]);
                i++;
                continue;
            }
            int rune = new String(bytes, i, length, StandardCharsets.UTF_8).codePointAt(0);
            appendRune(out, rune, '"');
            i += length;
        }
        return out.append('"').toString();
    }

    /**
     * How Go's JSON scanner names a byte in {@code invalid character 'x' ...}: the byte read as a rune (so 0xEF is
     * {@code 'ï'}), quoted with single quotes.
     */
    static String quoteChar(int c) {
        if (c == '\'') {
            return "'\\''";
        }
        if (c == '"') {
            return "'\"'";
        }
        StringBuilder out = new StringBuilder("'");
        appendRune(out, c, '\'');
        return out.append('\'').toString();
    }

    private static void appendRune(StringBuilder out, int rune, char quote) {
        if (rune == quote || rune == '\\') {
            out.append('\\').appendCodePoint(rune);
        } else if (isPrint(rune)) {
            out.appendCodePoint(rune);
        } else {
            switch (rune) {
                case 0x07 -> out.append("\\a");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case 0x0b -> out.append("\\v");
                default -> {
                    if (rune < ' ' || rune == 0x7f) {
                        out.append("\\x").append(HEX[rune >> 4]).append(HEX[rune & 0xf]);
                    } else if (rune < 0x10000) {
                        out.append("\\u").append(hex(rune, 4));
                    } else {
                        out.append("\\U").append(hex(rune, 8));
                    }
                }
            }
        }
    }

    private static String hex(int value, int digits) {
        char[] chars = new char[digits];
        for (int i = digits - 1; i >= 0; i--) {
            chars[i] = HEX[value & 0xf];
            value >>>= 4;
        }
        return new String(chars);
    }

    /** Go's {@code strconv.IsPrint}: letters, marks, numbers, punctuation, symbols and the ASCII space. */
    static boolean isPrint(int rune) {
        if (rune == ' ') {
            return true;
        }
        return switch (Character.getType(rune)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                 Character.UNASSIGNED, Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR,
                 Character.PARAGRAPH_SEPARATOR -> false;
            default -> true;
        };
    }

    /** Length of the valid UTF-8 sequence at {@code i}, or 0 when the byte there does not start one. */
    private static int sequenceLength(byte[] bytes, int i) {
        int b = bytes[i] & 0xff;
        int length;
        int min;
        if (b < 0x80) {
            return 1;
        } else if (b >= 0xc2 && b <= 0xdf) {
            length = 2;
            min = 0x80;
        } else if (b >= 0xe0 && b <= 0xef) {
            length = 3;
            min = 0x800;
        } else if (b >= 0xf0 && b <= 0xf4) {
            length = 4;
            min = 0x10000;
        } else {
            return 0;
        }
        if (i + length > bytes.length) {
            return 0;
        }
        int rune = b & (0xff >> (length + 1));
        for (int k = 1; k < length; k++) {
            int next = bytes[i + k] & 0xff;
            if ((next & 0xc0) != 0x80) {
                return 0;
            }
            rune = (rune << 6) | (next & 0x3f);
        }
        if (rune < min || rune > 0x10ffff || (rune >= 0xd800 && rune <= 0xdfff)) {
            return 0;
        }
        return length;
    }
}
