package dev.cnifp.cni.protocol;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** The Go library's {@code utils} checks of container IDs, network names and interface names, with its errors. */
public final class CniNames {
    /** {@code matches()} anchors at the very end, like Go's {@code $}: a trailing newline is not accepted. */
    private static final Pattern ID = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.\\-]*");
    private static final int MAX_INTERFACE_NAME_BYTES = 15;

    private CniNames() {}

    public static void validateContainerId(String containerId) throws CniException {
        if (containerId.isEmpty()) {
            throw new CniException(ErrorCode.UNKNOWN_CONTAINER, "missing containerID");
        }
        if (!ID.matcher(containerId).matches()) {
            throw new CniException(ErrorCode.INVALID_ENVIRONMENT_VARIABLES, "invalid characters in containerID",
                    containerId);
        }
    }

    public static void validateNetworkName(String name) throws CniException {
        if (name.isEmpty()) {
            throw new CniException(ErrorCode.INVALID_NETWORK_CONFIG, "missing network name");
        }
        if (!ID.matcher(name).matches()) {
            throw new CniException(ErrorCode.INVALID_NETWORK_CONFIG, "invalid characters found in network name", name);
        }
    }

    public static void validateInterfaceName(String name) throws CniException {
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (bytes == 0) {
            throw new CniException(ErrorCode.INVALID_ENVIRONMENT_VARIABLES, "interface name is empty");
        }
        if (bytes > MAX_INTERFACE_NAME_BYTES) {
            throw new CniException(ErrorCode.INVALID_ENVIRONMENT_VARIABLES, "interface name is too long",
                    "interface name should be less than " + (MAX_INTERFACE_NAME_BYTES + 1) + " characters");
        }
        if (name.equals(".") || name.equals("..")) {
            throw new CniException(ErrorCode.INVALID_ENVIRONMENT_VARIABLES, "interface name is . or ..");
        }
        if (name.codePoints().anyMatch(c -> c == '/' || c == ':' || isGoSpace(c))) {
            throw new CniException(ErrorCode.INVALID_ENVIRONMENT_VARIABLES,
                    "interface name contains / or : or whitespace characters");
        }
    }

    /** Go's {@code unicode.IsSpace}; unlike {@link Character#isWhitespace} it has U+0085 and U+00A0, not U+001C-1F. */
    static boolean isGoSpace(int c) {
        return switch (c) {
            case '\t', '\n', 0x0b, '\f', '\r', ' ', 0x85, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000 -> true;
            default -> c >= 0x2000 && c <= 0x200a;
        };
    }
}
