package dev.cnifp.core.registry;

import dev.cnifp.core.spi.FailpointAction;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.spi.ToolProvider;

/**
 * Compiles tiny third-party action modules at test time and loads them into a child layer of the boot layer, the
 * way a later issue loads action modules from a directory.
 */
final class ProviderModules {

    private final Path root;

    ProviderModules(Path root) {
        this.root = root;
    }

    /**
     * Compiles a module {@code moduleName} with one provider class {@code moduleName.Action} whose action is
     * called {@code actionName}, fails with code 42 and takes an optional argument. Returns its exploded directory.
     */
    Path compile(String moduleName, String actionName) throws IOException, URISyntaxException {
        Path sources = root.resolve("src").resolve(moduleName);
        Path packageDir = sources.resolve(moduleName.replace('.', '/'));
        Files.createDirectories(packageDir);
        Files.writeString(sources.resolve("module-info.java"), """
                module %s {
                    requires dev.cnifp.core;
                    provides dev.cnifp.core.spi.FailpointAction with %s.Action;
                }
                """.formatted(moduleName, moduleName));
        Files.writeString(packageDir.resolve("Action.java"), """
                package %1$s;

                import dev.cnifp.core.spi.*;
                import java.util.Optional;

                public final class Action implements FailpointAction {
                    public String name() { return "%2$s"; }
                    public String description() { return "test action from %1$s"; }
                    public ArgumentRule argumentRule() { return ArgumentRule.OPTIONAL; }
                    public BoundAction bind(String argument) {
                        // deliberately no equals: terms compare by their marshalled form
                        return new BoundAction() {
                            public Optional<String> argument() { return Optional.ofNullable(argument); }
                            public Outcome fire(FireContext context) {
                                return new Outcome.Fail(42, argument == null ? "%2$s" : argument, "%1$s");
                            }
                        };
                    }
                }
                """.formatted(moduleName, actionName));
        Path classes = root.resolve("mods").resolve(moduleName);
        ToolProvider javac = ToolProvider.findFirst("javac").orElseThrow();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(output, true, StandardCharsets.UTF_8);
        List<String> args = new ArrayList<>(List.of("--module-path", coreLocation().toString(), "-d",
                classes.toString(), sources.resolve("module-info.java").toString(),
                packageDir.resolve("Action.java").toString()));
        int status = javac.run(print, print, args.toArray(String[]::new));
        if (status != 0) {
            throw new IllegalStateException("javac failed: " + output.toString(StandardCharsets.UTF_8));
        }
        return classes;
    }

    /** A child layer of the boot layer holding the given exploded modules. */
    static ModuleLayer layerOf(Set<String> moduleNames, Path... moduleDirs) {
        ModuleFinder finder = ModuleFinder.of(moduleDirs);
        ModuleLayer boot = ModuleLayer.boot();
        Configuration configuration = boot.configuration().resolveAndBind(finder, ModuleFinder.of(), moduleNames);
        return boot.defineModulesWithOneLoader(configuration, ClassLoader.getSystemClassLoader());
    }

    private static Path coreLocation() throws URISyntaxException {
        return Path.of(FailpointAction.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
