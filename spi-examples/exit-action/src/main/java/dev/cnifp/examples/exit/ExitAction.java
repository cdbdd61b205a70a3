package dev.cnifp.examples.exit;

import dev.cnifp.core.spi.ArgumentRule;
import dev.cnifp.core.spi.BoundAction;
import dev.cnifp.core.spi.FailpointAction;
import dev.cnifp.core.spi.FireContext;
import dev.cnifp.core.spi.InvalidArgumentException;
import dev.cnifp.core.spi.Outcome;
import java.util.Optional;

/**
 * {@code exit(CODE)}: ends the process with exit status CODE, 0 to 255, and no output.
 *
 * <p>The plugin makes every provider on every call, so nothing here costs anything until a spec names the action,
 * and {@code bind} checks digits by hand: {@code String.matches} or {@code formatted} would load the JDK's regex or
 * locale machinery (dozens of classes) into a process that lives some 30 ms.
 */
public final class ExitAction implements FailpointAction {

    /** The largest status a parent sees from {@code waitpid}: only the low 8 bits of an exit code survive. */
    public static final int MAX_STATUS = 255;

    @Override
    public String name() {
        return "exit";
    }

    @Override
    public String description() {
        return "ends the process at once with the argument as its exit status (0 to 255), printing nothing";
    }

    @Override
    public ArgumentRule argumentRule() {
        return ArgumentRule.REQUIRED;
    }

    @Override
    public BoundAction bind(String argument) throws InvalidArgumentException {
        int status = 0;
        for (int i = 0; i < argument.length(); i++) {
            char c = argument.charAt(i);
            if (c < '0' || c > '9' || (status = status * 10 + (c - '0')) > MAX_STATUS) {
                throw new InvalidArgumentException(
                        "exit takes an exit status from 0 to " + MAX_STATUS + ", got \"" + argument + "\"");
            }
        }
        return new Exit(status);
    }

    private record Exit(int status) implements BoundAction {
        @Override
        public Optional<String> argument() {
            return Optional.of(Integer.toString(status));
        }

        @Override
        public Outcome fire(FireContext context) {
            return new Outcome.Exit(status);
        }

        @Override
        public Optional<Outcome> knownOutcome() {
            return Optional.of(new Outcome.Exit(status));
        }
    }
}
