package dev.cnifp.cni;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LauncherEnvironmentTest {

    @Test
    void theLocaleTheLauncherAddedIsTakenOutWithItsMarker() {
        Map<String, String> jvm = Map.of("CNI_COMMAND", "ADD", "LC_CTYPE", "C.UTF-8",
                LauncherEnvironment.MARKER, "1");
        assertEquals(Map.of("CNI_COMMAND", "ADD"), LauncherEnvironment.asGiven(jvm));
    }

    @Test
    void withoutTheMarkerTheEnvironmentIsTheCallersOwn() {
        Map<String, String> jvm = Map.of("CNI_COMMAND", "ADD", "LC_CTYPE", "C.UTF-8");
        assertSame(jvm, LauncherEnvironment.asGiven(jvm));
    }
}
