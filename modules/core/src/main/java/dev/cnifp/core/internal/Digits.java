package dev.cnifp.core.internal;

/**
 * Decimal digit strings, checked by hand rather than with a stream or a regex, whose classes would cost a cold plugin
 * process on every call that parses a spec.
 */
public final class Digits {
    private Digits() {}

    /** Whether {@code text} is one or more ASCII digits. */
    public static boolean isDigits(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** {@code digits} without its leading zeros: empty when all are zeros. */
    public static String withoutLeadingZeros(String digits) {
        int first = 0;
        while (first < digits.length() && digits.charAt(first) == '0') {
            first++;
        }
        return digits.substring(first);
    }
}
