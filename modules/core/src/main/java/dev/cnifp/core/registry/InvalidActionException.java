package dev.cnifp.core.registry;

import dev.cnifp.core.internal.ProviderOrigin;
import java.io.Serial;

/** A provider whose name could never be written in a spec, or that has none; the message names its module and class. */
public final class InvalidActionException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    InvalidActionException(Class<?> provider, String name) {
        super("action %s from %s has an invalid name: expected ASCII [A-Za-z][A-Za-z0-9_]*".formatted(
                name == null ? "null" : "\"" + name + "\"", ProviderOrigin.of(provider)));
    }

    /** A provider whose {@code name()} threw: no name at all. */
    InvalidActionException(Class<?> provider, Throwable thrown) {
        super("the action from %s has no name: its name() threw %s".formatted(ProviderOrigin.of(provider), thrown),
                thrown);
    }
}
