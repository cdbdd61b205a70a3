package dev.cnifp.core.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cnifp.core.actions.DelayAction;
import dev.cnifp.core.registry.ActionRegistry;
import dev.cnifp.core.spi.BoundAction;
import dev.cnifp.core.spi.InvalidArgumentException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever the text, the parser answers with a failpoint or a syntax error; what it marshals it reads back. */
class ParserPropertyTest {

    private static final ActionRegistry REGISTRY = ActionRegistry.fromBootLayer();
    private final FailpointParser parser = new FailpointParser(REGISTRY);

    @Property(tries = 3000)
    void anyStringParsesOrGivesASyntaxErrorInsideTheText(@ForAll String text) {
        checkParsesOrFailsCleanly(text);
    }

    @Property(tries = 5000)
    void grammarLikeSoupParsesOrGivesASyntaxErrorInsideTheText(@ForAll("soup") String text) {
        checkParsesOrFailsCleanly(text);
    }

    @Property(tries = 3000)
    void mutatedValidSpecParsesOrGivesASyntaxErrorInsideTheText(@ForAll("mutatedSpecs") String text) {
        checkParsesOrFailsCleanly(text);
    }

    @Property(tries = 3000)
    void validSpecRoundTrips(@ForAll("failpoints") Failpoint failpoint) throws FailpointSyntaxException {
        String text = failpoint.marshal();
        Failpoint parsed = parser.parse(text);
        assertEquals(failpoint, parsed);
        assertEquals(text, parsed.marshal());
    }

    @Property(tries = 1000)
    void steppingKeepsTheSpecReadable(@ForAll("failpoints") Failpoint failpoint, @ForAll long seed)
            throws FailpointSyntaxException {
        var random = java.util.random.RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
        for (int i = 0; i < 5; i++) {
            Step step = failpoint.step(random);
            assertEquals(step.changed(), !step.next().marshal().equals(failpoint.marshal()));
            failpoint = step.next();
            assertEquals(failpoint, parser.parse(failpoint.marshal()));
        }
    }

    private void checkParsesOrFailsCleanly(String text) {
        try {
            Failpoint failpoint = parser.parse(text);
            assertEquals(failpoint, parser.parse(failpoint.marshal()));
        } catch (FailpointSyntaxException e) {
            assertEquals(text, e.input());
            assertTrue(e.column() >= 1 && e.column() <= text.codePointCount(0, text.length()) + 1,
                    "column " + e.column() + " outside " + text);
            assertTrue(e.getMessage().startsWith("invalid failpoint \"" + text + "\" at column " + e.column() + ": "));
            assertTrue(!e.reason().isBlank());
        }
    }

    @Provide
    Arbitrary<String> soup() {
        Arbitrary<String> fragment = Arbitraries.oneOf(
                Arbitraries.of("->", "-", ">", "(", ")", "*", "%", ".", "0", "1", "5", "00", "100", "101",
                        "9223372036854775807", "9223372036854775808", "99999999999999999999", "9223372036854",
                        "9223372036855", "off", "error", "panic", "delay", "eror", "Off", "_", " ", "\t", "é",
                        "😀", "\uD800", "٣", "x", "0.000001", "12.5", "1.1234567"),
                Arbitraries.strings().ofMaxLength(3));
        return fragment.list().ofMaxSize(14).map(parts -> String.join("", parts));
    }

    @Provide
    Arbitrary<String> mutatedSpecs() {
        Arbitrary<String> valid = failpoints().map(Failpoint::marshal);
        return Combinators.combine(valid, Arbitraries.integers().between(0, 1000),
                        Arbitraries.of("", "(", ")", "->", "-", "*", "%", "0", "9", " ", "😀", "off"),
                        Arbitraries.integers().between(0, 3))
                .as((text, where, insert, deleted) -> {
                    int at = where % (text.length() + 1);
                    int end = Math.min(text.length(), at + deleted);
                    return text.substring(0, at) + insert + text.substring(end);
                });
    }

    @Provide
    Arbitrary<Failpoint> failpoints() {
        return terms().list().ofMinSize(1).ofMaxSize(5).map(Failpoint::new);
    }

    private Arbitrary<Term> terms() {
        Arbitrary<Optional<Probability>> probability = Arbitraries.integers().between(1, Probability.CERTAIN)
                .map(Probability::new).optional(0.4);
        Arbitrary<OptionalLong> count = Arbitraries.oneOf(Arbitraries.longs().between(0, Long.MAX_VALUE),
                        Arbitraries.longs().between(0, 3))
                .map(OptionalLong::of).injectNull(0.3)
                .map(n -> n == null ? OptionalLong.empty() : n);
        Arbitrary<String> message = Arbitraries.strings().ofMinLength(1).ofMaxLength(12)
                .filter(s -> s.indexOf(')') < 0);
        Arbitrary<List<String>> action = Arbitraries.oneOf(
                Arbitraries.just(List.of("off")),
                message.map(m -> List.of("error", m)),
                message.map(m -> List.of("panic", m)),
                Arbitraries.longs().between(0, DelayAction.MAX_MILLIS).map(ms -> List.of("delay", Long.toString(ms))));
        return Combinators.combine(probability, count, action)
                .as((p, n, a) -> new Term(p, n, a.getFirst(), bind(a.getFirst(), a.size() > 1 ? a.get(1) : null)));
    }

    private static BoundAction bind(String name, String argument) {
        try {
            return REGISTRY.find(name).orElseThrow().bind(argument);
        } catch (InvalidArgumentException e) {
            throw new AssertionError(e);
        }
    }
}
