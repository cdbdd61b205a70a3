package dev.cnifp.core.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cnifp.core.registry.ActionRegistry;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What we accept beyond containerd: optional counts, probabilities, and the exact syntax errors. */
class SupersetGrammarTest {

    private final FailpointParser parser = new FailpointParser(ActionRegistry.fromBootLayer());

    @ParameterizedTest
    @ValueSource(strings = {
        "off",
        "error(boom)",
        "delay(10)->panic(x)",
        "50%off",
        "100%error(x)",
        "12.5%3*delay(10)",
        "0.000001%panic(rare)",
        "99.999999%0*off",
        "1*error(a(b)",
        "1*error( spaces inside are fine )",
        "1*error(ünïcödé 😀 ->)",
        "9223372036854775807*off",
        "1*delay(9223372036854)",
        "off->error(x)->1%off",
    })
    void marshalsBackToItself(String spec) throws FailpointSyntaxException {
        assertEquals(spec, parser.parse(spec).marshal());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        050%off            | 50%off
        12.500000%off      | 12.5%off
        100.000000%off     | 100%off
        0.100%off          | 0.1%off
        00.000001%off      | 0.000001%off
        0100%off           | 100%off
        000099.5%off       | 99.5%off
        """)
    void probabilityMarshalsInShortestForm(String spec, String marshalled) throws FailpointSyntaxException {
        assertEquals(marshalled, parser.parse(spec).marshal());
    }

    @Test
    void termsKeepTheirParts() throws FailpointSyntaxException {
        Term term = parser.parse("12.5%3*delay(0010)").terms().getFirst();
        assertEquals(Optional.of(new Probability(12_500_000)), term.probability());
        assertEquals(OptionalLong.of(3), term.count());
        assertEquals("delay", term.actionName());
        assertEquals(Optional.of("10"), term.action().argument());

        Term plain = parser.parse("off").terms().getFirst();
        assertEquals(Optional.empty(), plain.probability());
        assertEquals(OptionalLong.empty(), plain.count());
        assertEquals(Optional.empty(), plain.action().argument());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
        '  5*off'                   |  1 | expected a count (N*), a probability (P%) or an action name, found whitespace " " (none is allowed)
        '5*off-> off'               |  8 | expected a count (N*), a probability (P%) or an action name, found whitespace " " (none is allowed)
        Off                         |  1 | unknown action "Off" (known: delay, error, off, panic)
        5*OFF                       |  3 | unknown action "OFF" (known: delay, error, off, panic)
        1*error                     |  8 | action "error" needs an argument in parentheses, e.g. error(...), found end of input
        1*error(abc                 |  8 | "(" is never closed: expected ")" before the end of input
        1*delay                     |  8 | action "delay" needs an argument in parentheses, e.g. delay(...), found end of input
        1*off!                      |  6 | expected "->" or end of input, found "!"
        1*off->->off                |  8 | expected a count (N*), a probability (P%) or an action name, found "-"
        ->off                       |  1 | expected a count (N*), a probability (P%) or an action name, found "-"
        -1*off                      |  1 | expected a count (N*), a probability (P%) or an action name, found "-"
        +1*off                      |  1 | expected a count (N*), a probability (P%) or an action name, found "+"
        1**off                      |  3 | expected an action name, found "*"
        1*2*off                     |  3 | expected an action name, found "2"
        5*50%off                    |  3 | expected an action name, found "5"
        50%5%off                    |  5 | expected "*" after the count 5, found "%"
        50%                         |  4 | expected an action name, found end of input
        0%off                       |  1 | probability 0% is out of range: more than 0% and at most 100% expected
        0.0000000%off               |  1 | probability 0.0000000% has more than 6 decimals
        000.000000%off              |  1 | probability 000.000000% is out of range: more than 0% and at most 100% expected
        100.000001%off              |  1 | probability 100.000001% is out of range: more than 0% and at most 100% expected
        1000%off                    |  1 | probability 1000% is out of range: more than 0% and at most 100% expected
        99999999999999999999%off    |  1 | probability 99999999999999999999% is out of range: more than 0% and at most 100% expected
        1.1234567%off               |  1 | probability 1.1234567% has more than 6 decimals
        1.%off                      |  3 | expected digits after ".", found "%"
        1.5*off                     |  4 | expected "%" after the probability 1.5, found "*"
        .5%off                      |  1 | expected a count (N*), a probability (P%) or an action name, found "."
        9223372036854775808*off     |  1 | count 9223372036854775808 does not fit in a signed 64-bit integer (at most 9223372036854775807)
        1*delay(9223372036855)      |  9 | delay of 9223372036855 ms is too long: at most 9223372036854 ms (about 292 years), the most Go's time.Duration holds
        1*delay(9223372036854775807) | 9 | delay of 9223372036854775807 ms is too long: at most 9223372036854 ms (about 292 years), the most Go's time.Duration holds
        1*delay(+5)                 |  9 | delay takes a whole number of milliseconds, got "+5"
        1*delay(٣)                  |  9 | delay takes a whole number of milliseconds, got "٣"
        ٣*off                       |  1 | expected a count (N*), a probability (P%) or an action name, found "٣"
        😀*off                      |  1 | expected a count (N*), a probability (P%) or an action name, found "😀"
        1*error(😀)😀               | 11 | expected "->" or end of input, found "😀"
        1*error(😀)->1*érror(x)     | 15 | expected an action name, found "é"
        """)
    void syntaxErrorSaysWhereAndWhat(String spec, int column, String reason) {
        FailpointSyntaxException e = assertThrows(FailpointSyntaxException.class, () -> parser.parse(spec));
        assertEquals(reason, e.reason());
        assertEquals(column, e.column());
    }

