package dev.cnifp.cni;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cnifp.core.registry.ActionRegistry;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The registry found on the early thread is handed over as if it had been found by the caller, and the delegation is
 * warmed up only for a call that may delegate.
 */
class EarlyWorkTest {

    @Test
    void handsOverTheRegistryItFound() throws Exception {
        ActionRegistry registry = ActionRegistry.of(List.of());
        AtomicReference<Thread> finder = new AtomicReference<>();
        CountDownLatch found = new CountDownLatch(1);
        EarlyWork work = EarlyWork.start(() -> {
            finder.set(Thread.currentThread());
            found.countDown();
            return registry;
        });
        assertTrue(found.await(10, TimeUnit.SECONDS), "the early thread never looked for the actions");
        assertSame(registry, work.get());
        assertNotSame(Thread.currentThread(), finder.get(), "found by the early thread, not by the caller");
    }

    @Test
    void findsTheActionsOnceEvenWhenTheCallerAsksFirst() throws Exception {
        AtomicInteger finds = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        ActionRegistry registry = ActionRegistry.of(List.of());
        EarlyWork work = EarlyWork.start(() -> {
            finds.incrementAndGet();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return registry;
        });
        Thread releaser = releaseLater(release);
        assertSame(registry, work.get());
        assertSame(registry, work.get());
        releaser.join();
        assertEquals(1, finds.get());
    }

    @Test
    void warmsUpTheResultOnlyOnceTheFlowSaysTheCallDelegates() throws Exception {
        CountDownLatch warmedUp = new CountDownLatch(1);
        ActionRegistry registry = ActionRegistry.of(List.of());
        Set<Thread> before = earlyThreads();
        EarlyWork work = EarlyWork.start(() -> registry, warmedUp::countDown);
        Thread early = theNewOne(before);
        assertSame(registry, work.get());
        // Waiting for the flow's word is the thread's only wait, and the warm-ups come after it.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (early.getState() != Thread.State.WAITING) {
            assertTrue(early.isAlive() && System.nanoTime() < deadline, "the early thread never waited: "
                    + early.getState());
            Thread.sleep(1);
        }
        assertEquals(1, warmedUp.getCount(), "warmed up before the flow said a word");
        work.known(true);
        assertTrue(warmedUp.await(10, TimeUnit.SECONDS), "never warmed up");
    }

    @Test
    void skipsTheDelegationWarmUpsOfACallThatEndsAtItsFailpoint() throws Exception {
        CountDownLatch warmedUp = new CountDownLatch(1);
        ActionRegistry registry = ActionRegistry.of(List.of());
        Set<Thread> before = earlyThreads();
        EarlyWork work = EarlyWork.start(() -> registry, warmedUp::countDown);
        Thread early = theNewOne(before);
        work.known(false);
        assertSame(registry, work.get());
        early.join(TimeUnit.SECONDS.toMillis(10));
        assertFalse(early.isAlive(), "the early thread did not end");
        assertEquals(1, warmedUp.getCount(), "warmed up for a call that does not delegate");
    }

    /** The live threads EarlyWork starts; other tests leave theirs waiting for a word that never comes. */
    private static Set<Thread> earlyThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().equals("cnifp-early-work")).collect(Collectors.toSet());
    }

    private static Thread theNewOne(Set<Thread> before) {
        Set<Thread> now = earlyThreads();
        now.removeAll(before);
        assertEquals(1, now.size(), "one new early thread");
        return now.iterator().next();
    }

    @Test
    void withoutAThreadTheCallerFindsTheActions() {
        ActionRegistry registry = ActionRegistry.of(List.of());
        AtomicReference<Thread> finder = new AtomicReference<>();
        EarlyWork work = EarlyWork.notStarted(() -> {
            finder.set(Thread.currentThread());
            return registry;
        });
        work.known(true);
        assertSame(registry, work.get());
        assertSame(Thread.currentThread(), finder.get());
    }

    @Test
    void rethrowsTheExceptionOfTheFindItself() {
        IllegalStateException conflict = new IllegalStateException("two providers of \"error\"");
        EarlyWork work = EarlyWork.start(() -> {
            throw conflict;
        });
        assertSame(conflict, assertThrows(IllegalStateException.class, work::get));
    }

    /** The caller waits for the early thread's find, interrupted all along, and leaves still interrupted. */
    @Test
    void keepsTheCallersInterruptStatus() throws Exception {
        ActionRegistry registry = ActionRegistry.of(List.of());
        CountDownLatch finding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        EarlyWork work = EarlyWork.start(() -> {
            finding.countDown();
            boolean released = false;
            while (!released) {
                try {
                    released = release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    // nobody interrupts the early thread; keep waiting
                }
            }
            return registry;
        });
        assertTrue(finding.await(10, TimeUnit.SECONDS), "the early thread never looked for the actions");
        Thread releaser = releaseLater(release);
        Thread.currentThread().interrupt();
        try {
            assertSame(registry, work.get());
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
            releaser.join();
        }
    }

    /** Counts the latch down after 50 ms, long enough for the caller to be waiting on the early thread. */
    private static Thread releaseLater(CountDownLatch release) {
        return Thread.ofPlatform().start(() -> {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            release.countDown();
        });
    }
}
