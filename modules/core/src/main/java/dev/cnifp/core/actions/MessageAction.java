package dev.cnifp.core.actions;

import dev.cnifp.core.spi.ArgumentRule;
import dev.cnifp.core.spi.BoundAction;
import dev.cnifp.core.spi.FailpointAction;
import dev.cnifp.core.spi.FireContext;
import dev.cnifp.core.spi.InvalidArgumentException;
import dev.cnifp.core.spi.Outcome;
import java.util.Optional;
import java.util.function.Function;

/** An action written {@code name(message)} whose outcome is made from the message: {@code error} and {@code panic}. */
abstract class MessageAction implements FailpointAction {
    private final String name;
    private final String description;
    private final Function<String, Outcome> outcome;

    MessageAction(String name, String description, Function<String, Outcome> outcome) {
        this.name = name;
        this.description = description;
        this.outcome = outcome;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final ArgumentRule argumentRule() {
        return ArgumentRule.REQUIRED;
    }

    @Override
    public final BoundAction bind(String argument) throws InvalidArgumentException {
        if (argument == null || argument.isEmpty()) {
            throw new InvalidArgumentException(name + " needs a message");
        }
        return new Message(argument, outcome.apply(argument));
    }

    /** The outcome is made once, at bind time: firing allocates nothing and cannot fail. */
    private record Message(String message, Outcome outcome) implements BoundAction {
        @Override
        public Optional<String> argument() {
            return Optional.of(message);
        }

        @Override
        public Outcome fire(FireContext context) {
            return outcome;
        }

        @Override
        public Optional<Outcome> knownOutcome() {
            return Optional.of(outcome);
        }
    }
}
