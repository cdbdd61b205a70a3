package dev.cnifp.cni.state;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for the core grammar in these tests: spends one count of the first term of {@code N*x->M*y...} whose
 * count is not zero. Good enough for specs whose arguments contain no {@code ->}.
 */
final class CountedSpecs {
    private static final Pattern TERM = Pattern.compile("(\\d+)\\*(.+)");

    private CountedSpecs() {}

    /** The spec after one call, or the same spec when every count is zero. */
    static String spendOne(String spec) {
        String[] terms = spec.split("->", -1);
        for (int i = 0; i < terms.length; i++) {
            Matcher term = matchTerm(terms[i]);
            long count = Long.parseLong(term.group(1));
            if (count > 0) {
                terms[i] = (count - 1) + "*" + term.group(2);
                return String.join("->", terms);
            }
        }
        return spec;
    }

    /** The count of the first term. */
    static long firstCount(String spec) {
        return Long.parseLong(matchTerm(spec.split("->", -1)[0]).group(1));
    }

    private static Matcher matchTerm(String term) {
        Matcher matcher = TERM.matcher(term);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a counted term: " + term);
        }
        return matcher;
    }
}
