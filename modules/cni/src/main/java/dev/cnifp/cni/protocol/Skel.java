package dev.cnifp.cni.protocol;

import dev.cnifp.cni.config.ConfigTypeException;
import dev.cnifp.cni.config.SkelFields;
import dev.cnifp.cni.json.GoJson;
import dev.cnifp.cni.json.GoJsonException;
import dev.cnifp.cni.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;
import java.util.Objects;

/**
 * The CNI dispatcher, after Go's {@code skel.PluginMainFuncs} at CNI library HEAD: reads and checks the
 * environment, reads and checks the configuration, applies each command's version rules, calls the handler, and
 * prints any error in one place.
 */
public final class Skel {
    private final PluginInfo info;
    private final NetnsProbe netns;

    public Skel(PluginInfo info, NetnsProbe netns) {
        this.info = Objects.requireNonNull(info, "info");
        this.netns = Objects.requireNonNull(netns, "netns");
    }

    /**
     * Runs one call.
     *
     * @return the exit status: 0, 1 after an error was printed on stdout, or what the handler asked for
     */
    public int run(Map<String, String> env, InputStream stdin, PrintStream stdout, PrintStream stderr,
            CommandHandler handler) {
        try {
            return dispatch(env, stdin, stdout, stderr, handler);
        } catch (CniException e) {
            stdout.print(e.error().toWireFormat());
            return 1;
        }
    }

    private int dispatch(Map<String, String> env, InputStream stdin, PrintStream stdout, PrintStream stderr,
            CommandHandler handler) throws CniException {
        Invocation invocation;
        try {
            invocation = Invocation.fromEnvironment(env);
        } catch (CniException e) {
            String command = env.get(EnvVar.CNI_COMMAND.name());
            if (e.error().code() == ErrorCode.INVALID_ENVIRONMENT_VARIABLES && (command == null || command.isEmpty())
                    && !info.about().isEmpty()) {
                stderr.print(info.aboutText());
                return 0;
            }
            throw e;
        }
        if (invocation.command().equals(Command.VERSION.name())) {
            stdout.print(info.versionJson());
            return 0;
        }
        byte[] bytes = readAll(stdin);
        JsonValue config = validateConfig(bytes);
        Command command = invocation.knownCommand().orElseThrow(() -> new CniException(
                ErrorCode.INVALID_ENVIRONMENT_VARIABLES, "unknown CNI_COMMAND: " + invocation.command()));
        String configVersion = decodeVersion(config);
        Request request = new Request(command, invocation, env, bytes, config, configVersion);
        // No pattern switch in this file: its indy bootstrap (SwitchBootstraps) costs a cold JVM tens of ms.
        HandlerResult result = Objects.requireNonNull(callWithVersionRules(request, stdout, stderr, handler));
        if (result instanceof HandlerResult.Terminate terminate) {
            return terminate.status();
        }
        // HandlerResult.Done
        if (command.checksNetnsAfterSuccess() && !invocation.netnsCheckOverridden()
                && netns.isPluginNetns(invocation.netns())) {
            throw new CniException(ErrorCode.INVALID_NETNS,
                    "plugin's netns and netns from CNI_NETNS should not be the same");
        }
        return 0;
    }

    private static byte[] readAll(InputStream stdin) throws CniException {
        try {
            return stdin.readAllBytes();
        } catch (IOException e) {
            throw new CniException(ErrorCode.IO_FAILURE, "error reading from stdin: " + GoErrors.readError(e));
        }
    }

    /** skel's {@code validateConfig}: a JSON object (or null) with a valid {@code name}. */
    private static JsonValue validateConfig(byte[] bytes) throws CniException {
        JsonValue config;
        String name;
        try {
            config = GoJson.parse(bytes);
            name = SkelFields.name(config);
        } catch (GoJsonException | ConfigTypeException e) {
            throw new CniException(ErrorCode.DECODING_FAILURE, "error unmarshall network config: " + e.getMessage());
        }
        CniNames.validateNetworkName(name);
        return config;
    }

    private static String decodeVersion(JsonValue config) throws CniException {
        try {
            return SkelFields.cniVersion(config);
        } catch (ConfigTypeException e) {
            throw new CniException(ErrorCode.DECODING_FAILURE,
                    "decoding version from network config: " + e.getMessage());
        }
    }

    /**
     * ADD and DEL: the exact version check. CHECK, STATUS and GC: the configuration must be at least the command's
     * minimum version and at most the newest version the plugin supports, then the exact check.
     */
    private HandlerResult callWithVersionRules(Request request, PrintStream stdout, PrintStream stderr,
            CommandHandler handler) throws CniException {
        var minimum = request.command().minimumVersion();
        if (minimum.isEmpty()) {
            return checkVersionAndCall(request, stdout, stderr, handler);
        }
        String name = request.command().name();
        try {
            if (!SpecVersion.greaterThanOrEqual(request.configVersion(), minimum.get())) {
                throw new CniException(ErrorCode.INCOMPATIBLE_CNI_VERSION, "config version does not allow " + name);
            }
            for (String pluginVersion : info.supportedVersions()) {
                if (SpecVersion.greaterThanOrEqual(pluginVersion, request.configVersion())) {
                    return checkVersionAndCall(request, stdout, stderr, handler);
                }
            }
        } catch (SpecVersion.FormatException e) {
            throw new CniException(ErrorCode.DECODING_FAILURE, e.getMessage());
        }
        throw new CniException(ErrorCode.INCOMPATIBLE_CNI_VERSION, "plugin version does not allow " + name);
    }

    private HandlerResult checkVersionAndCall(Request request, PrintStream stdout, PrintStream stderr,
            CommandHandler handler) throws CniException {
        if (!info.supportedVersions().contains(request.configVersion())) {
            throw new CniException(ErrorCode.INCOMPATIBLE_CNI_VERSION, "incompatible CNI versions",
                    info.incompatibilityDetails(request.configVersion()));
        }
        return handler.handle(request, stdout, stderr);
    }
}
