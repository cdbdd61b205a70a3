package dev.cnifp.cni.logging;

import java.util.function.Supplier;

/**
 * The plugin's log. Nothing here may touch slf4j until a message is actually written at an enabled level: a call
 * that logs nothing must not pay for logger initialisation.
 */
public interface PluginLog {

    /** Called once, as soon as the network configuration is known. */
    void configure(LogSettings settings);

    /** Logs at debug level; the message is only built when debug is enabled. */
    void debug(Supplier<String> message);

    /** A log that drops everything, for tests that do not look at it. */
    static PluginLog silent() {
        return new PluginLog() {
            @Override
            public void configure(LogSettings settings) {}

            @Override
            public void debug(Supplier<String> message) {}
        };
    }
}
