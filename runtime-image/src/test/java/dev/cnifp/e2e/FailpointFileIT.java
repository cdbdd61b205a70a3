package dev.cnifp.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the plugin treats the failpoint file, seen from outside: what it prints for each action and what the file
 * looks like afterwards. The delegate is a fake bridge, so no root and no network namespace are needed.
 */
class FailpointFileIT {

    @TempDir
    Path work;

    @RegisterExtension
    final FakeBridgePlugin fake = new FakeBridgePlugin();

    private FailpointFile file(String content) {
        return FailpointFile.create(work.resolve("failpoints.json"), content);
    }

    @Test
    void anErrorStopsTheCallWithCode999AndTheFileShowsTheSpentCount() {
        FailpointFile file = file("{\"cmdAdd\": \"2*error(you-shall-not-pass!)\"}");

        PluginRun add = fake.plugin().run("ADD", file);

        assertEquals("{\n    \"code\": 999,\n    \"msg\": \"you-shall-not-pass!\"\n}", add.stdout(), add::describe);
        assertEquals(1, add.exitCode(), add::describe);
        assertEquals("{\n  \"cmdAdd\": \"1*error(you-shall-not-pass!)\"\n}\n", file.raw(),
                "the rewritten file is what `jq .` would show");
    }

    @Test
    void aPanicDiesLikeGoWithExitCode2AndNothingOnStdout() {
        FailpointFile file = file("{\"cmdAdd\": \"1*panic(sorry)\"}");

        PluginRun add = fake.plugin().run("ADD", file);

        assertEquals(2, add.exitCode(), add::describe);
        assertEquals("", add.stdout(), add::describe);
        assertTrue(add.stderr().startsWith("panic: sorry"), add::describe);
        assertEquals("0*panic(sorry)", file.entry("cmdAdd"), "the count is spent before the panic");
    }

    @Test
    void offSpendsACountThenDelegatesAndTheResultIsReprintedLikeGo() {
        FailpointFile file = file("{\"cmdAdd\": \"1*off->1*error(second)\"}");

        PluginRun first = fake.plugin().run("ADD", file);
        assertEquals(0, first.exitCode(), first::describe);
        assertEquals(PluginWithFakeBridge.CANNED_RESULT_REPRINTED, first.stdout(),
                "bridge's result, re-printed with Go's 4-space MarshalIndent and no trailing newline");
        assertEquals("0*off->1*error(second)", file.entry("cmdAdd"));

        PluginRun second = fake.plugin().run("ADD", file);
        assertEquals("{\n    \"code\": 999,\n    \"msg\": \"second\"\n}", second.stdout(), second::describe);
        assertEquals("0*off->0*error(second)", file.entry("cmdAdd"));

        PluginRun third = fake.plugin().run("ADD", file);
        assertEquals(0, third.exitCode(), () -> "an exhausted spec delegates forever: " + third.describe());
        assertEquals("0*off->0*error(second)", file.entry("cmdAdd"));
    }

    @Test
    void eachCommandSpendsOnlyItsOwnEntry() {
        FailpointFile file = file("{\"cmdAdd\": \"1*error(add)\", \"cmdDel\": \"1*error(del)\", \"cmdCheck\": \"1*error(check)\"}");

        PluginRun del = fake.plugin().run("DEL", file);

        assertEquals("{\n    \"code\": 999,\n    \"msg\": \"del\"\n}", del.stdout(), del::describe);
        assertEquals(Map.of("cmdAdd", "1*error(add)", "cmdDel", "0*error(del)", "cmdCheck", "1*error(check)"),
                file.json());
    }

    @Test
    void aRewriteKeepsKeysThePluginDoesNotKnow() {
        FailpointFile file = file("{\"comment\": \"written by hand\", \"cmdAdd\": \"2*off\", \"owner\": {\"team\": \"e2e\"}}");

        PluginRun add = fake.plugin().run("ADD", file);

        assertEquals(0, add.exitCode(), add::describe);
        assertEquals(Map.of("comment", "written by hand", "cmdAdd", "1*off", "owner", Map.of("team", "e2e")),
                file.json());
        RealParts.requireJq();
        assertEquals(file.throughJq(), file.raw(), "the file is written as `jq .` shows it (2 spaces)");
    }

