package dev.cnifp.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plugin processes killed with SIGKILL at random moments, many of them in the middle of updating the file, must
 * never leave a file that does not parse, and the count must only ever go down (by at most one per process).
 * The random sequence is seeded and printed; {@code -Dcnifp.crash.seed=N} replays a run.
 *
 * <p>Kills are aimed at the update, which comes near the end of a call: each lands after a random 0.5 to 1.2 times
 * the time a typical undisturbed call takes (the median of five), stretched by (n + 1) / 2 for n processes started
 * together. A JVM that is always killed before it reaches the file, or after it is done, would prove nothing, so the
 * test fails unless some killed processes had already spent their count (killed during or after their update); the
 * output says how many, and how many temp files killed writers left.
 */
class CrashSafetyIT {

    private static final int ITERATIONS = Integer.getInteger("cnifp.crash.iterations", 200);
    private static final double AIM_FROM = 0.5;
    private static final double AIM_TO = 1.2;
    private static final long START_COUNT = 1_000_000;
    private static final Pattern SPEC = Pattern.compile("([0-9]+)\\*error\\(crash\\)");

    @TempDir
    Path work;

    @RegisterExtension
    final FakeBridgePlugin fake = new FakeBridgePlugin();

    @Test
    void killedProcessesNeverCorruptTheFileAndCountsOnlyGoDown() {
        long seed = Long.getLong("cnifp.crash.seed", System.nanoTime());
        Random random = new Random(seed);
        FailpointFile file = FailpointFile.create(work.resolve("failpoints.json"),
                "{\"cmdAdd\": \"" + START_COUNT + "*error(crash)\"}");
        long typicalMs = typicalCallMs(file);
        long count = countIn(file, 0, seed);
        long initial = count;
        int started = 0;
        int killedAfterSpending = 0;
        int killed = 0;
        int finished = 0;
        long start = System.nanoTime();

        for (int iteration = 1; iteration <= ITERATIONS; iteration++) {
            int processes = 1 + random.nextInt(4);
            // n processes on a small machine take longer than one: stretch the window with them.
            double stretch = (processes + 1) / 2.0;
            long delayMs = Math.round(typicalMs * stretch * (AIM_FROM + random.nextDouble() * (AIM_TO - AIM_FROM)));
            int finishedNow = 0;
            List<ChildProcess> running = new ArrayList<>();
            for (int i = 0; i < processes; i++) {
                running.add(fake.plugin().start("ADD", file));
            }
            sleep(delayMs);
            running.forEach(ChildProcess::kill);
            for (ChildProcess process : running) {
                CommandResult result = process.await(Duration.ofSeconds(30));
                if (result.exitCode() == CommandResult.KILLED) {
                    killed++;
                } else {
                    assertEquals(1, result.exitCode(), () -> "a call that was not killed must fail at the "
                            + "failpoint: " + result.describe());
                    finished++;
                    finishedNow++;
                }
            }
            started += processes;

            long now = countIn(file, iteration, seed);
            long before = count;
            int at = iteration;
            assertTrue(now <= before, () -> "iteration " + at + " (seed " + seed + "): count went up from "
                    + before + " to " + now);
            assertTrue(now >= before - processes, () -> "iteration " + at + " (seed " + seed + "): "
                    + processes + " processes took the count from " + before + " to " + now);
            killedAfterSpending += (int) (before - now) - finishedNow;
            count = now;
        }

        String viaJq = file.throughJq(); // also fails the test if jq cannot parse it
        assertEquals(file.raw(), viaJq, "the final file is written as `jq .` shows it");
        System.out.printf("crash: %d iterations (seed %d, kill after %.1f-%.1f x %d ms, stretched): %d processes, "
                        + "%d killed (%d of them after spending their count), %d finished; count %d -> %d; %d ms; "
                        + "files left beside the failpoint file: %s%n",
                ITERATIONS, seed, AIM_FROM, AIM_TO, typicalMs, started, killed, killedAfterSpending, finished, initial,
                count,
                Duration.ofNanos(System.nanoTime() - start).toMillis(), othersBeside(file.path()));
        assertTrue(initial - count >= finished,
                "every call that finished spent a count: " + finished + " finished, count only fell by "
                        + (initial - count));
        // ~4% of the processes are killed after spending (20 of ~500 in 200 iterations); a short run may have none.
        if (ITERATIONS >= 100) {
            assertTrue(killedAfterSpending > 0, "no process was killed during or after its update (seed " + seed
                    + "): the kills proved nothing");
        }
    }

    /** The median of five undisturbed calls: what the kills are aimed by. */
    private long typicalCallMs(FailpointFile file) {
        List<Long> elapsed = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            PluginRun run = PluginRun.of("ADD", fake.plugin().start("ADD", file).await(Duration.ofSeconds(60)));
            assertEquals(1, run.exitCode(), run::describe);
            elapsed.add(run.elapsed().toMillis());
        }
        elapsed.sort(null);
        System.out.printf("crash: five undisturbed calls take %s ms%n", elapsed);
        return elapsed.get(2);
    }

    /** The current count, failing the test with the file's content when it does not parse. */
    private static long countIn(FailpointFile file, int iteration, long seed) {
        String raw = file.raw();
        String spec;
        try {
            spec = (String) Json.parseObject(raw).get("cmdAdd");
        } catch (Json.SyntaxException e) {
            throw new AssertionError("iteration " + iteration + " (seed " + seed + "): the file does not parse: "
                    + e.getMessage(), e);
        }
        Matcher m = SPEC.matcher(spec == null ? "" : spec);
        if (!m.matches()) {
            fail("iteration " + iteration + " (seed " + seed + "): unexpected cmdAdd in " + raw);
        }
        return Long.parseLong(m.group(1));
    }

    /** Names of other files in the failpoint file's directory (lock files, temp files of killed writers). */
    private static List<String> othersBeside(Path file) {
        try (var entries = java.nio.file.Files.list(file.getParent())) {
            return entries.filter(p -> !p.equals(file)).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (java.io.IOException e) {
            return List.of("(cannot list: " + e.getMessage() + ")");
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
