package dev.cnifp.core.actions;

import dev.cnifp.core.spi.ArgumentRule;
import dev.cnifp.core.spi.BoundAction;
import dev.cnifp.core.spi.FailpointAction;
import dev.cnifp.core.spi.FireContext;
import dev.cnifp.core.spi.InvalidArgumentException;
import dev.cnifp.core.spi.Outcome;
import java.util.Optional;

/** {@code error(message)}: fails the call with CNI error code 999, as containerd's plugin does. */
public final class ErrorAction implements FailpointAction {

    /** The code containerd's plugin always reports. */
    static final int CODE = 999;

    @Override
    public String name() {
        return "error";
    }

    @Override
    public String description() {
        return "fails the call with CNI error code 999 and the argument as its message";
    }

    @Override
    public ArgumentRule argumentRule() {
        return ArgumentRule.REQUIRED;
    }

    @Override
    public BoundAction bind(String argument) throws InvalidArgumentException {
        if (argument == null || argument.isEmpty()) {
            throw new InvalidArgumentException("error needs a message");
        }
        return new Error(argument);
    }

    private record Error(String message) implements BoundAction {
        @Override
        public Optional<String> argument() {
            return Optional.of(message);
        }

        @Override
        public Outcome fire(FireContext context) {
            return new Outcome.Fail(CODE, message, null);
        }
    }
}
