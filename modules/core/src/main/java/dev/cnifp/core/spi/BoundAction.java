package dev.cnifp.core.spi;

import java.util.Optional;

/**
 * An action with its validated argument: immutable, safe to fire from any thread and any number of times.
 * Two bound actions of the same action with the same {@link #argument()} must behave the same.
 */
public interface BoundAction {

    /** The normalised argument as it is written back into a spec, or empty when the action takes none. */
    Optional<String> argument();

    /**
     * Does what the action does. Called outside any lock the core holds. Blocking actions (a delay) sleep through
     * {@link FireContext#sleep} so that callers and tests control time.
     */
    Outcome fire(FireContext context) throws InterruptedException;

    /**
     * The outcome {@link #fire} returns, when the bound action knows it without firing; empty, the default, when
     * only firing can tell. Worth overriding when the outcome is fixed at bind time: {@code error(msg)} always fails,
     * {@code off} always proceeds, a delay proceeds once it has slept.
     *
     * <p>A hint, never a substitute for firing: drivers still call {@link #fire} and act on what it returns. The CNI
     * plugin uses it to prepare its delegation only for a call that may go on to its delegate, so a wrong answer
     * costs a call some speed, never its result.
     */
    default Optional<Outcome> knownOutcome() {
        return Optional.empty();
    }
}
