package dev.cnifp.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example distribution (spi-examples/distribution/target/image) as a runtime meets it: its launcher in a CNI bin
 * directory in front of Debian's real bridge, in a sandbox. The example actions work with the whole grammar, a bad
 * argument is a CNI error that leaves the file as it was, and the start-up archive trained inside this image is
 * the one its JVM takes. (SeedReadmeIT, run on this image too, shows the built-in actions unchanged.)
 */
class DistributionIT {

    @TempDir
    Path work;

    @RegisterExtension
    final RealBridgeSandbox real = RealBridgeSandbox.forOurPlugin();

    private FailpointFile file(String content) {
        return FailpointFile.create(work.resolve("failpoints.json"), content);
    }

    /** The seed README's configuration at CNI 1.0.0, its annotation naming {@code file}. */
    private static String netconf(FailpointFile file) {
        return Json.write(SeedExample.netconfObject(file.path(), "1.0.0"));
    }

    @Test
    void errcodeFailsTwoAddsWithItsCodeThenBridgeSetsUpThePod() {
        FailpointFile file = file("{\"cmdAdd\": \"2*errcode(011,try again later)\"}");

        for (String left : new String[] {"1", "0"}) {
            PluginRun add = real.plugin().run("ADD", netconf(file), SeedExample.HELPER_ENV);
            assertEquals("{\n    \"code\": 11,\n    \"msg\": \"try again later\"\n}", add.stdout(), add::describe);
            assertEquals(1, add.exitCode(), add::describe);
            assertEquals(left + "*errcode(11,try again later)", file.entry("cmdAdd"));
            assertFalse(real.sandbox().linkExists(SeedExample.NETNS, SeedExample.IFNAME), "errcode reached bridge");
        }

        PluginRun add = real.plugin().run("ADD", netconf(file), SeedExample.HELPER_ENV);
        assertEquals(0, add.exitCode(), add::describe);
        assertTrue(real.sandbox().linkExists(SeedExample.NETNS, SeedExample.IFNAME),
                () -> "no fpeni0: " + add.describe());
    }

    @Test
    void exitEndsTheDelWithItsStatusBeforeBridgeAndTheNextDelReachesBridge() {
        FailpointFile file = file("{\"cmdDel\": \"1*exit(3)->off\"}");
        PluginRun add = real.plugin().run("ADD", netconf(file), SeedExample.HELPER_ENV);
        assertEquals(0, add.exitCode(), add::describe);
        String del = CniResult.withPrevResult(SeedExample.netconfObject(file.path(), "1.0.0"), add.stdout());

        PluginRun exited = real.plugin().run("DEL", del, SeedExample.HELPER_ENV);
        assertEquals(3, exited.exitCode(), exited::describe);
        assertEquals("", exited.stdout(), exited::describe);
        assertEquals("", exited.stderr(), exited::describe);
        assertEquals("0*exit(3)->off", file.entry("cmdDel"));
        assertTrue(real.sandbox().linkExists(SeedExample.NETNS, SeedExample.IFNAME), "exit(3) reached bridge");

        PluginRun next = real.plugin().run("DEL", del, SeedExample.HELPER_ENV);
        assertEquals(0, next.exitCode(), () -> "off, then bridge's DEL: " + next.describe());
        assertFalse(real.sandbox().linkExists(SeedExample.NETNS, SeedExample.IFNAME), "fpeni0 survived DEL");
    }

    @Test
    void aBadArgumentIsACniErrorAndTheFileStaysAsItWas() {
        String written = "{ \"cmdAdd\" : \"1*off->1*exit(256)\" }";
        FailpointFile file = file(written);

        PluginRun add = real.plugin().run("ADD", netconf(file), SeedExample.HELPER_ENV);

        assertEquals("{\n    \"code\": 999,\n    \"msg\": \"failed to parse failpoint cmdAdd: invalid failpoint "
                + "\\\"1*off-\\u003e1*exit(256)\\\" at column 15: exit takes an exit status from 0 to 255, got "
                + "\\\"256\\\"\"\n}", add.stdout(), add::describe);
        assertEquals(1, add.exitCode(), add::describe);
        assertEquals(written, file.raw());
    }

