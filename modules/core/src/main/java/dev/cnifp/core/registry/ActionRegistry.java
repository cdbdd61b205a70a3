package dev.cnifp.core.registry;

import dev.cnifp.core.spi.FailpointAction;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * The failpoint actions that can be named in a spec, found as {@link FailpointAction} services. Built-in actions
 * are providers like any other, so a third-party action in another module or layer is found the same way.
 *
 * <p>Immutable and thread-safe. Every provider is instantiated once, when the registry is built.
 */
public final class ActionRegistry {

    // A HashMap, sorted on demand: the plugin only looks names up, and a TreeMap's classes would join the start-up
    // archive that every plugin call maps and links.
    private final Map<String, FailpointAction> byName;

    private ActionRegistry(Map<String, FailpointAction> byName) {
        this.byName = byName;
    }

    /**
     * The actions of the boot layer. A named core without a class path (the jlink image) searches the boot layer
     * alone; otherwise the core's class loader is searched, so providers are found both as named modules
     * ({@code provides}) and on the class path ({@code META-INF/services}).
     *
     * @throws ActionConflictException when two provider classes claim one name
     * @throws InvalidActionException when a provider's name cannot be written in a spec
     */
    public static ActionRegistry fromBootLayer() {
        if (ActionRegistry.class.getModule().isNamed() && System.getProperty("java.class.path", "").isEmpty()) {
            // No class path (the jlink image): the boot layer is all the class loader would search first, and
            // then it would look for META-INF/services files in vain, reading the jimage (~5 ms in a cold JVM).
            return from(List.of(ServiceLoader.load(ModuleLayer.boot(), FailpointAction.class)));
        }
        return from(List.of(ServiceLoader.load(FailpointAction.class, ActionRegistry.class.getClassLoader())));
    }

    /**
     * The actions of the given layers and all their parents (which normally include the boot layer). The same
     * provider class found through two layers counts once. When the core itself runs on the class path, the
     * class path is searched as well, so the built-in actions are always there.
     *
     * @throws ActionConflictException when two provider classes claim one name
     * @throws InvalidActionException when a provider's name cannot be written in a spec
     */
    public static ActionRegistry fromLayers(List<ModuleLayer> layers) {
        List<ServiceLoader<FailpointAction>> loaders = new ArrayList<>();
        if (!ActionRegistry.class.getModule().isNamed()) {
            loaders.add(ServiceLoader.load(FailpointAction.class, ActionRegistry.class.getClassLoader()));
        }
        for (ModuleLayer layer : layers) {
            loaders.add(ServiceLoader.load(Objects.requireNonNull(layer, "layer"), FailpointAction.class));
        }
        return from(loaders);
    }

    /**
     * A registry of the given action instances, without service discovery: for tests and embedders.
     *
     * @throws ActionConflictException when two actions of different classes claim one name
     * @throws InvalidActionException when an action's name cannot be written in a spec
     */
    public static ActionRegistry of(Collection<? extends FailpointAction> actions) {
        Map<String, FailpointAction> byName = new HashMap<>();
        for (FailpointAction action : actions) {
            add(byName, Objects.requireNonNull(action, "action"));
        }
        return new ActionRegistry(byName);
    }

    private static ActionRegistry from(List<ServiceLoader<FailpointAction>> loaders) {
        Map<String, FailpointAction> byName = new HashMap<>();
        Set<Class<?>> seen = new HashSet<>();
        if (loaders.size() == 1) {
            // The plugin's case (fromBootLayer): one loader yields each provider once, so plain iteration does;
            // ServiceLoader.stream() would load ~35 stream classes into every cold plugin process.
            for (FailpointAction action : loaders.get(0)) {
                add(byName, action);
            }
            return new ActionRegistry(byName);
        }
        for (ServiceLoader<FailpointAction> loader : loaders) {
            loader.stream()
                    .filter(provider -> seen.add(provider.type()))
                    .forEach(provider -> add(byName, provider.get()));
        }
        return new ActionRegistry(byName);
    }

    private static void add(Map<String, FailpointAction> byName, FailpointAction action) {
        String name;
        try {
            name = action.name();
        } catch (RuntimeException | LinkageError e) { // a provider's bug, reported like a bad name, not as our crash
            throw new InvalidActionException(action.getClass(), e);
        }
        if (!FailpointAction.isValidName(name)) {
            throw new InvalidActionException(action.getClass(), name);
        }
        FailpointAction earlier = byName.putIfAbsent(name, action);
        if (earlier != null && earlier.getClass() != action.getClass()) {
            throw new ActionConflictException(name, earlier.getClass(), action.getClass());
        }
    }

    /** The action with this exact (case-sensitive) name. */
    public Optional<FailpointAction> find(String name) {
        return Optional.ofNullable(byName.get(Objects.requireNonNull(name, "name")));
    }

    /** All actions, sorted by name. */
    public List<FailpointAction> actions() {
        List<FailpointAction> actions = new ArrayList<>();
        for (String name : names()) {
            actions.add(byName.get(name));
        }
        return List.copyOf(actions);
    }

    /** All action names, sorted. */
    public List<String> names() {
        List<String> names = new ArrayList<>(byName.keySet());
        names.sort(null);
        return List.copyOf(names);
    }

    @Override
    public String toString() {
        return "ActionRegistry" + names();
    }
}
