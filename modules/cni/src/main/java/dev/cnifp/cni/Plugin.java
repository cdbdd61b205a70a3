package dev.cnifp.cni;

import dev.cnifp.cni.protocol.PluginInfo;
import dev.cnifp.cni.protocol.Skel;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;
import java.util.Objects;

/**
 * {@code cni-bridge-fp} as a function: one CNI call in, an exit status out, with everything it writes going to the
 * given streams. {@code Main} is the thin shell around it.
 */
public final class Plugin {
    public static final String ABOUT = "bridge with failpoint support";

    private final Skel skel;
    private final FailpointHandler handler;

    public Plugin(Collaborators collaborators) {
        Objects.requireNonNull(collaborators, "collaborators");
        this.skel = new Skel(PluginInfo.of(ABOUT), collaborators.netns());
        this.handler = new FailpointHandler(collaborators);
    }

    /**
     * Runs one call.
     *
     * @param stdout receives the CNI answer only: an ADD result, the VERSION answer or an error
     * @return the exit status: 0 success, 1 error printed, 2 failpoint panic, or a failpoint's exit status
     */
    public int run(Map<String, String> env, InputStream stdin, PrintStream stdout, PrintStream stderr) {
        return skel.run(env, stdin, stdout, stderr, handler);
    }
}
