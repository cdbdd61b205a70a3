package dev.cnifp.cni;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

    /**
     * A fast generator seeded from the clock; no SecureRandom, which can block and costs start-up time. It is made on
     * the first draw: most failpoints have no probability, and their calls skip the seeding and its classes.
     */
    static RandomSource unseeded() {
        return () -> new RandomGenerator() {
            private RandomGenerator seeded;

            @Override
            public long nextLong() {
                if (seeded == null) {
                    seeded = new SplittableRandom(System.nanoTime() ^ (pid() * 0x9E3779B97F4A7C15L));
                }
                return seeded.nextLong();
            }
        };
    }

    /**
     * This process's id, read from {@code /proc/self}: {@code ProcessHandle.current()} would initialise the JDK's
     * process reaper (a thread pool: ~25 classes and ~0.8 ms in the cold, interpreted plugin), which only a call
     * that starts a process needs, not the failing ADD.
     */
    private static long pid() {
        try {
            return Long.parseLong(Files.readSymbolicLink(Path.of("/proc/self")).toString());
        } catch (IOException | RuntimeException e) {
            return ProcessHandle.current().pid();
        }
    }

    /** The same sequence on every call: for tests and replays. */
    static RandomSource seeded(long seed) {
        return () -> new SplittableRandom(seed);
    }
}
