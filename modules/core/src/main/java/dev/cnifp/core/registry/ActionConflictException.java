package dev.cnifp.core.registry;

import java.io.Serial;

/** Two different provider classes claim the same action name; the message names both modules and classes. */
public final class ActionConflictException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final String actionName;

    ActionConflictException(String actionName, Class<?> first, Class<?> second) {
        super("action \"%s\" is provided by both %s and %s".formatted(actionName, origin(first), origin(second)));
        this.actionName = actionName;
    }

    /** The name both providers claim. */
    public String actionName() {
        return actionName;
    }

    private static String origin(Class<?> provider) {
        Module module = provider.getModule();
        String where = module.isNamed() ? "module " + module.getName() : "the class path";
        return where + " (" + provider.getName() + ")";
    }
}
