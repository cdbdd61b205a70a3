package dev.cnifp.core.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cnifp.core.spi.BoundAction;
import dev.cnifp.core.spi.FireContext;
import dev.cnifp.core.spi.InvalidArgumentException;
import dev.cnifp.core.spi.Outcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BuiltInActionsTest {

    private final List<Duration> sleeps = new ArrayList<>();
    private final FireContext context = new FireContext() {
        @Override
        public String point() {
            return "cmdDel";
        }

        @Override
        public void sleep(Duration duration) {
            sleeps.add(duration);
        }
    };

    @Test
    void offProceeds() throws Exception {
        var bound = new OffAction().bind(null);
        assertEquals(Optional.empty(), bound.argument());
        assertEquals(Outcome.PROCEED, bound.fire(context));
        assertThrows(InvalidArgumentException.class, () -> new OffAction().bind("x"));
    }

    @Test
    void errorFailsWithCode999() throws Exception {
        var bound = new ErrorAction().bind("no IP left");
        assertEquals(Optional.of("no IP left"), bound.argument());
        assertEquals(new Outcome.Fail(999, "no IP left", null), bound.fire(context));
        assertThrows(InvalidArgumentException.class, () -> new ErrorAction().bind(null));
    }

    @Test
    void panicPanicsWithTheMessage() throws Exception {
        assertEquals(new Outcome.Panic("oops"), new PanicAction().bind("oops").fire(context));
        assertThrows(InvalidArgumentException.class, () -> new PanicAction().bind(null));
    }

    @Test
    void everyBuiltInKnowsItsOutcomeBeforeFiringAndFiringReturnsIt() throws Exception {
        var bound = List.of(new OffAction().bind(null), new ErrorAction().bind("no IP left"),
                new PanicAction().bind("oops"), new DelayAction().bind("5"));
        var expected = List.of(Outcome.PROCEED, new Outcome.Fail(999, "no IP left", null), new Outcome.Panic("oops"),
                Outcome.PROCEED);
        for (int i = 0; i < bound.size(); i++) {
            assertEquals(Optional.of(expected.get(i)), bound.get(i).knownOutcome(), "known outcome of " + i);
            assertEquals(expected.get(i), bound.get(i).fire(context), "fired outcome of " + i);
        }
    }

    @Test
    void anActionThatDoesNotSayHasNoKnownOutcome() {
        BoundAction silent = new BoundAction() {
            @Override
            public Optional<String> argument() {
                return Optional.empty();
            }

            @Override
            public Outcome fire(FireContext fireContext) {
                return Outcome.PROCEED;
            }
        };
        assertEquals(Optional.empty(), silent.knownOutcome());
    }

    @Test
    void delaySleepsThroughTheContextThenProceeds() throws Exception {
        var bound = new DelayAction().bind("0250");
        assertEquals(Optional.of("250"), bound.argument());
        assertEquals(Outcome.PROCEED, bound.fire(context));
        assertEquals(List.of(Duration.ofMillis(250)), sleeps);
    }

    @Test
    void delayStopsWhereGoDurationWouldOverflow() throws Exception {
        assertEquals(Long.MAX_VALUE / 1_000_000, DelayAction.MAX_MILLIS);
        assertEquals(Optional.of("9223372036854"), new DelayAction().bind("9223372036854").argument());
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
                () -> new DelayAction().bind("9223372036855"));
        assertEquals("delay of 9223372036855 ms is too long: at most 9223372036854 ms (about 292 years),"
                + " the most Go's time.Duration holds", e.getMessage());
        assertThrows(InvalidArgumentException.class, () -> new DelayAction().bind("9".repeat(400)));
        assertThrows(InvalidArgumentException.class, () -> new DelayAction().bind(null));
        assertThrows(InvalidArgumentException.class, () -> new DelayAction().bind("-1"));
    }
}
