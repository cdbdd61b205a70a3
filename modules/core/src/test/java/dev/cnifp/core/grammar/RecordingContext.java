package dev.cnifp.core.grammar;

import dev.cnifp.core.spi.FireContext;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A fire context that records sleeps instead of sleeping. */
final class RecordingContext implements FireContext {
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    @Override
    public String point() {
        return "cmdAdd";
    }

    @Override
    public void sleep(Duration duration) {
        sleeps.add(duration);
    }

    List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }
}
