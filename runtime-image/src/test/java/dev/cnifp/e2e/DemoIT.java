package dev.cnifp.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first quick-start command, {@code runtime-image/demo.sh}: it plays the seed README's example with the
 * image, says that every step printed what the README shows, and leaves no network namespace, link or temp
 * directory on the machine. The demo compares each step's output with the README byte for byte itself; this test
 * holds it to its verdict. The script comes from the system property {@code cnifp.demo}, the image from
 * {@code cnifp.image}.
 */
class DemoIT {

    @Test
    void theDemoPlaysTheSeedExampleAndLeavesNothingBehind() throws IOException {
        RealParts.requireNamespaces();
        RealParts.requireRealBridge();
        RealParts.requireJq();
        Path demo = demoScript();
        Path plugin = Path.of(System.getProperty("cnifp.image", "target/image"), "bin/cni-bridge-fp").toAbsolutePath();
        assertTrue(Files.isRegularFile(demo), "no demo script at " + demo);
        Set<String> namespaces = hostOutput("ip", "netns", "list");
        Set<String> links = hostLinkNames();
        Set<String> demoDirs = demoTempDirs();

        CommandResult run = ChildProcess.run(List.of("/bin/bash", demo.toString()),
                Map.of("PATH", NetnsSandbox.PATH, "CNIFP_PLUGIN", plugin.toString()), "", Duration.ofMinutes(5));

        assertEquals(0, run.exitCode(), run::describe);
        assertTrue(run.stdout().contains("\ndemo: every step printed what the README shows.\n"), run::describe);
        assertFalse(run.stdout().contains("DIFFERS"), run::describe);
        // The last step's failpoint file, as the README prints it with jq.
        assertTrue(run.stdout().contains("\"cmdDel\": \"0*error(oops)\""), run::describe);
        assertEquals(namespaces, hostOutput("ip", "netns", "list"), "network namespaces left on the machine");
        assertEquals(links, hostLinkNames(), "links left in (or taken from) the machine's own namespace");
        assertEquals(demoDirs, demoTempDirs(), "temp directories left in /tmp");
    }

    @Test
    void aCnifpPluginThatIsNotThereStopsTheDemoInsteadOfBuilding(@TempDir Path dir) {
        Path demo = demoScript();
        Path missing = dir.resolve("no-such-plugin");

        CommandResult run = ChildProcess.run(List.of("/bin/bash", demo.toString()),
                Map.of("PATH", NetnsSandbox.PATH, "CNIFP_PLUGIN", missing.toString()), "", Duration.ofMinutes(1));

        assertEquals(1, run.exitCode(), run::describe);
        assertEquals("demo: CNIFP_PLUGIN=" + missing + " is not an executable file\n", run.stderr(), run::describe);
        assertEquals("", run.stdout(), run::describe);
    }

    private static Path demoScript() {
        return Path.of(System.getProperty("cnifp.demo", "demo.sh")).toAbsolutePath();
    }

    private static Set<String> hostOutput(String... argv) {
        CommandResult run = NetnsSandbox.onHost(argv);
        assertEquals(0, run.exitCode(), run::describe);
        return run.stdout().lines().collect(Collectors.toSet());
    }

    /** {@code ip -o link} lines are "INDEX: NAME[@PEER]: ..."; the names are what a leftover bridge or veth shows. */
    private static Set<String> hostLinkNames() {
        return hostOutput("ip", "-o", "link", "show").stream()
                .map(line -> line.split(": ", 3)[1].replaceFirst("@.*", ""))
                .collect(Collectors.toSet());
    }

    private static Set<String> demoTempDirs() throws IOException {
        try (Stream<Path> entries = Files.list(Path.of("/tmp"))) {
            return entries.map(entry -> entry.getFileName().toString())
                    .filter(name -> name.startsWith("cni-failpoint-demo."))
                    .collect(Collectors.toSet());
        }
    }
}
