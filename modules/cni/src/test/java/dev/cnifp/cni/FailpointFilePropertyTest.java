package dev.cnifp.cni;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * Whatever the failpoint file holds, a call answers like a CNI plugin (a result, a CNI error, or a panic only when
 * the file asks for one), and a file the call cannot read, or whose spec for the command does not parse, is left
 * byte for byte as it was. A file the call did rewrite, the next call reads.
 */
class FailpointFilePropertyTest {

    private static final Path DIR = createDirectory();
    private static final String[] COMMANDS = {"ADD", "DEL", "CHECK"};

    @Property(tries = 1500)
    void anyFileGetsACniAnswerAndIsNeverDamaged(@ForAll("files") String content, @ForAll("commands") String command)
            throws IOException {
        Path file = DIR.resolve("fp.json");
        // getBytes, not writeString: a cut-off object may end in half a surrogate pair, which becomes '?' here.
        Files.write(file, content.getBytes(StandardCharsets.UTF_8));
        byte[] before = Files.readAllBytes(file);
        String config = PluginHarness.configWithConfPath(file.toString());

        PluginHarness.Run run = new PluginHarness().run(PluginHarness.env(command), config);

        byte[] after = Files.readAllBytes(file);
        boolean rewritten = !Arrays.equals(before, after);
        // That the cases below really occur, not just their absence of failures.
        Statistics.label("outcome").collect(run.status(), rewritten);
        Statistics.label("outcome").coverage(coverage -> {
            coverage.check(0, false).count(count -> count > 0);
            coverage.check(0, true).count(count -> count > 0);
            coverage.check(1, false).count(count -> count > 0);
            coverage.check(1, true).count(count -> count > 0);
            coverage.check(2, true).count(count -> count > 0);
        });
        assertTrue(run.status() == 0 || run.status() == 1 || run.status() == 2 && content.contains("panic("),
                () -> "status " + run);
        if (run.status() == 1) {
            assertTrue(run.stdout().startsWith("{\n    \"code\": "), () -> "not a CNI error: " + run);
            if (run.stdout().contains("failed to unmarshal failpoint conf")
                    || run.stdout().contains("failed to parse failpoint")) {
                assertArrayEquals(before, after, () -> "an unreadable file was changed: " + run);
            }
        }
        if (rewritten) {
            PluginHarness.Run again = new PluginHarness().run(PluginHarness.env(command), config);
            assertFalse(again.stdout().contains("failed to unmarshal failpoint conf"),
                    () -> "the call cannot read what the call before wrote: " + again + "\n" + new String(after,
                            StandardCharsets.UTF_8));
            assertEquals('\n', (char) after[after.length - 1], "a rewritten file ends with a newline, as jq's");
        }
    }

    @Provide
    Arbitrary<String> commands() {
        return Arbitraries.of(COMMANDS);
    }

    @Provide
    Arbitrary<String> files() {
        Arbitrary<String> spec = Arbitraries.oneOf(
                Arbitraries.of("1*error(x)", "error(y)", "off", "2*off", "50%off", "1*panic(p)", "delay(1)", "0*off",
                        "3*error(a->b)", "100%1*error(z)", "1*nope", "1*error()", "*off", "1**off", "1*error(x", "->",
                        "", "01*off", "1.5%off", "100.0000001%off", "9223372036854775808*off", " 1*off", "OFF",
                        "00*off->0100%error(n)", "1*off->1*error(e)", "1*error(é😀)"),
                Arbitraries.strings().ofMaxLength(12));
        Arbitrary<String> specs = spec.list().ofMinSize(1).ofMaxSize(3).map(parts -> String.join("->", parts));
        Arbitrary<String> key = Arbitraries.of("cmdAdd", "cmdDel", "cmdCheck", "CMDADD", "CmdDel", "other", "cmdGC");
        Arbitrary<String> value = Arbitraries.oneOf(specs.map(PluginHarness::json),
                Arbitraries.of("1", "null", "[]", "{}", "true", "\"\\u0031*off\"", "\"1*error(\\n)\""));
        Arbitrary<String> member = Combinators.combine(key, value).as((k, v) -> PluginHarness.json(k) + ":" + v);
        Arbitrary<String> object = member.list().ofMaxSize(4).map(members -> "{" + String.join(",", members) + "}");
        // Well-formed files with an entry for every command, so that specs are really evaluated and spent.
        Arbitrary<String> wellFormedSpec = Arbitraries.of("1*error(x)", "error(y)", "2*off", "1*panic(p)",
                "1*off->1*error(e)", "00*off->0100%error(n)", "50%1*error(h)", "0*off").list().ofMinSize(1)
                .ofMaxSize(2).map(parts -> String.join("->", parts));
        Arbitrary<String> wellFormed = Combinators.combine(wellFormedSpec, wellFormedSpec, wellFormedSpec).as(
                (add, del, check) -> "{\"cmdAdd\": " + PluginHarness.json(add) + ", \"cmdDel\": "
                        + PluginHarness.json(del) + ", \"cmdCheck\": " + PluginHarness.json(check) + "}");
        return Arbitraries.oneOf(wellFormed, wellFormed, object, object,
                object.map(o -> o.substring(0, o.length() / 2)), object.map(o -> "\uFEFF" + o),
                object.map(o -> o + "x"), Arbitraries.strings().ofMaxLength(30),
                Arbitraries.of("", "[]", "null", "{\"a\":" + "[".repeat(2000) + "]".repeat(2000) + "}"));
    }

    private static Path createDirectory() {
        try {
            return Files.createTempDirectory("cnifp-fp-property-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterContainer
    static void removeDirectory() throws IOException {
        try (Stream<Path> paths = Files.walk(DIR)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
