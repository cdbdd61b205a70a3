package dev.cnifp.cni;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** The generators behind {@code P%} terms: the lazily seeded one still draws every value, and calls differ. */
class RandomSourceTest {

    @Test
    void unseededGeneratorCoversTheRangeOfAPercentageDraw() {
        RandomGenerator generator = RandomSource.unseeded().generator();
        boolean[] drawn = new boolean[100];
        int distinct = 0;
        for (int i = 0; i < 20_000 && distinct < 100; i++) {
            int value = generator.nextInt(100);
            if (!drawn[value]) {
                drawn[value] = true;
                distinct++;
            }
        }
        assertEquals(100, distinct);
    }

    @Test
    void eachCallGetsItsOwnSequence() {
        long first = RandomSource.unseeded().generator().nextLong();
        long second = RandomSource.unseeded().generator().nextLong();
        assertNotEquals(first, second);
    }

    @Test
    void seededSourceRepeatsItsSequence() {
        RandomSource source = RandomSource.seeded(42);
        assertEquals(source.generator().nextLong(), source.generator().nextLong());
    }
}
