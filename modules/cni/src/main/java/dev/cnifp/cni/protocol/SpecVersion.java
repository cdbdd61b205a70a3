package dev.cnifp.cni.protocol;

import dev.cnifp.cni.json.GoQuote;

/**
 * A CNI version as the Go library's {@code version.ParseVersion} reads it for ordering: up to three dot-separated
 * integers ({@code strconv.Atoi}, so signs and leading zeros pass), missing parts 0, {@code ""} meaning 0.1.0.
 */
record SpecVersion(long major, long minor, long micro) implements Comparable<SpecVersion> {

    /** Thrown with the Go library's message, e.g. {@code invalid version "0.4.0.1": too many parts}. */
    static final class FormatException extends Exception {
        private static final long serialVersionUID = 1L;

        FormatException(String message) {
            super(message, null, false, false);
        }
    }

    static SpecVersion parse(String version) throws FormatException {
        if (version.isEmpty()) {
            return new SpecVersion(0, 1, 0);
        }
        String[] parts = version.split("\\.", -1);
        if (parts.length >= 4) {
            throw new FormatException("invalid version " + GoQuote.quote(version) + ": too many parts");
        }
        long major = part("major", parts[0]);
        long minor = parts.length >= 2 ? part("minor", parts[1]) : 0;
        long micro = parts.length >= 3 ? part("micro", parts[2]) : 0;
        return new SpecVersion(major, minor, micro);
    }

    /** Go's {@code version.GreaterThanOrEqualTo(version, other)}. */
    static boolean greaterThanOrEqual(String version, String other) throws FormatException {
        return parse(version).compareTo(parse(other)) >= 0;
    }

    private static long part(String which, String text) throws FormatException {
        try {
            return atoi(text);
        } catch (FormatException e) {
            throw new FormatException("failed to convert " + which + " version part " + GoQuote.quote(text) + ": "
                    + e.getMessage());
        }
    }

    private static boolean isDigits(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return !text.isEmpty();
    }

    /** Go's {@code strconv.Atoi} on a 64-bit platform, with its error text. */
    static long atoi(String text) throws FormatException {
        String digits = text.startsWith("+") || text.startsWith("-") ? text.substring(1) : text;
        if (!isDigits(digits)) {
            throw new FormatException("strconv.Atoi: parsing " + GoQuote.quote(text) + ": invalid syntax");
        }
        try {
            return Long.parseLong(text.startsWith("+") ? digits : text);
        } catch (NumberFormatException e) {
            throw new FormatException("strconv.Atoi: parsing " + GoQuote.quote(text) + ": value out of range");
        }
    }

    @Override
    public int compareTo(SpecVersion other) {
        int byMajor = Long.compare(major, other.major);
        if (byMajor != 0) {
            return byMajor;
        }
        int byMinor = Long.compare(minor, other.minor);
        return byMinor != 0 ? byMinor : Long.compare(micro, other.micro);
    }
}
