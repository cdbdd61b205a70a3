package dev.cnifp.cni.delegate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bare plugin path (CNI_PATH element "" or ".") is looked up on $PATH by Go's exec.Command, not in the CWD. */
class PluginProcessTest {
    @TempDir
    Path tmp;

    @Test
    void bareNameIsLookedUpOnPath() throws Exception {
        FakePlugins.script(tmp, "bridge", "printf found");
        PluginProcess.Outcome outcome = PluginProcess.run("bridge", Map.of("PATH", "/nonexistent:" + tmp), new byte[0]);
        assertEquals(Optional.empty(), outcome.error());
        assertEquals("found", new String(outcome.stdout(), StandardCharsets.UTF_8));
    }

    @Test
    void bareNameNotOnPathIsGosLookPathError() {
        PluginProcess.Outcome outcome = PluginProcess.run("no-such-plugin", Map.of("PATH", "/nonexistent"), new byte[0]);
        assertEquals("exec: \"no-such-plugin\": executable file not found in $PATH", outcome.error().orElseThrow().goText());
    }

    @Test
    void bareNameFoundRelativeToTheCwdIsRefusedLikeGo() throws Exception {
        FakePlugins.script(tmp, "bridge", "printf found");
        Path relative = Path.of("").toAbsolutePath().relativize(tmp);
        PluginProcess.Outcome outcome = PluginProcess.run("bridge", Map.of("PATH", relative.toString()), new byte[0]);
        assertEquals("exec: \"bridge\": cannot run executable found relative to current directory",
                outcome.error().orElseThrow().goText());
    }

    @Test
    void javaSpawnErrorsBecomeGoErrnoTexts() {
        assertEquals("permission denied", PluginProcess.goErrnoText("Cannot run program \"/p\": error=13, Permission denied"));
        assertEquals("text file busy",
                PluginProcess.goErrnoText("Cannot run program \"/p\": Exec failed, error: 26 (Text file busy) "));
        String unrecognised = "Cannot run program \"/p\": unexpected";
        assertEquals(unrecognised, PluginProcess.goErrnoText(unrecognised));
    }
}
