package dev.cnifp.cni;

import static dev.cnifp.cni.PluginHarness.configWithConfPath;
import static dev.cnifp.cni.PluginHarness.env;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.cnifp.core.registry.ActionRegistry;
import dev.cnifp.core.spi.Outcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What the flow tells its {@link DelegationOutlook}, and when: before the failpoint file is written back, so that the
 * plugin's second thread hears it while the slow part of the call still lies ahead. Each word is recorded with the
 * failpoint file as it was at that moment.
 */
class DelegationOutlookTest {
    @TempDir
    Path dir;
    Path file;
    PluginHarness harness;
    final List<String> told = new ArrayList<>();

    @BeforeEach
    void setUp() {
        file = dir.resolve("fp.json");
        harness = new PluginHarness();
        harness.collaborators = harness.collaborators.withOutlook(
                willDelegate -> told.add(willDelegate + " " + file()));
    }

    private String file() {
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            return "(no file)";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private PluginHarness.Run run(String failpoints) throws IOException {
        Files.writeString(file, failpoints);
        return harness.run(env("ADD"), configWithConfPath(file.toString()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "1*off              | true  | 0",
        "1*delay(5)         | true  | 0",
        "0*error(spent)     | true  | 0",
        "1*error(x)->1*off  | false | 1",
        "1*panic(x)         | false | 2"})
    void theStepSaysWhetherTheCallDelegatesBeforeTheFileIsWritten(String spec, boolean delegates, int status)
            throws IOException {
        String before = "{\"cmdAdd\":\"" + spec + "\"}";
        PluginHarness.Run run = run(before);
        assertEquals(status, run.status(), run.stdout());
        assertEquals(delegates + " " + before, told.getFirst(), "the first word, with the file as it was then");
        assertFalse(told.stream().anyMatch(word -> word.startsWith(!delegates + " ")), "never the other word: " + told);
        assertEquals(delegates, !harness.delegateCalls.isEmpty());
    }

    @Test
    void noFailpointForTheCommandMeansDelegation() throws IOException {
        String before = "{\"cmdDel\":\"1*error(not ADD's)\"}";
        run(before);
        assertOnlyDelegation("true " + before);
    }

    @Test
    void noFailpointFileMeansDelegation() {
        harness.run(env("ADD"), configWithConfPath(""));
        assertOnlyDelegation("true (no file)");
    }

    /** The first word, with the file as it was then, and no other word than "delegates" after it. */
    private void assertOnlyDelegation(String firstWord) {
        assertEquals(firstWord, told.getFirst());
        assertEquals(List.of("true"), told.stream().map(word -> word.split(" ")[0]).distinct().toList());
    }

    @Test
    void anActionThatCannotTellItsOutcomeIsAssumedToDelegateUntilItFires() throws IOException {
        harness.collaborators = harness.collaborators.withActions(
                () -> ActionRegistry.of(List.of(new TestAction("secret", new Outcome.Fail(11, "secret", null),
                        new ArrayList<>()))));
        String before = "{\"cmdAdd\":\"1*secret\"}";
        PluginHarness.Run run = run(before);
        assertEquals(1, run.status());
        assertEquals(List.of("true " + before, "false " + file()), told);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"{\"cmdAdd\":\"1*eror(x)\"}", "{\"cmdAdd\":", "[]"})
    void aFailpointFileTheCallCannotUseMeansNoDelegation(String content) throws IOException {
        PluginHarness.Run run = run(content);
        assertEquals(1, run.status());
        assertEquals(List.of("false " + content), told);
    }
}
