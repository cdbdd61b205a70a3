package dev.cnifp.core.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cnifp.core.registry.ActionRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProbabilityTest {

    private final FailpointParser parser = new FailpointParser(ActionRegistry.fromBootLayer());

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        100000000 | 100%
        50000000  | 50%
        12500000  | 12.5%
        1         | 0.000001%
        1000000   | 1%
        99999999  | 99.999999%
        10        | 0.00001%
        """)
    void marshalsInShortestDecimalForm(int millionths, String text) {
        assertEquals(text, new Probability(millionths).marshal());
    }

    @Test
    void outOfRangeIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Probability(0));
        assertThrows(IllegalArgumentException.class, () -> new Probability(-1));
        assertThrows(IllegalArgumentException.class, () -> new Probability(Probability.CERTAIN + 1));
    }

    @Test
    void termSkippedByChanceFallsThroughAndSpendsNoCount() throws FailpointSyntaxException {
        Failpoint failpoint = parser.parse("50%3*error(coin)->2*off");
        Step step = failpoint.step(new FixedDraws(60_000_000)); // 60% >= 50%: skipped
        assertEquals("off", step.fired().orElseThrow().actionName());
        assertEquals("50%3*error(coin)->1*off", step.next().marshal());

        step = step.next().step(new FixedDraws(49_999_999)); // below 50%: fires
        assertEquals("error", step.fired().orElseThrow().actionName());
        assertEquals("50%2*error(coin)->1*off", step.next().marshal());
    }

    @Test
    void skippedLastTermFiresNothing() throws FailpointSyntaxException {
        Failpoint failpoint = parser.parse("0.000001%panic(x)");
        Step step = failpoint.step(new FixedDraws(1));
        assertEquals(Optional.empty(), step.fired());
        assertEquals(failpoint, step.next());
        assertEquals("panic", failpoint.step(new FixedDraws(0)).fired().orElseThrow().actionName());
    }

    @Test
    void certainAndSpentTermsDrawNothing() throws FailpointSyntaxException {
        Step step = parser.parse("50%0*off->100%1*error(x)").step(new NoRandomness());
        assertEquals("error", step.fired().orElseThrow().actionName());
    }

    @Test
    void sameSeedGivesTheSameRun() throws FailpointSyntaxException {
        Failpoint failpoint = parser.parse("30%error(a)->50%5*panic(b)->delay(1)");
        assertEquals(run(failpoint, 42), run(failpoint, 42));
        assertNotEquals(run(failpoint, 42), run(failpoint, 43));
    }

    @Test
    void frequencyFollowsTheProbability() throws FailpointSyntaxException {
        Failpoint failpoint = parser.parse("25%error(x)");
        RandomGenerator random = java.util.random.RandomGeneratorFactory.of("L64X128MixRandom").create(7);
        int fired = 0;
        for (int i = 0; i < 100_000; i++) {
            fired += failpoint.step(random).fired().isPresent() ? 1 : 0;
        }
        assertTrue(fired > 24_000 && fired < 26_000, "fired " + fired + " times of 100000 at 25%");
    }

    private static List<String> run(Failpoint failpoint, long seed) {
        RandomGenerator random = java.util.random.RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
        List<String> fired = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Step step = failpoint.step(random);
            failpoint = step.next();
            fired.add(step.fired().map(Term::actionName).orElse("-"));
        }
        return fired;
    }

    /** Returns the given values, in turn, from nextInt(bound). */
    private static final class FixedDraws implements RandomGenerator {
        private final int[] draws;
        private int next;

        FixedDraws(int... draws) {
            this.draws = draws;
        }

        @Override
        public int nextInt(int bound) {
            assertEquals(Probability.CERTAIN, bound);
            return draws[next++];
        }

        @Override
        public long nextLong() {
            throw new AssertionError("unexpected draw");
        }
    }
}
