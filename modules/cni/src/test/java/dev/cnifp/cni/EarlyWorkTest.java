package dev.cnifp.cni;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cnifp.core.registry.ActionRegistry;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The registry found on the early thread is handed over as if it had been found by the caller. */
class EarlyWorkTest {

    @Test
    void handsOverTheRegistryItFound() {
        ActionRegistry registry = ActionRegistry.of(List.of());
        assertSame(registry, EarlyWork.start(() -> registry).get());
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
        Thread releaser = Thread.ofPlatform().start(() -> {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            release.countDown();
        });
        assertSame(registry, work.get());
        assertSame(registry, work.get());
        releaser.join();
        assertEquals(1, finds.get());
    }

    @Test
    void rethrowsTheExceptionOfTheFindItself() {
        IllegalStateException conflict = new IllegalStateException("two providers of \"error\"");
        EarlyWork work = EarlyWork.start(() -> {
            throw conflict;
        });
        assertSame(conflict, assertThrows(IllegalStateException.class, work::get));
    }

    @Test
    void keepsTheCallersInterruptStatus() {
        ActionRegistry registry = ActionRegistry.of(List.of());
        EarlyWork work = EarlyWork.start(() -> registry);
        Thread.currentThread().interrupt();
        try {
            assertSame(registry, work.get());
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
    }
}
