package dev.cnifp.core.actions;

import dev.cnifp.core.spi.ArgumentRule;
import dev.cnifp.core.spi.BoundAction;
import dev.cnifp.core.spi.FailpointAction;
import dev.cnifp.core.spi.FireContext;
import dev.cnifp.core.spi.InvalidArgumentException;
import dev.cnifp.core.spi.Outcome;
import java.util.Optional;

/** {@code panic(message)}: asks the driver to end the process the way a Go program panics. */
public final class PanicAction implements FailpointAction {

    @Override
    public String name() {
        return "panic";
    }

    @Override
    public String description() {
        return "ends the process like a Go panic: \"panic: <argument>\" and a trace on stderr, exit code 2";
    }

    @Override
    public ArgumentRule argumentRule() {
        return ArgumentRule.REQUIRED;
    }

    @Override
    public BoundAction bind(String argument) throws InvalidArgumentException {
        if (argument == null || argument.isEmpty()) {
            throw new InvalidArgumentException("panic needs a message");
        }
        return new Panic(argument);
    }

    private record Panic(String message) implements BoundAction {
        @Override
        public Optional<String> argument() {
            return Optional.of(message);
        }

        @Override
        public Outcome fire(FireContext context) {
            return new Outcome.Panic(message);
        }
    }
}
