package dev.cnifp.cni;

import dev.cnifp.cni.logging.PluginLog;
import dev.cnifp.cni.protocol.NetnsProbe;
import dev.cnifp.core.registry.ActionRegistry;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Everything the plugin's flow talks to outside itself, so that a test can run the whole flow in-process.
 *
 * @param actions the failpoint actions; the flow asks for them only when the command's entry holds a spec, since
 *        finding them (a ServiceLoader scan) costs start-up time (in the plugin, EarlyWork finds them on its own
 *        thread for every call but VERSION when there is a second CPU)
 * @param outlook told whether the call will go on to its delegate, as soon as the flow knows
 */
public record Collaborators(DelegateRunner delegate, AddResultPrinter addResults, FailpointStore failpoints,
        Supplier<ActionRegistry> actions, RandomSource random, Sleeper sleeper, NetnsProbe netns, PluginLog log,
        DelegationOutlook outlook) {

    public Collaborators {
        Objects.requireNonNull(delegate, "delegate");
        Objects.requireNonNull(addResults, "addResults");
        Objects.requireNonNull(failpoints, "failpoints");
        Objects.requireNonNull(actions, "actions");
        Objects.requireNonNull(random, "random");
        Objects.requireNonNull(sleeper, "sleeper");
        Objects.requireNonNull(netns, "netns");
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(outlook, "outlook");
    }

    public Collaborators withDelegate(DelegateRunner value) {
        return new Collaborators(value, addResults, failpoints, actions, random, sleeper, netns, log, outlook);
    }

    public Collaborators withAddResults(AddResultPrinter value) {
        return new Collaborators(delegate, value, failpoints, actions, random, sleeper, netns, log, outlook);
    }

    public Collaborators withFailpoints(FailpointStore value) {
        return new Collaborators(delegate, addResults, value, actions, random, sleeper, netns, log, outlook);
    }

    public Collaborators withActions(Supplier<ActionRegistry> value) {
        return new Collaborators(delegate, addResults, failpoints, value, random, sleeper, netns, log, outlook);
    }

    public Collaborators withRandom(RandomSource value) {
        return new Collaborators(delegate, addResults, failpoints, actions, value, sleeper, netns, log, outlook);
    }

    public Collaborators withSleeper(Sleeper value) {
        return new Collaborators(delegate, addResults, failpoints, actions, random, value, netns, log, outlook);
    }

    public Collaborators withNetns(NetnsProbe value) {
        return new Collaborators(delegate, addResults, failpoints, actions, random, sleeper, value, log, outlook);
    }

    public Collaborators withLog(PluginLog value) {
        return new Collaborators(delegate, addResults, failpoints, actions, random, sleeper, netns, value, outlook);
    }

    public Collaborators withOutlook(DelegationOutlook value) {
        return new Collaborators(delegate, addResults, failpoints, actions, random, sleeper, netns, log, value);
    }
}
