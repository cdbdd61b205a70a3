package dev.cnifp.e2e;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh sandbox with the README's network namespace and a CNI bin directory holding the plugin and Debian's real
 * plugins, for every test, removed after it:
 * {@code @RegisterExtension final RealBridgeSandbox real = RealBridgeSandbox.forOurPlugin();}, then
 * {@code real.sandbox()} and {@code real.plugin()}.
 */
final class RealBridgeSandbox implements BeforeEachCallback, AfterEachCallback {
    private final boolean needsOurPlugin;
    private NetnsSandbox sandbox;
    private CniPath cniPath;
    private PluginRunner plugin;

    private RealBridgeSandbox(boolean needsOurPlugin) {
        this.needsOurPlugin = needsOurPlugin;
    }

    /** For tests of failpoints: they need this project's plugin, not whatever {@code cnifp.plugin} names. */
    static RealBridgeSandbox forOurPlugin() {
        return new RealBridgeSandbox(true);
    }

    /** For tests any CNI plugin in front of bridge must pass, e.g. bridge itself through {@code cnifp.plugin}. */
    static RealBridgeSandbox forAnyPlugin() {
        return new RealBridgeSandbox(false);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        RealParts.requireNamespaces();
        RealParts.requireRealBridge();
        if (needsOurPlugin) {
            PluginBinary.requireThePlugin();
        }
        cniPath = CniPath.withRealPlugins(PluginBinary.locate());
        sandbox = NetnsSandbox.start(SeedExample.NETNS);
        plugin = PluginRunner.inSandbox(sandbox, cniPath);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (sandbox != null) {
            sandbox.close();
            sandbox = null;
        }
        if (cniPath != null) {
            cniPath.close();
            cniPath = null;
        }
        plugin = null;
    }

    NetnsSandbox sandbox() {
        return sandbox;
    }

    PluginRunner plugin() {
        return plugin;
    }
}
