package dev.cnifp.core.grammar;

import dev.cnifp.core.spi.FireContext;
import dev.cnifp.core.spi.Outcome;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.random.RandomGenerator;

/**
 * A failpoint held in memory and shared between threads. Selecting a term and spending its count happen under a
 * lock; the action fires outside it, so a delay never blocks other evaluations.
 */
public final class FailpointSwitch {

    private final Lock lock = new ReentrantLock();
    private Failpoint current;

    public FailpointSwitch(Failpoint initial) {
        this.current = Objects.requireNonNull(initial, "initial");
    }

    /**
     * Selects a term and spends one of its count, atomically. The caller fires the returned term outside any lock.
     * {@code random} is only used under the lock, so it need not be thread-safe.
     */
    public Optional<Term> evaluate(RandomGenerator random) {
        lock.lock();
        try {
            Step step = current.step(random);
            current = step.next();
            return step.fired();
        } finally {
            lock.unlock();
        }
    }

    /** {@link #evaluate}s, then fires the selected term outside the lock; {@link Outcome#PROCEED} when none. */
    public Outcome fire(RandomGenerator random, FireContext context) throws InterruptedException {
        Optional<Term> term = evaluate(random);
        return term.isPresent() ? term.get().fire(context) : Outcome.PROCEED;
    }

    /** The failpoint as it is now. */
    public Failpoint current() {
        lock.lock();
        try {
            return current;
        } finally {
            lock.unlock();
        }
    }

    /** Replaces the failpoint, e.g. when a test reconfigures it. */
    public void set(Failpoint failpoint) {
        Objects.requireNonNull(failpoint, "failpoint");
        lock.lock();
        try {
            current = failpoint;
        } finally {
            lock.unlock();
        }
    }
}
