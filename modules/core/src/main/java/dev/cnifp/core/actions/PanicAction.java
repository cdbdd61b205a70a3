package dev.cnifp.core.actions;

import dev.cnifp.core.spi.Outcome;

/** {@code panic(message)}: asks the driver to end the process the way a Go program panics. */
public final class PanicAction extends MessageAction {

    public PanicAction() {
        super("panic", "ends the process like a Go panic: \"panic: <argument>\" and a trace on stderr, exit code 2",
                Outcome.Panic::new);
    }
}