    @Test
    void leadingZerosDoNotCountTowardsTheLimitOfACount() throws FailpointSyntaxException {
        assertEquals("9223372036854775807*off", parser.parse("00009223372036854775807*off").marshal());
        assertEquals("0*off", parser.parse("0000000000000000000000*off").marshal());
    }

    @Test
    void delayAtTheGoLimitIsAccepted() throws FailpointSyntaxException {
        assertEquals("1*delay(9223372036854)", parser.parse("1*delay(000009223372036854)").marshal());
    }

    @Test
    void unlimitedTermIsNeverExhaustedNorDecremented() throws FailpointSyntaxException {
        Failpoint failpoint = parser.parse("error(x)");
        Step step = failpoint.step(new NoRandomness());
        assertEquals(failpoint, step.next());
        assertFalse(step.changed());
        assertEquals("error", step.fired().orElseThrow().actionName());
        assertFalse(failpoint.exhausted());
    }

    @Test
    void countedStepChangesTheFailpoint() throws FailpointSyntaxException {
        Step step = parser.parse("2*off->error(x)").step(new NoRandomness());
        assertTrue(step.changed());
        assertEquals("2*off", step.fired().orElseThrow().marshal());
        assertEquals("1*off->error(x)", step.next().marshal());
    }

    @Test
    void exhaustedSpecDoesNothingAndStaysTheSame() throws FailpointSyntaxException {
        Failpoint failpoint = parser.parse("0*error(x)->0*panic(y)");
        assertTrue(failpoint.exhausted());
        Step step = failpoint.step(new NoRandomness());
        assertEquals(Optional.empty(), step.fired());
        assertFalse(step.changed());
        assertEquals(failpoint, step.next());
    }

    @Test
    void termsAreEqualByMarshalledForm() throws FailpointSyntaxException {
        assertEquals(parser.parse("05*delay(007)"), parser.parse("5*delay(7)"));
        assertEquals(parser.parse("05*delay(007)").hashCode(), parser.parse("5*delay(7)").hashCode());
        assertFalse(parser.parse("5*off").equals(parser.parse("off")));
        assertFalse(parser.parse("50%off").equals(parser.parse("off")));
    }

    @Test
    void termsAndFailpointsPrintAsTheyAreWritten() throws FailpointSyntaxException {
        assertEquals("5*error(oops)", parser.parse("5*error(oops)").terms().getFirst().toString());
        Failpoint failpoint = parser.parse("012.50%3*delay(010)->off");
        assertEquals("12.5%3*delay(10)->off", failpoint.toString());
        assertEquals("12.5%", failpoint.terms().getFirst().probability().orElseThrow().toString());
    }
}
