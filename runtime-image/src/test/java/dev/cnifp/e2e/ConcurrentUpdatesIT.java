package dev.cnifp.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many plugin processes on one failpoint file at the same time: no update may be lost. (containerd's Go plugin
 * lost 190 of 200 decrements here, because it locks an inode that its own rename replaces.)
 */
class ConcurrentUpdatesIT {

    private static final int PROCESSES = Integer.getInteger("cnifp.concurrency.processes", 100);
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    @TempDir
    Path work;

    @RegisterExtension
    final FakeBridgePlugin fake = new FakeBridgePlugin();

    @Test
    void concurrentFailingAddsEachSpendOneCount() {
        FailpointFile file = FailpointFile.create(work.resolve("failpoints.json"), "{\"cmdAdd\": \"1000*error(x)\"}");

        List<PluginRun> runs = runAllAtOnce(file, "1000*error(x)");

        for (PluginRun run : runs) {
            assertEquals("{\n    \"code\": 999,\n    \"msg\": \"x\"\n}", run.stdout(), run::describe);
            assertEquals(1, run.exitCode(), run::describe);
        }
        assertEquals("{\n  \"cmdAdd\": \"" + (1000 - PROCESSES) + "*error(x)\"\n}\n", file.raw(),
                PROCESSES + " calls, each must have spent exactly one count");
    }

    @Test
    void concurrentDelegatingAddsEachSpendOneCount() {
        FailpointFile file = FailpointFile.create(work.resolve("failpoints.json"), "{\"cmdAdd\": \"1000*off\"}");

        List<PluginRun> runs = runAllAtOnce(file, "1000*off");

        String expected = PluginWithFakeBridge.CANNED_RESULT_REPRINTED;
        for (PluginRun run : runs) {
            assertEquals(0, run.exitCode(), run::describe);
            assertEquals(expected, run.stdout(), run::describe);
        }
        assertEquals("{\n  \"cmdAdd\": \"" + (1000 - PROCESSES) + "*off\"\n}\n", file.raw(),
                PROCESSES + " calls, each must have spent exactly one count");
    }

    /** Starts {@link #PROCESSES} ADDs before waiting for any, then collects them all; prints the wall time. */
    private List<PluginRun> runAllAtOnce(FailpointFile file, String spec) {
        long start = System.nanoTime();
        List<ChildProcess> started = new ArrayList<>();
        for (int i = 0; i < PROCESSES; i++) {
            started.add(fake.plugin().start("ADD", file));
        }
        List<PluginRun> runs = new ArrayList<>();
        for (ChildProcess process : started) {
            runs.add(PluginRun.of("ADD", process.await(TIMEOUT)));
        }
        Duration wall = Duration.ofNanos(System.nanoTime() - start);
        long slowest = runs.stream().mapToLong(r -> r.elapsed().toMillis()).max().orElse(0);
        System.out.printf("concurrency: %d plugin processes at once on \"%s\": wall time %d ms (slowest call %d ms)%n",
                PROCESSES, spec, wall.toMillis(), slowest);
        return runs;
    }
}
