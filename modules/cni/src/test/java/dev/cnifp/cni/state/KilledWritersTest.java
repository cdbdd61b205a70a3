package dev.cnifp.cni.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plugin processes die at any moment (SIGKILL from a runtime timeout, OOM killer). Whenever one does, the file must
 * still parse, its counts must never go up, and the lock must not stay taken.
 */
class KilledWritersTest {
    private static final int KILLS = 200;
    private static final int CONCURRENT = 4;
    private static final long INITIAL_COUNT = 1_000_000;

    @TempDir
    Path dir;

    /** Counts and kill statistics, merged over all workers. */
    private final class Observations {
        long lastCount = INITIAL_COUNT;
        long reportedSpent;
        int killsAfterAnUpdate;
        int checks;

        /** Reads and checks under one monitor, so that observations are ordered like the reads. */
        synchronized void check(Path file) throws Exception {
            FailpointDocument document = DocumentParser.parse(Files.readAllBytes(file), file.toString());
            long count = CountedSpecs.firstCount(document.entry("cmdAdd").orElseThrow());
            assertTrue(count <= lastCount, "count went up from " + lastCount + " to " + count);
            assertEquals(List.of("cmdAdd", "keep"), document.keys());
            lastCount = count;
            checks++;
        }

        synchronized void killed(String output) {
            long spent = output.chars().filter(c -> c == '+').count();
            reportedSpent += spent;
            if (spent > 0) {
                killsAfterAnUpdate++;
            }
        }
    }

    private static void awaitFirstUpdate(Path output, Process child) throws Exception {
        while (Files.size(output) == 0 && child.isAlive()) {
            Thread.sleep(2);
        }
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void aKilledWriterNeverLeavesABrokenFile() throws Exception {
        Path file = Files.writeString(dir.resolve("fp.json"), """
                {"cmdAdd": "%d*off", "keep": {"me": [1, 2]}}""".formatted(INITIAL_COUNT));
        Observations observations = new Observations();

        try (ExecutorService workers = Executors.newFixedThreadPool(CONCURRENT)) {
            List<Future<?>> results = new ArrayList<>();
            for (int w = 0; w < CONCURRENT; w++) {
                Path output = Files.createDirectories(dir.resolve("out")).resolve("worker-" + w);
                results.add(workers.submit(() -> {
                    for (int k = 0; k < KILLS / CONCURRENT; k++) {
                        Process child = ChildJvm.startWithOutputIn(output, file, "--until-exhausted");
                        if (k % 2 == 0) {
                            // anywhere: during start-up, the first update, or later ones
                            Thread.sleep(ThreadLocalRandom.current().nextLong(50, 800));
                        } else {
                            // inside the update loop, at a random phase of an update (each takes a few ms)
                            awaitFirstUpdate(output, child);
                            Thread.sleep(0, ThreadLocalRandom.current().nextInt(0, 999_999));
                            Thread.sleep(ThreadLocalRandom.current().nextLong(0, 15));
                        }
                        child.destroyForcibly();
                        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
                        String printed = Files.readString(output);
                        assertTrue(Pattern.matches("\\+*", printed), "child failed: " + printed);
                        observations.killed(printed);
                        observations.check(file);
                    }
                    return null;
                }));
            }
            for (Future<?> result : results) {
                result.get();
            }
        }

        long spentInFile = INITIAL_COUNT - observations.lastCount;
        // A child killed between its rename and its report spent a count nobody saw: at most one per kill.
        assertTrue(spentInFile >= observations.reportedSpent, spentInFile + " < " + observations.reportedSpent);
        assertTrue(spentInFile <= observations.reportedSpent + KILLS, spentInFile + " spent, reported "
                + observations.reportedSpent);
        assertEquals("+", spendOne(file), "the lock is free again");
        assertEquals(KILLS, observations.checks);
        assertTrue(observations.killsAfterAnUpdate > 0, "no child was killed after an update: the test tested nothing");

        // A killed writer may leave its temp file, at most one each; the next writer sweeps those older than the
        // live writers' limit, so the directory does not fill up under a runtime that keeps killing plugins.
        List<Path> leftovers = tempFiles();
        assertTrue(leftovers.size() <= KILLS, leftovers.size() + " temp files after " + KILLS + " kills");
        FileTime old = FileTime.from(Instant.now().minusMillis(AtomicReplacement.STALE_TEMP_AGE_MILLIS).minusSeconds(1));
        for (Path leftover : leftovers) {
            Files.setLastModifiedTime(leftover, old);
        }
        assertEquals("+", spendOne(file));
        assertEquals(List.of(), tempFiles(), "swept by the next writer");
    }

    private static String spendOne(Path file) throws Exception {
        return new String(ChildJvm.start(file).getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    private List<Path> tempFiles() throws Exception {
        try (var listing = Files.list(dir)) {
            return listing.filter(p -> TempNameTest.tempNamePattern("fp.json")
                    .matcher(p.getFileName().toString()).matches()).toList();
        }
    }
}
