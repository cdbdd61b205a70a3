package dev.cnifp.cni;

import java.time.Duration;

/** How a {@code delay(ms)} failpoint waits; tests replace it to keep time. */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;

    static Sleeper real() {
        return Thread::sleep;
    }
}
