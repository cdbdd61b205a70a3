package dev.cnifp.core.actions;

import dev.cnifp.core.spi.ArgumentRule;
import dev.cnifp.core.spi.BoundAction;
import dev.cnifp.core.spi.FailpointAction;
import dev.cnifp.core.spi.FireContext;
import dev.cnifp.core.spi.InvalidArgumentException;
import dev.cnifp.core.spi.Outcome;
import java.util.Optional;

/** {@code off}: does nothing. With a count it still spends one, which lets a spec skip calls. */
public final class OffAction implements FailpointAction {

    @Override
    public String name() {
        return "off";
    }

    @Override
    public String description() {
        return "does nothing and lets the call carry on (with a count, skips that many calls)";
    }

    @Override
    public ArgumentRule argumentRule() {
        return ArgumentRule.NONE;
    }

    @Override
    public BoundAction bind(String argument) throws InvalidArgumentException {
        if (argument != null) {
            throw new InvalidArgumentException("off takes no argument");
        }
        return new Off();
    }

    private record Off() implements BoundAction {
        @Override
        public Optional<String> argument() {
            return Optional.empty();
        }

        @Override
        public Outcome fire(FireContext context) {
            return Outcome.PROCEED;
        }

        @Override
        public Optional<Outcome> knownOutcome() {
            return Optional.of(Outcome.PROCEED);
        }
    }
}
