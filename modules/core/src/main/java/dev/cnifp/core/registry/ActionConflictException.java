package dev.cnifp.core.registry;

import dev.cnifp.core.internal.ProviderOrigin;
import java.io.Serial;

/**
 * Two different provider classes claim the same action name. The message names both modules and classes, in
 * alphabetical order so that it does not depend on discovery order.
 */
public final class ActionConflictException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final String actionName;

    ActionConflictException(String actionName, Class<?> first, Class<?> second) {
        super(message(actionName, ProviderOrigin.of(first), ProviderOrigin.of(second)));
        this.actionName = actionName;
    }

    /** The name both providers claim. */
    public String actionName() {
        return actionName;
    }

    private static String message(String actionName, String first, String second) {
        boolean ordered = first.compareTo(second) <= 0;
        return "action \"%s\" is provided by both %s and %s"
                .formatted(actionName, ordered ? first : second, ordered ? second : first);
    }
}
