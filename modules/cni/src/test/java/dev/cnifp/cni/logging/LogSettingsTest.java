package dev.cnifp.cni.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The log settings a configuration asks for; their effect on a real process is in LoggingTest. */
class LogSettingsTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}: debug {1}")
    @CsvSource({"debug, true", "trace, true", "info, false", "warn, false", "error, false", "off, false"})
    void debugIsLoggedAtDebugAndTrace(String level, boolean debug) {
        assertEquals(debug, LogSettings.of(level, "", "").debugEnabled());
    }

    @Test
    void noLevelAndNoFileIsTheDefault() {
        assertSame(LogSettings.DEFAULT, LogSettings.of(" ", "", "/fp.json"));
        assertEquals(new LogSettings("warn", "/var/log/p.log", "/fp.json"),
                LogSettings.of("", "/var/log/p.log", "/fp.json"));
    }

    @Test
    void aLogFileIsTheFailpointFileOnlyWhenBothNameOneExistingFile() throws Exception {
        Path failpoints = Files.writeString(dir.resolve("fp.json"), "{}");
        Path other = Files.writeString(dir.resolve("other.json"), "{}");
        assertTrue(LogSettings.of("debug", failpoints.toString(), failpoints.toString()).fileIsTheFailpointFile());
        assertFalse(LogSettings.of("debug", other.toString(), failpoints.toString()).fileIsTheFailpointFile());
        assertFalse(LogSettings.of("debug", dir.resolve("missing.log").toString(), failpoints.toString())
                .fileIsTheFailpointFile());
        assertFalse(LogSettings.of("debug", "", failpoints.toString()).fileIsTheFailpointFile());
        assertFalse(LogSettings.of("debug", failpoints.toString(), "").fileIsTheFailpointFile());
        assertFalse(LogSettings.of("debug", "a\0b", failpoints.toString()).fileIsTheFailpointFile());
    }
}
