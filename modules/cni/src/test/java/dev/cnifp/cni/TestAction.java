package dev.cnifp.cni;

import dev.cnifp.core.spi.ArgumentRule;
import dev.cnifp.core.spi.BoundAction;
import dev.cnifp.core.spi.FailpointAction;
import dev.cnifp.core.spi.FireContext;
import dev.cnifp.core.spi.Outcome;
import java.util.List;
import java.util.Optional;

/**
 * An action outside the built-in set, to reach the outcomes none of them produce. Like a third-party action that
 * does not override {@link BoundAction#knownOutcome}, only firing tells what it does.
 *
 * @param fired the point of every firing, in order
 */
record TestAction(String name, Outcome outcome, List<String> fired) implements FailpointAction {
    @Override
    public String description() {
        return "test";
    }

    @Override
    public ArgumentRule argumentRule() {
        return ArgumentRule.NONE;
    }

    @Override
    public BoundAction bind(String argument) {
        return new BoundAction() {
            @Override
            public Optional<String> argument() {
                return Optional.empty();
            }

            @Override
            public Outcome fire(FireContext context) {
                fired.add(context.point());
                return outcome;
            }
        };
    }
}