    @Test
    void aCountlessErrorFiresEveryTimeAndNeverRewritesTheFile() {
        String handWritten = "{\n\t\"cmdAdd\":   \"error(always)\"\n}\n";
        FailpointFile file = file(handWritten);

        for (int call = 1; call <= 3; call++) {
            PluginRun add = fake.plugin().run("ADD", file);
            String which = "call " + call + ": ";
            assertEquals("{\n    \"code\": 999,\n    \"msg\": \"always\"\n}", add.stdout(), () -> which + add.describe());
            assertEquals(1, add.exitCode(), () -> which + add.describe());
            assertEquals(handWritten, file.raw(), which + "nothing changed, so the file must not be rewritten");
        }
    }

    @Test
    void aSpecThatOnlyNormalisesIsWrittenBackOnceInItsNormalForm() {
        FailpointFile file = file("{\"cmdAdd\": \"00*off->0100%error(normal)\"}");
        String normalised = "{\n  \"cmdAdd\": \"0*off->100%error(normal)\"\n}\n";

        PluginRun first = fake.plugin().run("ADD", file);
        assertEquals(1, first.exitCode(), first::describe);
        assertEquals("normal", first.stdoutJson().get("msg"), first::describe);
        assertEquals(normalised, file.raw(), "no count was spent, but the spec was normalised: written back");

        Object inode = file.inode();
        PluginRun second = fake.plugin().run("ADD", file);
        assertEquals(1, second.exitCode(), second::describe);
        assertEquals(normalised, file.raw());
        assertEquals(inode, file.inode(),
                "already normal and nothing spent: not rewritten (a rewrite renames a new file)");
    }

    @Test
    void aFileWithNoEntryForTheCommandIsLeftAlone() {
        String handWritten = "{\"cmdDel\":\t\"1*error(only-del)\"}";
        FailpointFile file = file(handWritten);

        PluginRun add = fake.plugin().run("ADD", file);

        assertEquals(0, add.exitCode(), add::describe);
        assertEquals(handWritten, file.raw(), "ADD has no entry: nothing changed, nothing rewritten");
    }

    @Test
    void aRelativeConfpathIsRefusedLikeContainerdsPlugin() {
        PluginRun add = fake.plugin().run("ADD", PluginWithFakeBridge.netconf("pod-failpoints.json"));

        assertEquals("{\n    \"code\": 999,\n    \"msg\": \"failpoint confPath(pod-failpoints.json) is required to be absolute\"\n}",
                add.stdout(), add::describe);
        assertEquals(1, add.exitCode(), add::describe);
        assertEquals(java.util.List.of("bridge", "cni-bridge-fp"), fake.plugin().workingDirectoryEntries(),
                "the plugin must create nothing relative to its working directory");
    }

    @Test
    void aMissingFileIsAnErrorAndIsNotCreated() {
        Path missing = work.resolve("missing.json");

        PluginRun add = fake.plugin().run("ADD", PluginWithFakeBridge.netconf(missing.toString()));

        assertEquals("{\n    \"code\": 999,\n    \"msg\": \"failed to open confPath " + missing + ": open " + missing
                + ": no such file or directory\"\n}", add.stdout(), add::describe);
        assertEquals(1, add.exitCode(), add::describe);
        assertTrue(java.nio.file.Files.notExists(missing), "the plugin created " + missing);
    }

    @Test
    void aSlashAfterTheFileNameIsNotADirectoryAndSpendsNothing() {
        FailpointFile file = file("{\"cmdAdd\": \"1*error(hit)\"}");
        String confPath = file.path() + "/";

        PluginRun add = fake.plugin().run("ADD", PluginWithFakeBridge.netconf(confPath));

        assertEquals("{\n    \"code\": 999,\n    \"msg\": \"failed to open confPath " + confPath + ": open " + confPath
                + ": not a directory\"\n}", add.stdout(), add::describe);
        assertEquals(1, add.exitCode(), add::describe);
        assertEquals("{\"cmdAdd\": \"1*error(hit)\"}", file.raw(), "the count must not be spent");
    }

