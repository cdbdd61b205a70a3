package dev.cnifp.cni;

import dev.cnifp.cni.delegate.AddResult;
import dev.cnifp.cni.delegate.Delegate;
import dev.cnifp.cni.logging.PluginLog;
import dev.cnifp.cni.protocol.ProcNetnsProbe;
import dev.cnifp.core.registry.ActionRegistry;
import java.util.function.Supplier;

/** The real collaborators of a plugin process. */
final class Wiring {
    private Wiring() {}

    /**
     * @param cniCommand {@code CNI_COMMAND} as given: every command but VERSION may read a failpoint file and start the
     *        delegate, so for those the {@link EarlyWork} begins at once
     */
    static Collaborators production(PluginLog log, String cniCommand) {
        Supplier<ActionRegistry> actions;
        if ("VERSION".equals(cniCommand)) {
            actions = ActionRegistry::fromBootLayer;
        } else if ("ADD".equals(cniCommand)) {
            actions = EarlyWork.start(ActionRegistry::fromBootLayer, AddResult::warmUp);
        } else {
            actions = EarlyWork.start(ActionRegistry::fromBootLayer);
        }
        return new Collaborators(
                (plugin, command, env, stdin, stderr) -> new Delegate(plugin, env).invoke(command.name(), stdin, stderr),
                AddResult::reprint,
                new FileFailpointStore(),
                actions,
                RandomSource.unseeded(),
                Sleeper.real(),
                new ProcNetnsProbe(),
                log);
    }
}
