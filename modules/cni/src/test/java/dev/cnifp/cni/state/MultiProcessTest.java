package dev.cnifp.cni.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin is one process per CNI call, so exactness is checked with processes: the Go plugin, which locks an
 * inode its own rename replaces, ends such a run with far fewer counts spent than processes started.
 */
class MultiProcessTest {
    private static final int PROCESSES = 100;
    private static final long INITIAL_COUNT = 1000;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void everyProcessSpendsExactlyOneCount() throws Exception {
        Path file = Files.writeString(dir.resolve("fp.json"), """
                {"cmdAdd": "%d*off", "cmdDel": "2*error(oops)", "note": "kept"}""".formatted(INITIAL_COUNT));
        long start = System.nanoTime();

        List<Process> processes = new ArrayList<>();
        try {
            for (int i = 0; i < PROCESSES; i++) {
                processes.add(ChildJvm.start(file, "--wait-for-go"));
            }
            for (Process process : processes) {
                BufferedReader output = process.inputReader(StandardCharsets.UTF_8);
                assertEquals("ready", output.readLine(), "child " + process.pid() + " did not start");
            }
            long ready = System.nanoTime();
            for (Process process : processes) {
                try (Writer go = process.outputWriter(StandardCharsets.UTF_8)) {
                    go.write("go\n");
                }
            }
            for (Process process : processes) {
                assertTrue(process.waitFor(120, TimeUnit.SECONDS), "child " + process.pid() + " hangs");
                String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertEquals(0, process.exitValue(), output);
                assertEquals("+", output);
            }
            long done = System.nanoTime();

            FailpointDocument result = DocumentParser.parse(Files.readAllBytes(file), file.toString());
            assertEquals(INITIAL_COUNT - PROCESSES, CountedSpecs.firstCount(result.entry("cmdAdd").orElseThrow()));
            assertEquals("""
                    {
                      "cmdAdd": "%d*off",
                      "cmdDel": "2*error(oops)",
                      "note": "kept"
                    }
                    """.formatted(INITIAL_COUNT - PROCESSES), Files.readString(file));
            try (var listing = Files.list(dir)) {
                assertEquals(List.of(file), listing.toList(), "no temp files left");
            }
            System.out.printf("%d processes: start-up %d ms, released at once, all done %d ms later; count %d -> %d%n",
                    PROCESSES, millis(ready - start), millis(done - ready), INITIAL_COUNT,
                    CountedSpecs.firstCount(result.entry("cmdAdd").orElseThrow()));
        } finally {
            processes.forEach(Process::destroyForcibly);
        }
    }

    private static long millis(long nanos) {
        return Duration.ofNanos(nanos).toMillis();
    }

}