    /** Locales a runtime may give, as {@code NAME=value}; "none" gives none (containerd when its service has none). */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"none", "LANG=C", "LANG=", "LC_ALL=C", "LC_CTYPE=POSIX", "LANG=xx_XX.UTF-8"})
    void aPathWithNonAsciiCharactersWorksUnderAnyLocale(String locale) {
        // Java alone would encode the path with the locale's charset, ASCII in all of these.
        Path directory = work.resolve("pod-ü-名前");
        assertTrue(directory.toFile().mkdir(), "cannot make " + directory);
        FailpointFile file = FailpointFile.create(directory.resolve("failpoints.json"),
                "{\"cmdAdd\": \"2*error(hit)\"}");
        Map<String, String> env = locale.equals("none") ? Map.of()
                : Map.of(locale.substring(0, locale.indexOf('=')), locale.substring(locale.indexOf('=') + 1));

        PluginRun add = fake.plugin().run("ADD", file, env);

        assertEquals("{\n    \"code\": 999,\n    \"msg\": \"hit\"\n}", add.stdout(), add::describe);
        assertEquals("{\n  \"cmdAdd\": \"1*error(hit)\"\n}\n", file.raw());
    }

    @Test
    void anUnparsableSpecFailsTheCallAndLeavesTheFileAlone() {
        String handWritten = "{\"cmdAdd\": \"1*error(oops))\"}";
        FailpointFile file = file(handWritten);

        PluginRun add = fake.plugin().run("ADD", file);

        assertEquals(1, add.exitCode(), add::describe);
        Map<String, Object> error = add.stdoutJson();
        assertEquals(java.math.BigDecimal.valueOf(999), error.get("code"), add::describe);
        assertTrue(String.valueOf(error.get("msg")).startsWith("failed to parse failpoint"), add::describe);
        assertEquals(handWritten, file.raw(), "a file the plugin cannot understand must not be rewritten");
    }

    @Test
    void aFileThatIsNotJsonFailsTheCallAndIsLeftAlone() {
        String notJson = "this is not a failpoint file\n";
        FailpointFile file = file(notJson);

        PluginRun add = fake.plugin().run("ADD", file);

        assertEquals(1, add.exitCode(), add::describe);
        assertEquals(java.math.BigDecimal.valueOf(999), add.stdoutJson().get("code"), add::describe);
        assertEquals(notJson, file.raw(), "a file the plugin cannot parse must not be rewritten");
    }

    @Test
    void aTermSkippedByChanceFallsThroughAndSpendsNothing() {
        // One chance in 10^8 that the first term fires: the test would then fail with "unlikely".
        FailpointFile file = file("{\"cmdAdd\": \"0.000001%1*error(unlikely)->1*error(fallthrough)\"}");

        PluginRun add = fake.plugin().run("ADD", file);

        assertEquals("{\n    \"code\": 999,\n    \"msg\": \"fallthrough\"\n}", add.stdout(), add::describe);
        String spec = file.entry("cmdAdd");
        assertTrue(spec.contains("1*error(unlikely)->"), () -> "the skipped term must keep its count: " + spec);
        assertTrue(spec.endsWith("->0*error(fallthrough)"), () -> "the term that fired must spend one: " + spec);
    }

    @Test
    void aCertainTermFiresAndSpendsItsCount() {
        FailpointFile file = file("{\"cmdAdd\": \"100%2*error(sure)\"}");

        PluginRun add = fake.plugin().run("ADD", file);

        assertEquals("{\n    \"code\": 999,\n    \"msg\": \"sure\"\n}", add.stdout(), add::describe);
        assertTrue(file.entry("cmdAdd").endsWith("1*error(sure)"), () -> "count not spent: " + file.raw());
    }

    /**
     * A writer killed mid-write leaves its temp file; the next call that writes the file removes it once it is old.
     * Fresh temp files, which may belong to a live writer, and other files stay.
     */
    @Test
    void aWriteRemovesTempFilesThatKilledWritersLeftLongAgo() throws Exception {
        FailpointFile file = file("{\"cmdAdd\": \"3*error(x)\"}");
        Path stale = work.resolve(".failpoints.json.0123456789abcdef.tmp");
        Path fresh = work.resolve(".failpoints.json.fedcba9876543210.tmp");
        Path unrelated = work.resolve(".other.json.0123456789abcdef.tmp");
        for (Path leftover : List.of(stale, fresh, unrelated)) {
            Files.writeString(leftover, "{\"cmdAdd\":");
        }
        FileTime longAgo = FileTime.from(Instant.now().minus(Duration.ofHours(1)));
        Files.setLastModifiedTime(stale, longAgo);
        Files.setLastModifiedTime(unrelated, longAgo);

        PluginRun add = fake.plugin().run("ADD", file);

        assertEquals(1, add.exitCode(), add::describe);
        assertEquals("2*error(x)", file.entry("cmdAdd"));
        assertFalse(Files.exists(stale), "the old temp file of this failpoint file is gone");
        assertTrue(Files.exists(fresh), "a fresh one may be a live writer's");
        assertTrue(Files.exists(unrelated), "another file's temp file is not ours to remove");
    }
}
