package dev.cnifp.cni;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * The environment the launcher was given. The launcher starts the JVM with {@code LC_ALL=C.UTF-8}, so that Java reads
 * the environment and encodes file names as UTF-8 whatever locale the runtime gave (ASCII in the C locale), and
 * records what {@code LC_ALL} was in {@link #MARKER}: {@code "=value"}, or empty when it was unset. Here the caller's
 * {@code LC_ALL} is put back and the marker taken out, so that the call, and the delegate after it, see the
 * environment the runtime gave.
 */
final class LauncherEnvironment {
    static final String MARKER = "CNIFP_LAUNCHER_LC_ALL";

    private LauncherEnvironment() {}

    static Map<String, String> asGiven(Map<String, String> jvmEnvironment) {
        String callers = jvmEnvironment.get(MARKER);
        if (callers == null) {
            return jvmEnvironment;
        }
        Map<String, String> given = new HashMap<>(jvmEnvironment);
        given.remove(MARKER);
        if (callers.startsWith("=")) {
            given.put("LC_ALL", callers.substring(1));
        } else {
            given.remove("LC_ALL");
        }
        return Collections.unmodifiableMap(given);
    }
}
