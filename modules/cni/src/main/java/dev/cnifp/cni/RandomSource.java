package dev.cnifp.cni;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * The randomness for failpoint probabilities ({@code 25%1*error(x)}). One generator per call.
 *
 * <p>This is the place for replayable runs: a seed kept in the failpoint file would be read here (and advanced)
 * while the file is locked, instead of the fresh seed below.
 */
@FunctionalInterface
public interface RandomSource {

    RandomGenerator generator();

    /** A fast generator seeded from the clock; no SecureRandom, which can block and costs start-up time. */
    static RandomSource unseeded() {
        return () -> new SplittableRandom(System.nanoTime() ^ (ProcessHandle.current().pid() * 0x9E3779B97F4A7C15L));
    }

    /** The same sequence on every call: for tests and replays. */
    static RandomSource seeded(long seed) {
        return () -> new SplittableRandom(seed);
    }
}
