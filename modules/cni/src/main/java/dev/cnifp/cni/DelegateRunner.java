package dev.cnifp.cni;

import dev.cnifp.cni.protocol.CniException;
import dev.cnifp.cni.protocol.Command;
import java.io.OutputStream;
import java.util.Map;

/** Runs the delegate plugin (normally {@code bridge}) for one command, like Go's {@code invoke.Delegate*}. */
@FunctionalInterface
public interface DelegateRunner {

    /**
     * @param env this process's environment; the delegate gets it with {@code CNI_COMMAND} set to {@code command}
     * @param stdin the configuration bytes exactly as this plugin read them
     * @param stderr where the delegate's stderr is copied when it succeeds
     * @return the delegate's stdout
     * @throws CniException the delegate could not be found or run, or failed (its own error code is kept)
     */
    byte[] invoke(String pluginName, Command command, Map<String, String> env, byte[] stdin, OutputStream stderr)
            throws CniException;
}
