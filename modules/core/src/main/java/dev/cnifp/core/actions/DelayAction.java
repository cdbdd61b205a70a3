package dev.cnifp.core.actions;

import dev.cnifp.core.internal.Digits;
import dev.cnifp.core.spi.ArgumentRule;
import dev.cnifp.core.spi.BoundAction;
import dev.cnifp.core.spi.FailpointAction;
import dev.cnifp.core.spi.FireContext;
import dev.cnifp.core.spi.InvalidArgumentException;
import dev.cnifp.core.spi.Outcome;
import java.time.Duration;
import java.util.Optional;

/** {@code delay(ms)}: sleeps through the fire context, then lets the call carry on. */
public final class DelayAction implements FailpointAction {

    /**
     * The longest delay whose nanoseconds fit Go's {@code time.Duration}. Go's plugin writes a longer one back as
     * {@code delay(-1)}, which it can no longer parse; refusing it keeps our files readable by both.
     */
    public static final long MAX_MILLIS = Long.MAX_VALUE / 1_000_000;

    private static final int MAX_MILLIS_DIGITS = Long.toString(MAX_MILLIS).length();

    @Override
    public String name() {
        return "delay";
    }

    @Override
    public String description() {
        return "sleeps for the argument in milliseconds (a whole number), then lets the call carry on";
    }

    @Override
    public ArgumentRule argumentRule() {
        return ArgumentRule.REQUIRED;
    }

    @Override
    public BoundAction bind(String argument) throws InvalidArgumentException {
        if (!Digits.isDigits(argument)) {
            throw new InvalidArgumentException("delay takes a whole number of milliseconds, got \"%s\""
                    .formatted(argument == null ? "" : argument));
        }
        String digits = Digits.withoutLeadingZeros(argument);
        if (digits.isEmpty()) {
            return new Delay(0);
        }
        if (digits.length() > MAX_MILLIS_DIGITS || Long.parseLong(digits) > MAX_MILLIS) {
            throw new InvalidArgumentException(
                    "delay of %s ms is too long: at most %d ms (about 292 years), the most Go's time.Duration holds"
                            .formatted(digits, MAX_MILLIS));
        }
        return new Delay(Long.parseLong(digits));
    }

    private record Delay(long millis) implements BoundAction {
        @Override
        public Optional<String> argument() {
            return Optional.of(Long.toString(millis));
        }

        @Override
        public Outcome fire(FireContext context) throws InterruptedException {
            context.sleep(Duration.ofMillis(millis));
            return Outcome.PROCEED;
        }

        @Override
        public Optional<Outcome> knownOutcome() {
            return Optional.of(Outcome.PROCEED);
        }
    }
}