    /** The script behind spi-examples/README.md's figures, with few runs: every row there, every figure above 0. */
    @Test
    void theBenchScriptPrintsAFigureForEveryWayOfAddingAnAction() {
        RealParts.requireJq();
        RealParts.requireBenchTools();
        Path script = Path.of(System.getProperty("cnifp.distribution.bench"));

        CommandResult run = ChildProcess.run(List.of("/bin/sh", script.toString()), Map.of("PATH", NetnsSandbox.PATH,
                "RUNS", "2", "ROUNDS", "1", "WARMUP", "1", "RSS_RUNS", "1"), "", Duration.ofMinutes(5));

        assertEquals(0, run.exitCode(), run::describe);
        Pattern row = Pattern.compile("\\| ([a-z-]+) \\| ([0-9.]+) \\| [+-][0-9.]+ ms \\| ([0-9.]+) \\| ([0-9.]+) \\|");
        List<String> names = new ArrayList<>();
        for (String line : run.stdout().lines().filter(line -> row.matcher(line).matches()).toList()) {
            Matcher figures = row.matcher(line);
            assertTrue(figures.matches());
            names.add(figures.group(1));
            for (int group = 2; group <= 4; group++) {
                assertTrue(Double.parseDouble(figures.group(group)) > 0, () -> "a zero figure in \"" + line + "\"");
            }
        }
        assertEquals(List.of("plugin-error", "distribution-error", "distribution-errcode", "distribution-exit",
                "module-path-errcode"), names, run::describe);
    }

    /**
     * The classes behind the fired examples come from the archive trained inside this image (with {@code
     * -XX:AOTMode=on}, an archive the JVM cannot use is a failed start). Run as the launcher runs it, plus a
     * class-load log, which cannot go through JDK_JAVA_OPTIONS: the launcher's own {@code -Xlog:disable} follows it.
     */
    @Test
    void theFiredExamplesClassesComeFromTheArchiveTrainedInsideThisImage() throws IOException {
        Path image = Path.of(System.getProperty("cnifp.image"));
        Map<String, List<String>> classesBySpec = Map.of(
                "errcode(100,always)", List.of("dev.cnifp.examples.errcode.ErrcodeAction$Errcode"),
                "exit(4)", List.of("dev.cnifp.examples.exit.ExitAction$Exit", "dev.cnifp.core.spi.Outcome$Exit"));
        for (Map.Entry<String, List<String>> example : classesBySpec.entrySet()) {
            FailpointFile file = file("{\"cmdAdd\": \"" + example.getKey() + "\"}");
            Path log = work.resolve(example.getValue().getFirst() + ".log");
            List<String> argv = new ArrayList<>(List.of(image.resolve("bin/java").toString()));
            argv.addAll(PluginBinary.launcherVmFlags(image));
            argv.addAll(List.of("-XX:AOTMode=on", "-XX:AOTCache=" + image.resolve("lib/cni-bridge-fp.aot"),
                    "-Xlog:class+load:file=" + log, "-m", "dev.cnifp.cni/dev.cnifp.cni.Main"));
            Map<String, String> env = new HashMap<>(SeedExample.HELPER_ENV);
            env.putAll(Map.of("PATH", NetnsSandbox.PATH, "CNI_COMMAND", "ADD", "CNI_PATH", "/nonexistent"));

            CommandResult run = ChildProcess.run(argv, env, netconf(file), Duration.ofSeconds(60));

            assertEquals(example.getKey().startsWith("exit") ? 4 : 1, run.exitCode(), run::describe);
            String loaded = Files.readString(log);
            for (String name : example.getValue()) {
                assertTrue(loaded.contains(" " + name + " source: shared objects file"),
                        () -> name + " not loaded from the archive:\n" + loaded.lines()
                                .filter(line -> line.contains(name)).toList());
            }
        }
    }
}
