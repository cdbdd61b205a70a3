package dev.cnifp.cni;

import static dev.cnifp.cni.PluginHarness.env;
import static dev.cnifp.cni.PluginHarness.error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cnifp.cni.logging.LogSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Logging in a real plugin process: never on stdout, debug into {@code logFile} when asked, silent by default. */
class LoggingTest {
    @TempDir
    Path dir;
    Path failpoints;
    Map<String, String> env;

    @BeforeEach
    void setUp() throws IOException {
        failpoints = dir.resolve("fp.json");
        Files.writeString(failpoints, "{\"cmdAdd\":\"9*error(stop here)\"}");
        env = env("ADD");
    }

    private String config(String extra) {
        return PluginHarness.configWithConfPath(failpoints.toString()).replaceFirst("\\{", "{" + extra);
    }

    @Test
    void debugWithALogFileAppendsThereAndLeavesStdoutAndStderrAlone() throws Exception {
        Path log = dir.resolve("plugin.log");
        String config = config("\"logLevel\":\"debug\",\"logFile\":\"" + log + "\",");
        PluginHarness.Run first = MainInChildJvm.run(env, config);
        assertEquals(new PluginHarness.Run(1, error(999, "stop here"), ""), first);
        String afterFirst = Files.readString(log);
        assertTrue(afterFirst.contains("[DEBUG]") && afterFirst.contains("cmdAdd: 9*error(stop here) -> 8*error"),
                afterFirst);
        assertFalse(afterFirst.contains("kept off stdout"), "nothing was printed to System.out:\n" + afterFirst);
        PluginHarness.Run second = MainInChildJvm.run(env, config);
        assertEquals(first, second);
        String afterSecond = Files.readString(log);
        assertTrue(afterSecond.startsWith(afterFirst) && afterSecond.length() > afterFirst.length(),
                "a second call appends:\n" + afterSecond);
    }

    @Test
    void aLogFileThatCannotBeOpenedFallsBackToStderr() throws Exception {
        Path log = dir.resolve("no/such/dir/plugin.log");
        PluginHarness.Run run = MainInChildJvm.run(env, config("\"logLevel\":\"debug\",\"logFile\":\"" + log + "\","));
        assertEquals(error(999, "stop here"), run.stdout());
        assertTrue(run.stderr().contains("[WARN] cni-bridge-fp") && run.stderr().contains("cannot open logFile " + log)
                && run.stderr().contains("[DEBUG]"), run.stderr());
    }

    /** By its own path or another name for it: a log appended to the failpoint file would break it for good. */
    @Test
    void aLogFileThatIsTheFailpointFileIsNotWrittenTo() throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), failpoints);
        for (Path log : List.of(failpoints, link, dir.resolve("sub/../fp.json"))) {
            Files.createDirectories(dir.resolve("sub"));
            Files.writeString(failpoints, "{\"cmdAdd\":\"9*error(stop here)\"}");

            PluginHarness.Run run = MainInChildJvm.run(env, config("\"logLevel\":\"debug\",\"logFile\":\"" + log + "\","));

            assertEquals(new PluginHarness.Run(1, error(999, "stop here"), run.stderr()), run, log::toString);
            assertTrue(run.stderr().contains("[WARN] cni-bridge-fp") && run.stderr().contains("logFile " + log
                    + " is the failpoint file, which a log would make unreadable: logging to stderr")
                    && run.stderr().contains("[DEBUG]"), run.stderr());
            assertEquals("{\n  \"cmdAdd\": \"8*error(stop here)\"\n}\n", Files.readString(failpoints), log::toString);
        }
    }

    /**
     * What a library prints to System.out (here slf4j's own report, sent to stdout by its system property) never
     * reaches the CNI answer on stdout; the debug log says what was kept off it.
     */
    @Test
    void printsToSystemOutAreKeptOffStdoutAndLogged() throws Exception {
        PluginHarness.Run run = MainInChildJvm.run(env, config("\"logLevel\":\"debug\","),
                "-Dslf4j.internal.report.stream=stdout", "-Dslf4j.internal.verbosity=DEBUG");
        assertEquals(error(999, "stop here"), run.stdout());
        assertEquals(1, run.status());
        assertTrue(run.stderr().contains("[DEBUG] cni-bridge-fp") && run.stderr().contains(
                "kept off stdout: SLF4J(D): Connected with provider of type [org.slf4j.simple.SimpleServiceProvider]"),
                run.stderr());
    }

    @Test
    void debugWithoutALogFileGoesToStderr() throws Exception {
        PluginHarness.Run run = MainInChildJvm.run(env, config("\"logLevel\":\"DEBUG\","));
        assertEquals(error(999, "stop here"), run.stdout());
        assertEquals(1, run.status());
        assertTrue(run.stderr().contains("[DEBUG] cni-bridge-fp"), run.stderr());
        // slf4j-simple's layout, set through system properties: ISO-8601 time, level in brackets, name with the pid.
        String layout = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}(Z|[+-]\\d\\d:\\d\\d)"
                + " \\[DEBUG] cni-bridge-fp\\[\\d+] - .*";
        assertTrue(run.stderr().lines().anyMatch(line -> line.matches(layout)), run.stderr());
    }

    @Test
    void byDefaultNothingIsLoggedAndSlf4jIsNeverLoaded() throws Exception {
        Path classLog = dir.resolve("classes.log");
        PluginHarness.Run run = MainInChildJvm.run(env, config(""), "-Xlog:class+load=info:file=" + classLog);
        assertEquals(new PluginHarness.Run(1, error(999, "stop here"), ""), run);
        String loaded = Files.readString(classLog);
        assertTrue(loaded.contains("dev.cnifp.cni.Main "), "the class log recorded the plugin's classes");
        assertFalse(loaded.contains("org.slf4j.LoggerFactory"),
                "slf4j stays off the start-up path when nothing is logged");
    }

    @Test
    void theProcessAnswersVersionAndAboutExactly() throws Exception {
        assertEquals(new PluginHarness.Run(0, "{\"cniVersion\":\"1.1.0\",\"supportedVersions\":[\"0.1.0\",\"0.2.0\","
                + "\"0.3.0\",\"0.3.1\",\"0.4.0\",\"1.0.0\",\"1.1.0\"]}\n", ""),
                MainInChildJvm.run(Map.of("CNI_COMMAND", "VERSION"), "garbage"));
        PluginHarness.Run about = MainInChildJvm.run(Map.of(), "");
        assertEquals(0, about.status());
        assertEquals("", about.stdout());
        assertTrue(about.stderr().startsWith("bridge with failpoint support\n"), about.stderr());
    }

    @Test
    void aPanicExitsTwoWithNothingOnStdout() throws Exception {
        Files.writeString(failpoints, "{\"cmdAdd\":\"1*panic(boom)\"}");
        PluginHarness.Run run = MainInChildJvm.run(env, config(""));
        assertEquals(2, run.status());
        assertEquals("", run.stdout());
        assertTrue(run.stderr().startsWith("panic: boom\n\ngoroutine 1 [running]:\n"), run.stderr());
    }

    @ParameterizedTest
    @CsvSource({"debug,debug", "DEBUG,debug", "trace,trace", "Warning,warn", "fatal,error", "off,off", "'',warn",
            "verbose,warn"})
    void levelNamesAreRead(String given, String level) {
        assertEquals(level, LogSettings.of(given, "", "").level());
    }
}
