package dev.cnifp.core.spi;

import java.time.Duration;

/** What the driver of a failpoint offers an action while it fires. New capabilities arrive as default methods. */
public interface FireContext {

    /** The failpoint that fired, e.g. {@code cmdAdd}. */
    String point();

    /** Sleeps for the given time; a test can replace the clock. */
    void sleep(Duration duration) throws InterruptedException;
}
