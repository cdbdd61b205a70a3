package dev.cnifp.core.grammar;

import java.util.random.RandomGenerator;

/**
 * The chance that a term fires when evaluation reaches it, in millionths of a percent: {@code 12.5%} is
 * {@code 12_500_000}. Between 0 (exclusive) and 100% (inclusive), at most six decimals, as in FreeBSD fail(9).
 */
public record Probability(int millionths) {

    /** 100%, in millionths of a percent. */
    public static final int CERTAIN = 100_000_000;

    private static final int SCALE = 1_000_000;

    public Probability {
        if (millionths <= 0 || millionths > CERTAIN) {
            throw new IllegalArgumentException("a probability is more than 0% and at most 100%, got "
                    + millionths + " millionths of a percent");
        }
    }

    /** Whether this term fires on this evaluation; draws from {@code random} only when the outcome is uncertain. */
    boolean draw(RandomGenerator random) {
        return millionths == CERTAIN || random.nextInt(CERTAIN) < millionths;
    }

    /** The shortest decimal form with the percent sign, e.g. {@code 50%}, {@code 12.5%}, {@code 0.000001%}. */
    public String marshal() {
        int whole = millionths / SCALE;
        int fraction = millionths % SCALE;
        if (fraction == 0) {
            return whole + "%";
        }
        // Six digits, trailing zeros dropped; by hand, since a formatter and a regex would cost a cold process.
        String padded = Integer.toString(SCALE + fraction).substring(1);
        int end = padded.length();
        while (padded.charAt(end - 1) == '0') {
            end--;
        }
        return whole + "." + padded.substring(0, end) + "%";
    }

    @Override
    public String toString() {
        return marshal();
    }
}
