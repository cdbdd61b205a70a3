package dev.cnifp.core.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
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
import java.util.function.Supplier;
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
        BrokenActionException e = assertThrows(BrokenActionException.class, () -> parser.parse("1*wrap(x)"));
        assertEquals("action \"wrap\" from " + origin(TestAction.class) + " breaks the FailpointAction contract: action "
                + "wrap normalised its argument to \"(x)\", which cannot be written back: it must be non-empty and "
                + "without \")\"", e.getMessage());
    }

    @Test
    void inventedOrDroppedArgumentIsTheActionsBug() {
        FailpointParser inventing = parserOf(new TestAction("invent", ArgumentRule.OPTIONAL, arg -> Optional.of("x")));
        assertEquals("action \"invent\" from " + origin(TestAction.class) + " breaks the FailpointAction contract: "
                + "bind invented an argument where none was written",
                assertThrows(BrokenActionException.class, () -> inventing.parse("invent")).getMessage());
        FailpointParser dropping = parserOf(new TestAction("drop", ArgumentRule.REQUIRED, arg -> Optional.empty()));
        assertEquals("action \"drop\" from " + origin(TestAction.class) + " breaks the FailpointAction contract: "
                + "bind dropped the argument \"x\"",
                assertThrows(BrokenActionException.class, () -> dropping.parse("drop(x)")).getMessage());
    }

    @Test
    void anActionThatThrowsWhileBindingIsNamed() {
        IllegalStateException bug = new IllegalStateException("no config");
        FailpointParser parser = parserOf(new TestAction("boom", ArgumentRule.OPTIONAL, arg -> {
            throw bug;
        }));
        BrokenActionException e = assertThrows(BrokenActionException.class, () -> parser.parse("1*boom->boom(x)"));
        assertEquals("action \"boom\" from " + origin(TestAction.class) + " failed to bind no argument: " + bug,
                e.getMessage());
        assertSame(bug, e.getCause());
    }

    @Test
    void anActionThatThrowsOrAnswersNullWhenFiredIsNamed() throws Exception {
        Term throwing = termOf(new FixedAction("boom", () -> {
            throw new IllegalStateException("fire");
        }, Optional::empty));
        assertEquals("action \"boom\" from " + origin(FixedAction.Bound.class)
                        + " failed to fire: java.lang.IllegalStateException: fire",
                assertThrows(BrokenActionException.class, () -> throwing.fire(new RecordingContext())).getMessage());

        Term silent = termOf(new FixedAction("mute", () -> null, Optional::empty));
        assertEquals("action \"mute\" from " + origin(FixedAction.Bound.class) + " returned no outcome",
                assertThrows(BrokenActionException.class, () -> silent.fire(new RecordingContext())).getMessage());
    }

    @Test
    void aKnownOutcomeThatThrowsOrIsNullIsNoHint() throws Exception {
        Supplier<Optional<Outcome>> throwing = () -> {
            throw new IllegalStateException("hint");
        };
        assertEquals(Optional.empty(), termOf(new FixedAction("a", () -> Outcome.PROCEED, throwing)).knownOutcome());
        assertEquals(Optional.empty(), termOf(new FixedAction("a", () -> Outcome.PROCEED, () -> null)).knownOutcome());
        assertEquals(Optional.of(Outcome.PROCEED),
                termOf(new FixedAction("a", () -> Outcome.PROCEED, () -> Optional.of(Outcome.PROCEED))).knownOutcome());
    }

    @Test
    void outcomesOutsideWhatAProcessCanSayAreRefused() {
        assertEquals("an exit status is 0 to 255, got 256",
                assertThrows(IllegalArgumentException.class, () -> new Outcome.Exit(256)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Outcome.Exit(-1));
        assertEquals(255, new Outcome.Exit(255).status());
        assertEquals(0, new Outcome.Exit(0).status());
        assertEquals("an error code is never negative, got -1",
                assertThrows(IllegalArgumentException.class, () -> new Outcome.Fail(-1, "x", null)).getMessage());
        assertEquals(0, new Outcome.Fail(0, "x", null).code());
    }

    @Test
    void argumentStartingWithAClosingParenthesisIsTheActionsBug() {
        FailpointParser parser = parserOf(new TestAction("lead", ArgumentRule.REQUIRED, arg -> Optional.of(")" + arg)));
        BrokenActionException e = assertThrows(BrokenActionException.class, () -> parser.parse("1*lead(x)"));
        assertTrue(e.getMessage().endsWith("normalised its argument to \")x\", which cannot be written back: it must be "
                + "non-empty and without \")\""), e.getMessage());
    }

    @Test
    void namesMayUseEveryAsciiLetterFromAToZInBothCases() throws FailpointSyntaxException {
        FailpointParser parser = parserOf(new TestAction("AZaz", ArgumentRule.NONE, Optional::ofNullable),
                new TestAction("Za", ArgumentRule.NONE, Optional::ofNullable),
                new TestAction("zA", ArgumentRule.NONE, Optional::ofNullable),
                new TestAction("aZ", ArgumentRule.NONE, Optional::ofNullable));
        assertEquals("AZaz->Za->2*zA->aZ", parser.parse("AZaz->Za->2*zA->aZ").marshal());
    }

    private static Term termOf(FailpointAction action) throws FailpointSyntaxException {
        return parserOf(action).parse(action.name()).terms().getFirst();
    }

    private static String origin(Class<?> provider) {
        Module module = provider.getModule();
        return (module.isNamed() ? "module " + module.getName() : "the class path") + " (" + provider.getName() + ")";
    }

    private static FailpointParser parserOf(FailpointAction... actions) {
        return new FailpointParser(ActionRegistry.of(List.of(actions)));
    }

    /** An action without argument whose bound action fires and hints what the suppliers give. */
    private record FixedAction(String name, Supplier<Outcome> fired, Supplier<Optional<Outcome>> known)
            implements FailpointAction {
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
            return new Bound(this);
        }

        record Bound(FixedAction action) implements BoundAction {
            @Override
            public Optional<String> argument() {
                return Optional.empty();
            }

            @Override
            public Outcome fire(FireContext context) {
                return action.fired.get();
            }

            @Override
            public Optional<Outcome> knownOutcome() {
                return action.known.get();
            }
        }
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
