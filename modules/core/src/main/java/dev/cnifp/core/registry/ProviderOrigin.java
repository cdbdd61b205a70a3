package dev.cnifp.core.registry;

/** How the registry's errors name a provider: its module (or the class path) and its class. */
final class ProviderOrigin {
    private ProviderOrigin() {}

    /** E.g. {@code module acme.alpha (acme.alpha.Action)}, or {@code the class path (a.B)}. */
    static String of(Class<?> provider) {
        Module module = provider.getModule();
        String where = module.isNamed() ? "module " + module.getName() : "the class path";
        return where + " (" + provider.getName() + ")";
    }
}
