package dev.cnifp.examples.errcode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cnifp.core.grammar.FailpointParser;
import dev.cnifp.core.grammar.FailpointSyntaxException;
import dev.cnifp.core.grammar.Step;
import dev.cnifp.core.registry.ActionRegistry;
import dev.cnifp.core.spi.FireContext;
import dev.cnifp.core.spi.Outcome;
import java.time.Duration;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The action as the plugin meets it: found by ServiceLoader in the boot layer, parsed, stepped and fired. */
class ErrcodeActionTest {

    private static final FireContext CONTEXT = new FireContext() {
        @Override
        public String point() {
            return "cmdDel";
        }

        @Override
        public void sleep(Duration duration) {
            throw new AssertionError("errcode never sleeps");
        }
    };

    private final FailpointParser parser = new FailpointParser(ActionRegistry.fromBootLayer());

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2*errcode(11,try again later) | 1*errcode(11,try again later) | 11 | try again later",
        "1*errcode(0100,a, b and c)    | 0*errcode(100,a, b and c)     | 100 | a, b and c",
        "1*errcode(2147483647, x )     | 0*errcode(2147483647, x )     | 2147483647 | ' x '"})
    void firesACniErrorWithTheCodeAndEverythingAfterTheFirstComma(String spec, String next, int code, String message)
            throws Exception {
        Step step = parser.parse(spec).step(new SplittableRandom(1));
        assertEquals(next, step.next().marshal());
        Outcome expected = new Outcome.Fail(code, message, null);
        assertEquals(expected, step.fired().orElseThrow().fire(CONTEXT));
        assertEquals(Optional.of(expected), step.fired().get().action().knownOutcome());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1*errcode(11)         | got no message in \"11\"",
        "1*errcode(11,)        | got no message in \"11,\"",
        "1*errcode(0,zero)     | got the code \"0\"",
        "1*errcode(x,msg)      | got the code \"x\"",
        "1*errcode(-1,msg)     | got the code \"-1\"",
        "1*errcode(2147483648,msg) | got the code \"2147483648\""})
    void aBadArgumentIsASyntaxErrorThatSaysWhatIsExpected(String spec, String got) {
        FailpointSyntaxException e = assertThrows(FailpointSyntaxException.class, () -> parser.parse(spec));
        String expected = "invalid failpoint \"" + spec + "\" at column 11: errcode takes CODE,MESSAGE with CODE "
                + "from 1 to 2147483647, e.g. errcode(11,try again); " + got;
        assertEquals(expected, e.getMessage());
    }

    @Test
    void theBuiltInsAreStillThere() throws Exception {
        Step step = parser.parse("1*off->1*errcode(12,x)->error(y)").step(new SplittableRandom(1));
        assertTrue(step.fired().isPresent());
        assertEquals("0*off->1*errcode(12,x)->error(y)", step.next().marshal());
    }
}
