package dev.cnifp.cni.protocol;

import static dev.cnifp.cni.protocol.EnvVar.CNI_CONTAINERID;
import static dev.cnifp.cni.protocol.EnvVar.CNI_IFNAME;
import static dev.cnifp.cni.protocol.EnvVar.CNI_NETNS;
import static dev.cnifp.cni.protocol.EnvVar.CNI_PATH;

import java.util.Optional;

/**
 * The CNI commands and what skel (CNI library HEAD) asks of each: the environment variables it requires besides
 * {@code CNI_COMMAND}, and the lowest configuration version it accepts before checking the version exactly.
 */
public enum Command {
    ADD("", true, CNI_CONTAINERID, CNI_NETNS, CNI_IFNAME, CNI_PATH),
    DEL("", true, CNI_CONTAINERID, CNI_IFNAME, CNI_PATH),
    CHECK("0.4.0", false, CNI_CONTAINERID, CNI_NETNS, CNI_IFNAME, CNI_PATH),
    VERSION("", false),
    STATUS("1.1.0", false, CNI_PATH),
    GC("1.1.0", false, CNI_PATH);

    private final String minimumVersion;
    private final boolean checksNetnsAfterSuccess;
    /** Bit {@code 1 << ordinal} per required variable: an EnumSet would cost every cold call a reflective values(). */
    private final int required;

    Command(String minimumVersion, boolean checksNetnsAfterSuccess, EnvVar... required) {
        this.minimumVersion = minimumVersion;
        this.checksNetnsAfterSuccess = checksNetnsAfterSuccess;
        int bits = 0;
        for (EnvVar variable : required) {
            bits |= 1 << variable.ordinal();
        }
        this.required = bits;
    }

    /** The command with exactly this name; CNI command names are case-sensitive. */
    public static Optional<Command> named(String name) {
        for (Command command : values()) {
            if (command.name().equals(name)) {
                return Optional.of(command);
            }
        }
        return Optional.empty();
    }

    /** Whether skel requires this variable for the command ({@code CNI_COMMAND} itself is always required). */
    public boolean requires(EnvVar variable) {
        return (required & (1 << variable.ordinal())) != 0;
    }

    /** The configuration version the command needs at least, e.g. {@code 0.4.0} for CHECK; empty for none. */
    public Optional<String> minimumVersion() {
        return minimumVersion.isEmpty() ? Optional.empty() : Optional.of(minimumVersion);
    }

    /** ADD and DEL: after the handler succeeded, skel refuses a CNI_NETNS that is the plugin's own namespace. */
    public boolean checksNetnsAfterSuccess() {
        return checksNetnsAfterSuccess;
    }

    /** Every command but VERSION reads and validates the network configuration on stdin. */
    public boolean readsConfig() {
        return this != VERSION;
    }
}
