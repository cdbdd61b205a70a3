package dev.cnifp.core.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cnifp.core.registry.ActionRegistry;
import dev.cnifp.core.spi.Outcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every example of containerd's grammar (failpoint-anchors.md section 1). */
class ContainerdCompatibilityTest {

    private final FailpointParser parser = new FailpointParser(ActionRegistry.fromBootLayer());

    @ParameterizedTest
    @ValueSource(strings = {
        "5*off",
        "0*off",
        "10*error(oops)",
        "1000000*panic(oops)",
        "1000000*delay(1)",
        "13*delay(5)->10*off->1000*panic(oops)",
        "1*error(a->b)",
    })
    void validSpecMarshalsBackToItself(String spec) throws FailpointSyntaxException {
        assertEquals(spec, parser.parse(spec).marshal());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
        05*off                       | 5*off
        0000*off                     | 0*off
        1*delay(007)                 | 1*delay(7)
        1*delay(0)                   | 1*delay(0)
        007*error(0042)              | 7*error(0042)
        01*off->002*panic(x)         | 1*off->2*panic(x)
        """)
    void leadingZerosAreDroppedFromNumbersButNotFromMessages(String spec, String marshalled)
            throws FailpointSyntaxException {
        assertEquals(marshalled, parser.parse(spec).marshal());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
        5                      |  2 | expected "*" or "%" after the number 5, found end of input
        *off()                 |  1 | expected a count (N*), a probability (P%) or an action name, found "*"
        5*off()                |  6 | action "off" takes no argument
        5*off(nothing)         |  6 | action "off" takes no argument
        5*off(                 |  6 | action "off" takes no argument
        10000error(oops)       |  6 | expected "*" or "%" after the number 10000, found "e"
        1234*error(oops))      | 17 | expected "->" or end of input, found ")"
        12342*error()          | 13 | action "error" needs a non-empty argument
        1panic(oops)           |  2 | expected "*" or "%" after the number 1, found "p"
        12345*panic(oops))     | 18 | expected "->" or end of input, found ")"
        12*panic()             | 10 | action "panic" needs a non-empty argument
        1*delay(oops)          |  9 | delay takes a whole number of milliseconds, got "oops"
        1000000*delay(-1)      | 15 | delay takes a whole number of milliseconds, got "-1"
        1*delay(1.5)           |  9 | delay takes a whole number of milliseconds, got "1.5"
        1*delay(1)-            | 11 | expected "->" or end of input, found "-"
        10*delay(2)->          | 14 | expected a term after "->", found end of input
        11*delay(3)->10*off(   | 20 | action "off" takes no argument
        12*delay(4)->10*of     | 17 | unknown action "of" (known: delay, error, off, panic)
        """)
    void invalidSpecSaysWhereAndWhat(String spec, int column, String reason) {
        FailpointSyntaxException e = assertThrows(FailpointSyntaxException.class, () -> parser.parse(spec));
        assertEquals(spec, e.input());
        assertEquals(column, e.column());
        assertEquals(reason, e.reason());
        assertEquals("invalid failpoint \"%s\" at column %d: %s".formatted(spec, column, reason), e.getMessage());
    }

    @Test
    void emptySpecIsInvalid() {
        FailpointSyntaxException e = assertThrows(FailpointSyntaxException.class, () -> parser.parse(""));
        assertEquals(1, e.column());
    }

    @Test
    void unknownActionListsTheKnownOnes() {
        FailpointSyntaxException e = assertThrows(FailpointSyntaxException.class, () -> parser.parse("1*eror(x)"));
        assertEquals("invalid failpoint \"1*eror(x)\" at column 3: unknown action \"eror\" "
                + "(known: delay, error, off, panic)", e.getMessage());
    }

    @Test
    void exampleSequenceFiresErrorNothingSleepPanicThenNothing() throws Exception {
        FailpointSwitch point =
                new FailpointSwitch(parser.parse("1*error(oops-)->1*off->1*delay(1000)->1*panic(panic)"));
        RecordingContext context = new RecordingContext();
        RandomGenerator unused = new NoRandomness();

        List<Outcome> outcomes = new ArrayList<>();
        for (int call = 0; call < 6; call++) {
            outcomes.add(point.fire(unused, context));
        }

        assertEquals(List.of(new Outcome.Fail(999, "oops-", null), Outcome.PROCEED, Outcome.PROCEED,
                new Outcome.Panic("panic"), Outcome.PROCEED, Outcome.PROCEED), outcomes);
        assertEquals(List.of(Duration.ofSeconds(1)), context.sleeps());
        assertEquals("0*error(oops-)->0*off->0*delay(1000)->0*panic(panic)", point.current().marshal());
        assertEquals(true, point.current().exhausted());
    }

    @Test
    void eachStepSpendsOneCountOfTheFirstLiveTerm() throws FailpointSyntaxException {
        Failpoint failpoint = parser.parse("1*error(oops-)->1*off->1*delay(1000)->1*panic(panic)");
        List<String> states = new ArrayList<>();
        List<Optional<String>> fired = new ArrayList<>();
        for (int call = 0; call < 5; call++) {
            Step step = failpoint.step(new NoRandomness());
            failpoint = step.next();
            states.add(failpoint.marshal());
            fired.add(step.fired().map(Term::actionName));
        }
        assertEquals(List.of(
                "0*error(oops-)->1*off->1*delay(1000)->1*panic(panic)",
                "0*error(oops-)->0*off->1*delay(1000)->1*panic(panic)",
                "0*error(oops-)->0*off->0*delay(1000)->1*panic(panic)",
                "0*error(oops-)->0*off->0*delay(1000)->0*panic(panic)",
                "0*error(oops-)->0*off->0*delay(1000)->0*panic(panic)"), states);
        assertEquals(List.of(Optional.of("error"), Optional.of("off"), Optional.of("delay"), Optional.of("panic"),
                Optional.empty()), fired);
    }
}
