package dev.cnifp.core.registry;

import java.io.Serial;

/** A provider whose name could never be written in a spec; the message names its module and class. */
public final class InvalidActionException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    InvalidActionException(Class<?> provider, String name) {
        super("action %s from %s (%s) has an invalid name: expected ASCII [A-Za-z][A-Za-z0-9_]*".formatted(
                name == null ? "null" : "\"" + name + "\"",
                provider.getModule().isNamed() ? "module " + provider.getModule().getName() : "the class path",
                provider.getName()));
    }
}
