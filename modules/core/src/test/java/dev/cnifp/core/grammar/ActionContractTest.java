package dev.cnifp.core.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cnifp.core.registry.ActionRegistry;
import dev.cnifp.core.spi.ArgumentRule;
import dev.cnifp.core.spi.BoundAction;
import dev.cnifp.core.spi.FailpointAction;
import dev.cnifp.core.spi.FireContext;
import dev.cnifp.core.spi.Outcome;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The parser gives any action the whole grammar, and refuses actions that would break the round trip. */
class ActionContractTest {

    @Test
    void optionalArgumentIsAcceptedWithAndWithoutParentheses() throws FailpointSyntaxException {
        FailpointParser parser = parserOf(new TestAction("knock", ArgumentRule.OPTIONAL, Optional::ofNullable));
        assertEquals("knock->2*knock(twice)->50%knock", parser.parse("knock->2*knock(twice)->50%knock").marshal());
        FailpointSyntaxException e = assertThrows(FailpointSyntaxException.class, () -> parser.parse("knock()"));
        assertEquals("action \"knock\" needs a non-empty argument", e.reason());
    }

    @Test
    void boundActionsWithoutEqualsStillRoundTrip() throws FailpointSyntaxException {
        FailpointParser parser = parserOf(new TestAction("knock", ArgumentRule.REQUIRED, Optional::ofNullable));
        Failpoint failpoint = parser.parse("3*knock(a(b)->knock(c)");
        assertEquals(failpoint, parser.parse(failpoint.marshal()));
    }

    @Test
    void argumentThatCannotBeWrittenBackIsTheActionsBug() {
        FailpointParser parser = parserOf(new TestAction("wrap", ArgumentRule.REQUIRED, arg -> Optional.of("(" + arg + ")")));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> parser.parse("1*wrap(x)"));
        assertTrue(e.getMessage().startsWith("action \"wrap\" (" + TestAction.class.getName()), e.getMessage());
    }

    @Test
    void inventedOrDroppedArgumentIsTheActionsBug() {
        FailpointParser inventing = parserOf(new TestAction("invent", ArgumentRule.OPTIONAL, arg -> Optional.of("x")));
        assertThrows(IllegalStateException.class, () -> inventing.parse("invent"));
        FailpointParser dropping = parserOf(new TestAction("drop", ArgumentRule.REQUIRED, arg -> Optional.empty()));
        assertThrows(IllegalStateException.class, () -> dropping.parse("drop(x)"));
    }

    private static FailpointParser parserOf(FailpointAction action) {
        return new FailpointParser(ActionRegistry.of(List.of(action)));
    }

    /** An action whose bound argument is {@code normalise} applied to the written one (null when none). */
    private record TestAction(String name, ArgumentRule argumentRule, Function<String, Optional<String>> normalise)
            implements FailpointAction {
        @Override
        public String description() {
            return "test";
        }

        @Override
        public BoundAction bind(String argument) {
            Optional<String> bound = normalise.apply(argument);
            return new BoundAction() {
                @Override
                public Optional<String> argument() {
                    return bound;
                }

                @Override
                public Outcome fire(FireContext context) {
                    return Outcome.PROCEED;
                }
            };
        }
    }
}
