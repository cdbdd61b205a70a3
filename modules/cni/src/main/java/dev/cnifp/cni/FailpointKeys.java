package dev.cnifp.cni;

import dev.cnifp.cni.protocol.Command;

/** The failpoint file's key for each command, e.g. {@code cmdAdd}; also the failpoint's name when it fires. */
final class FailpointKeys {
    private FailpointKeys() {}

    static String of(Command command) {
        return switch (command) {
            case ADD -> "cmdAdd";
            case DEL -> "cmdDel";
            case CHECK -> "cmdCheck";
            case STATUS -> "cmdStatus";
            case GC -> "cmdGC";
            case VERSION -> throw new IllegalArgumentException("VERSION has no failpoint");
        };
    }
}
