package dev.cnifp.cni.protocol;

import dev.cnifp.cni.json.JsonValue;
import java.util.Map;
import java.util.Objects;

/**
 * A call that passed skel's checks, as a handler gets it (Go's {@code skel.CmdArgs}).
 *
 * @param env the whole environment of the call, for delegation
 * @param stdin the configuration bytes exactly as read, to be passed on verbatim
 * @param config the same bytes parsed; a JSON object or {@code null}
 * @param configVersion the configuration's {@code cniVersion}, {@code 0.1.0} when it has none
 */
public record Request(Command command, Invocation invocation, Map<String, String> env, byte[] stdin,
        JsonValue config, String configVersion) {

    public Request {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(invocation, "invocation");
        env = Map.copyOf(env);
        Objects.requireNonNull(stdin, "stdin");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(configVersion, "configVersion");
    }
}
