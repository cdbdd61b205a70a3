package dev.cnifp.core.internal;

/** How the core's errors name an action's provider: its module (or the class path) and its class. */
public final class ProviderOrigin {
    private ProviderOrigin() {}

    /** E.g. {@code module acme.alpha (acme.alpha.Action)}, or {@code the class path (a.B)}. */
    public static String of(Class<?> provider) {
        Module module = provider.getModule();
        String where = module.isNamed() ? "module " + module.getName() : "the class path";
        return where + " (" + provider.getName() + ")";
    }
}
