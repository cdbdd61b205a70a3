package dev.cnifp.core.grammar;

import java.util.Objects;
import java.util.Optional;

/**
 * The result of evaluating a failpoint once.
 *
 * @param next the failpoint to keep: the selected term's count is one less, unless it is unlimited
 * @param fired the selected term as it was before its count was spent, or empty when nothing fires
 */
public record Step(Failpoint next, Optional<Term> fired) {

    public Step {
        Objects.requireNonNull(next, "next");
        Objects.requireNonNull(fired, "fired");
    }

    /** Whether {@link #next} differs from the failpoint evaluated, i.e. whether it needs saving. */
    public boolean changed() {
        return fired.isPresent() && fired.get().count().isPresent();
    }
}
