package dev.cnifp.core.registry;

import java.io.Serial;

/** A provider whose name could never be written in a spec, or that has none; the message names its module and class. */
public final class InvalidActionException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    InvalidActionException(Class<?> provider, String name) {
        super("action %s from %s (%s) has an invalid name: expected ASCII [A-Za-z][A-Za-z0-9_]*".formatted(
                name == null ? "null" : "\"" + name + "\"", origin(provider), provider.getName()));
    }

    /** A provider whose {@code name()} threw: no name at all. */
    InvalidActionException(Class<?> provider, Throwable thrown) {
        super("the action from %s (%s) has no name: its name() threw %s".formatted(origin(provider),
                provider.getName(), thrown), thrown);
    }

    private static String origin(Class<?> provider) {
        return provider.getModule().isNamed() ? "module " + provider.getModule().getName() : "the class path";
    }
}
