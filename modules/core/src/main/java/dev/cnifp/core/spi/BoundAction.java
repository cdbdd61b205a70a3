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
}
