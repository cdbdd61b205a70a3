package dev.cnifp.cni.protocol;

import java.nio.charset.StandardCharsets;

/** The Go library's {@code utils} checks of container IDs, network names and interface names, with its errors. */
public final class CniNames {
    private static final int MAX_INTERFACE_NAME_BYTES = 15;

    private CniNames() {}

    public static void validateContainerId(String containerId) throws CniException {
        if (containerId.isEmpty()) {
            throw new CniException(ErrorCode.UNKNOWN_CONTAINER, "missing containerID");
        }
        if (!isId(containerId)) {
            throw new CniException(ErrorCode.INVALID_ENVIRONMENT_VARIABLES, "invalid characters in containerID",
                    containerId);
        }
    }

    public static void validateNetworkName(String name) throws CniException {
        if (name.isEmpty()) {
            throw new CniException(ErrorCode.INVALID_NETWORK_CONFIG, "missing network name");
        }
        if (!isId(name)) {
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
        for (int i = 0; i < name.length(); ) {
            int c = name.codePointAt(i);
            if (c == '/' || c == ':' || isGoSpace(c)) {
                throw new CniException(ErrorCode.INVALID_ENVIRONMENT_VARIABLES,
                        "interface name contains / or : or whitespace characters");
            }
            i += Character.charCount(c);
        }
    }

    /**
     * Go's {@code ^[a-zA-Z0-9][a-zA-Z0-9_.\-]*$}, with {@code $} at the very end (a trailing newline fails). A loop
     * rather than a regex: every call checks a container ID, and a cold JVM pays for compiling a pattern.
     */
    static boolean isId(String text) {
        if (text.isEmpty() || !isAsciiAlphanumeric(text.charAt(0))) {
            return false;
        }
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isAsciiAlphanumeric(c) && c != '_' && c != '.' && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiAlphanumeric(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    /** Go's {@code unicode.IsSpace}; unlike {@link Character#isWhitespace} it has U+0085 and U+00A0, not U+001C-1F. */
    static boolean isGoSpace(int c) {
        return switch (c) {
            case '\t', '\n', 0x0b, '\f', '\r', ' ', 0x85, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000 -> true;
            default -> c >= 0x2000 && c <= 0x200a;
        };
    }
}
