package dev.cnifp.e2e;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh {@link PluginWithFakeBridge} for every test, removed after it:
 * {@code @RegisterExtension final FakeBridgePlugin fake = new FakeBridgePlugin();}, then {@code fake.plugin()}.
 */
final class FakeBridgePlugin implements BeforeEachCallback, AfterEachCallback {
    private PluginWithFakeBridge plugin;

    @Override
    public void beforeEach(ExtensionContext context) {
        PluginBinary.requireThePlugin();
        plugin = PluginWithFakeBridge.create();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (plugin != null) {
            plugin.close();
            plugin = null;
        }
    }

    PluginWithFakeBridge plugin() {
        return plugin;
    }
}
