package dev.cnifp.core.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cnifp.core.registry.ActionRegistry;
import dev.cnifp.core.spi.FireContext;
import dev.cnifp.core.spi.Outcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class FailpointSwitchTest {

    private final FailpointParser parser = new FailpointParser(ActionRegistry.fromBootLayer());

    @Test
    void manyThreadsFireExactlyTheCount() throws Exception {
        FailpointSwitch point = new FailpointSwitch(parser.parse("500*error(e)->300*off->0*panic(p)"));
        int threads = 64;
        int callsPerThread = 20;
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger offs = new AtomicInteger();
        AtomicInteger nothing = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < callsPerThread; i++) {
                        point.evaluate(RandomGenerator.getDefault()).ifPresentOrElse(
                                term -> (term.actionName().equals("error") ? errors : offs).incrementAndGet(),
                                nothing::incrementAndGet);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get(1, TimeUnit.MINUTES);
            }
        }
        assertEquals(500, errors.get());
        assertEquals(300, offs.get());
        assertEquals(threads * callsPerThread - 800, nothing.get());
        assertEquals("0*error(e)->0*off->0*panic(p)", point.current().marshal());
        assertTrue(point.current().exhausted());
    }

    @Test
    void actionFiresOutsideTheLock() throws Exception {
        CountDownLatch sleeping = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        FireContext blocking = new FireContext() {
            @Override
            public String point() {
                return "cmdAdd";
            }

            @Override
            public void sleep(Duration duration) throws InterruptedException {
                sleeping.countDown();
                release.await();
            }
        };
        FailpointSwitch point = new FailpointSwitch(parser.parse("1*delay(86400000)->2*error(x)"));
        Thread sleeper = Thread.ofVirtual().start(() -> {
            try {
                point.fire(RandomGenerator.getDefault(), blocking);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertTrue(sleeping.await(10, TimeUnit.SECONDS));
        // The delay is still sleeping, yet the next evaluation goes ahead.
        assertEquals(new Outcome.Fail(999, "x", null), point.fire(RandomGenerator.getDefault(), blocking));
        assertEquals("0*delay(86400000)->1*error(x)", point.current().marshal());
        release.countDown();
        sleeper.join();
    }

    @Test
    void setReplacesTheFailpoint() throws Exception {
        FailpointSwitch point = new FailpointSwitch(parser.parse("0*off"));
        assertTrue(point.evaluate(RandomGenerator.getDefault()).isEmpty());
        point.set(parser.parse("1*panic(p)"));
        assertEquals(new Outcome.Panic("p"), point.fire(RandomGenerator.getDefault(), new RecordingContext()));
        assertEquals(Outcome.PROCEED, point.fire(RandomGenerator.getDefault(), new RecordingContext()));
    }

    @Test
    void readingOrReplacingTheFailpointLeavesItFreeForOtherThreads() throws Exception {
        FailpointSwitch point = new FailpointSwitch(parser.parse("2*off"));
        assertEquals("2*off", point.current().marshal());
        assertEquals("2*off", inAnotherThread(() -> point.evaluate(RandomGenerator.getDefault()).orElseThrow()
                .marshal()));
        point.set(parser.parse("1*error(x)"));
        assertEquals("1*error(x)", inAnotherThread(() -> point.evaluate(RandomGenerator.getDefault()).orElseThrow()
                .marshal()));
        assertEquals("0*error(x)", inAnotherThread(() -> point.current().marshal()));
    }

    /** Runs {@code task} in a daemon thread, which is left behind if it never gets the lock. */
    private static <T> T inAnotherThread(Callable<T> task) throws Exception {
        FutureTask<T> future = new FutureTask<>(task);
        Thread.ofPlatform().daemon().start(future);
        return future.get(10, TimeUnit.SECONDS);
    }
}
