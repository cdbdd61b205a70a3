package dev.cnifp.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The failpoint file a test hands the plugin through the pod annotation, and the three ways a user looks at it:
 * {@code cat} ({@link #raw}), {@code cat | jq .} ({@link #throughJq}) and as data ({@link #json}).
 */
final class FailpointFile {

    private final Path path;

    private FailpointFile(Path path) {
        this.path = path;
    }

    /** Writes {@code content} byte for byte (tabs, spacing and all) to {@code path}. */
    static FailpointFile create(Path path, String content) {
        try {
            Files.writeString(path, content, StandardCharsets.UTF_8);
            return new FailpointFile(path.toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path path() {
        return path;
    }

    /** What {@code cat} shows. */
    String raw() {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file's inode number: the plugin writes by renaming a new file over it, so a write changes it. */
    Object inode() {
        try {
            return Files.getAttribute(path, "unix:ino");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What {@code cat FILE | jq .} shows; fails the test when jq cannot parse the file. */
    String throughJq() {
        RealParts.requireJq();
        CommandResult jq = ChildProcess.run(List.of("jq", "."), Map.of("PATH", NetnsSandbox.PATH), raw(),
                Duration.ofSeconds(30));
        if (!jq.succeeded()) {
            throw new AssertionError("jq cannot parse the failpoint file " + path + ": " + jq.describe());
        }
        return jq.stdout();
    }

    /** The file parsed as a JSON object; a {@link Json.SyntaxException} says where it is broken. */
    Map<String, Object> json() {
        return Json.parseObject(raw());
    }

    /** The failpoint spec for one command ({@code cmdAdd}, {@code cmdDel}, {@code cmdCheck}), or null. */
    String entry(String key) {
        return (String) json().get(key);
    }
}
