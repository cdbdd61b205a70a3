package dev.cnifp.examples.exit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cnifp.core.grammar.Failpoint;
import dev.cnifp.core.grammar.FailpointParser;
import dev.cnifp.core.grammar.FailpointSyntaxException;
import dev.cnifp.core.grammar.Step;
import dev.cnifp.core.registry.ActionRegistry;
import dev.cnifp.core.spi.FireContext;
import dev.cnifp.core.spi.Outcome;
import java.time.Duration;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The action as the plugin meets it: found by ServiceLoader in the boot layer, parsed, stepped and fired. */
class ExitActionTest {

    private static final FireContext CONTEXT = new FireContext() {
        @Override
        public String point() {
            return "cmdAdd";
        }

        @Override
        public void sleep(Duration duration) {
            throw new AssertionError("exit never sleeps");
        }
    };

    private final FailpointParser parser = new FailpointParser(ActionRegistry.fromBootLayer());

    @ParameterizedTest
    @CsvSource({"2*exit(3), 2*exit(3), 3", "1*exit(000), 1*exit(0), 0", "1*off->1*exit(0255), 1*off->1*exit(255), 255"})
    void aSpecIsNormalisedAndItsLastTermExitsWithTheStatus(String spec, String normalised, int status)
            throws Exception {
        Failpoint failpoint = parser.parse(spec);
        assertEquals(normalised, failpoint.marshal());

        Step step = failpoint.step(new SplittableRandom(1));
        while (!step.fired().orElseThrow().actionName().equals("exit")) {
            step = step.next().step(new SplittableRandom(1));
        }
        Outcome expected = new Outcome.Exit(status);
        assertEquals(expected, step.fired().get().fire(CONTEXT));
        assertEquals(Optional.of(expected), step.fired().get().action().knownOutcome());
    }

    @Test
    void aSpentExitStaysInTheSpecAndFiresNoMore() throws Exception {
        Step step = parser.parse("1*exit(7)").step(new SplittableRandom(1));
        assertEquals("0*exit(7)", step.next().marshal());
        assertEquals(Optional.empty(), step.next().step(new SplittableRandom(1)).fired());
    }

    @ParameterizedTest
    @ValueSource(strings = {"256", "1000", "-1", "x", "3.0", " 3"})
    void aStatusOutside0To255IsASyntaxErrorAtTheArgument(String argument) {
        String spec = "1*exit(" + argument + ")";
        FailpointSyntaxException e = assertThrows(FailpointSyntaxException.class, () -> parser.parse(spec));
        assertEquals("invalid failpoint \"" + spec + "\" at column 8: exit takes an exit status from 0 to 255, got \""
                + argument + "\"", e.getMessage());
    }

    @Test
    void exitWithoutAStatusIsRefusedByTheGrammar() {
        assertThrows(FailpointSyntaxException.class, () -> parser.parse("1*exit"));
    }
}
