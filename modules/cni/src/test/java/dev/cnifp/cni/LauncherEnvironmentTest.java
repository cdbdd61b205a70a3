package dev.cnifp.cni;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LauncherEnvironmentTest {

    @Test
    void anLcAllTheCallerDidNotSetIsTakenOut() {
        Map<String, String> jvm = Map.of("CNI_COMMAND", "ADD", "LC_ALL", "C.UTF-8", LauncherEnvironment.MARKER, "");
        assertEquals(Map.of("CNI_COMMAND", "ADD"), LauncherEnvironment.asGiven(jvm));
    }

    @Test
    void theCallersLcAllIsPutBackEvenWhenEmpty() {
        Map<String, String> jvm = Map.of("LANG", "C", "LC_ALL", "C.UTF-8", LauncherEnvironment.MARKER, "=POSIX");
        assertEquals(Map.of("LANG", "C", "LC_ALL", "POSIX"), LauncherEnvironment.asGiven(jvm));
        Map<String, String> empty = Map.of("LC_ALL", "C.UTF-8", LauncherEnvironment.MARKER, "=");
        assertEquals(Map.of("LC_ALL", ""), LauncherEnvironment.asGiven(empty));
    }

    @Test
    void withoutTheMarkerTheEnvironmentIsTheCallersOwn() {
        Map<String, String> jvm = Map.of("CNI_COMMAND", "ADD", "LC_ALL", "C.UTF-8");
        assertSame(jvm, LauncherEnvironment.asGiven(jvm));
    }
}
