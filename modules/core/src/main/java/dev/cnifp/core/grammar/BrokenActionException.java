package dev.cnifp.core.grammar;

import dev.cnifp.core.internal.ProviderOrigin;
import java.io.Serial;

/**
 * A failpoint action that broke its contract or failed while binding or firing: a bug in its provider, which the
 * message names (module and class), not in the spec. The CNI plugin answers it with a CNI error rather than dying.
 */
public final class BrokenActionException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    BrokenActionException(String actionName, Class<?> provider, String what, Throwable cause) {
        super("action \"%s\" from %s %s".formatted(actionName, ProviderOrigin.of(provider), what), cause);
    }
}
