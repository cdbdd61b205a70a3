package dev.cnifp.cni;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * The environment the launcher was given. When it was given no locale at all (containerd's and {@code env -i}'s
 * case), the launcher starts the JVM with {@code LC_CTYPE=C.UTF-8}, so that Java reads the environment and encodes
 * file names as UTF-8 instead of ASCII, and with {@link #MARKER} set to say so. Both are taken out again here, so that
 * the call, and the delegate after it, see the environment the runtime gave.
 */
final class LauncherEnvironment {
    static final String MARKER = "CNIFP_LAUNCHER_SET_LC_CTYPE";

    private LauncherEnvironment() {}

    static Map<String, String> asGiven(Map<String, String> jvmEnvironment) {
        if (!"1".equals(jvmEnvironment.get(MARKER))) {
            return jvmEnvironment;
        }
        Map<String, String> given = new HashMap<>(jvmEnvironment);
        given.remove(MARKER);
        given.remove("LC_CTYPE");
        return Collections.unmodifiableMap(given);
    }
}
