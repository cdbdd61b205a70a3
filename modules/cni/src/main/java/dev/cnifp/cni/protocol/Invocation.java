package dev.cnifp.cni.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The CNI environment of one call, read the way skel at CNI library HEAD reads it: variables in {@link EnvVar}
 * order, a set-but-empty variable counts as missing, a required and set variable is validated at once (so an invalid
 * container ID wins over a missing CNI_NETNS), and the missing ones are reported together at the end.
 *
 * @param command {@code CNI_COMMAND} as given; it may name no known command
 */
public record Invocation(String command, String containerId, String netns, String ifName, String args, String path,
        String netnsOverride) {

    /**
     * @throws CniException code 4 {@code required env variables [A,B] missing}, or a validation error of a required
     *         variable
     */
    public static Invocation fromEnvironment(Map<String, String> env) throws CniException {
        String command = value(env, EnvVar.CNI_COMMAND);
        Optional<Command> known = Command.named(command);
        String[] values = new String[EnvVar.values().length]; // by ordinal; EnumMap reflects on the enum's values()
        List<String> missing = new ArrayList<>();
        for (EnvVar variable : EnvVar.values()) {
            String value = value(env, variable);
            values[variable.ordinal()] = value;
            boolean required = known.map(c -> c.requires(variable)).orElse(false);
            if (value.isEmpty()) {
                if (required || variable == EnvVar.CNI_COMMAND) {
                    missing.add(variable.name());
                }
            } else if (required) {
                variable.validate(value);
            }
        }
        if (!missing.isEmpty()) {
            throw new CniException(ErrorCode.INVALID_ENVIRONMENT_VARIABLES,
                    "required env variables [" + String.join(",", missing) + "] missing");
        }
        return new Invocation(command, values[EnvVar.CNI_CONTAINERID.ordinal()],
                values[EnvVar.CNI_NETNS.ordinal()], values[EnvVar.CNI_IFNAME.ordinal()],
                values[EnvVar.CNI_ARGS.ordinal()], values[EnvVar.CNI_PATH.ordinal()],
                values[EnvVar.CNI_NETNS_OVERRIDE.ordinal()]);
    }

    private static String value(Map<String, String> env, EnvVar variable) {
        String value = env.get(variable.name());
        return value == null ? "" : value;
    }

    /** The command, when it is one skel knows. */
    public Optional<Command> knownCommand() {
        return Command.named(command);
    }

    /** {@code CNI_NETNS_OVERRIDE} is {@code 1} or {@code true} in any case: skip the own-netns check. */
    public boolean netnsCheckOverridden() {
        return netnsOverride.equals("1") || netnsOverride.equalsIgnoreCase("true");
    }
}
