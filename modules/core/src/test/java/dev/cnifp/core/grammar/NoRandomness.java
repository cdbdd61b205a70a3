package dev.cnifp.core.grammar;

import java.util.random.RandomGenerator;

/** For specs without probabilities: fails the test if evaluation draws at all. */
final class NoRandomness implements RandomGenerator {
    @Override
    public long nextLong() {
        throw new AssertionError("a spec without probabilities drew a random number");
    }
}
