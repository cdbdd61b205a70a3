package dev.cnifp.cni;

import dev.cnifp.cni.delegate.AddResult;
import dev.cnifp.cni.delegate.Delegate;
import dev.cnifp.cni.logging.PluginLog;
import dev.cnifp.cni.protocol.ProcNetnsProbe;
import dev.cnifp.core.registry.ActionRegistry;

/** The real collaborators of a plugin process. */
final class Wiring {
    private Wiring() {}

    /**
     * Starts the {@link EarlyWork} when the command may need it and a second processor can run it, and returns it: it
     * finds the failpoint actions and hears the delegation outlook.
     *
     * @param cniCommand {@code CNI_COMMAND} as given: every command but VERSION may read a failpoint file and start the
     *        delegate, so for those the work begins at once
     * @param processors what {@link Runtime#availableProcessors()} says: the CPUs this process may run on (its
     *        affinity), or its cgroup's CPU quota rounded up. With one, the second thread can only take turns with
     *        this one: on one CPU it made a failing ADD 0.7 ms and a delegated ADD 1.6 ms slower (measured,
     *        docs/performance.md). The work is then left undone, and the actions are found when first asked for.
     */
    static EarlyWork startEarlyWork(String cniCommand, int processors) {
        if ("VERSION".equals(cniCommand) || processors < 2) {
            return EarlyWork.notStarted(ActionRegistry::fromBootLayer);
        }
        if ("ADD".equals(cniCommand)) {
            return EarlyWork.start(ActionRegistry::fromBootLayer, AddResult::warmUp);
        }
        return EarlyWork.start(ActionRegistry::fromBootLayer);
    }

    /** @param earlyWork from {@link #startEarlyWork}: finds the actions, hears the outlook */
    static Collaborators production(PluginLog log, EarlyWork earlyWork) {
        return new Collaborators(
                (plugin, command, env, stdin, stderr) -> new Delegate(plugin, env).invoke(command.name(), stdin, stderr),
                AddResult::reprint,
                new FileFailpointStore(),
                earlyWork,
                RandomSource.unseeded(),
                Sleeper.real(),
                new ProcNetnsProbe(),
                log,
                earlyWork);
    }
}
