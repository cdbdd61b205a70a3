package dev.cnifp.cni;

import dev.cnifp.cni.delegate.AddResult;
import dev.cnifp.cni.delegate.Delegate;
import dev.cnifp.cni.logging.PluginLog;
import dev.cnifp.cni.protocol.ProcNetnsProbe;
import dev.cnifp.core.registry.ActionRegistry;

/** The real collaborators of a plugin process. */
final class Wiring {
    private Wiring() {}

    static Collaborators production(PluginLog log) {
        return new Collaborators(
                (plugin, command, env, stdin, stderr) -> new Delegate(plugin, env).invoke(command.name(), stdin, stderr),
                AddResult::reprint,
                new FileFailpointStore(),
                ActionRegistry::fromBootLayer,
                RandomSource.unseeded(),
                Sleeper.real(),
                new ProcNetnsProbe(),
                log);
    }
}
