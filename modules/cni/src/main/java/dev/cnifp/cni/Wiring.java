package dev.cnifp.cni;

import dev.cnifp.cni.logging.PluginLog;
import dev.cnifp.cni.protocol.CniException;
import dev.cnifp.cni.protocol.ProcNetnsProbe;
import dev.cnifp.core.registry.ActionRegistry;

/** The real collaborators of a plugin process. */
final class Wiring {
    private Wiring() {}

    static Collaborators production(PluginLog log) {
        return new Collaborators(
                (plugin, command, env, stdin, stderr) -> {
                    throw CniException.internal("delegation is not wired yet");
                },
                (stdout, version) -> {
                    throw CniException.internal("result printing is not wired yet");
                },
                new FileFailpointStore(),
                ActionRegistry::fromBootLayer,
                RandomSource.unseeded(),
                Sleeper.real(),
                new ProcNetnsProbe(),
                log);
    }
}
