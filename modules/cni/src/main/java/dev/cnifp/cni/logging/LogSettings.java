package dev.cnifp.cni.logging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * Where the plugin logs and how much, from the network configuration's {@code logLevel} and {@code logFile}.
 *
 * @param level an slf4j-simple level name: trace, debug, info, warn, error or off
 * @param file a path to append to; empty means stderr
 * @param failpointFile the call's failpoint file, or empty: a log appended to it would break it for good, so a
 *        {@code file} that names it is not used
 */
public record LogSettings(String level, String file, String failpointFile) {

    public static final String DEFAULT_LEVEL = "warn";
    public static final LogSettings DEFAULT = new LogSettings(DEFAULT_LEVEL, "", "");

    public LogSettings {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(failpointFile, "failpointFile");
    }

    /**
     * From the configuration's values: level names in any case, with the synonyms Go loggers use ({@code warning},
     * {@code fatal}, {@code panic}); an unknown or empty level means {@value #DEFAULT_LEVEL}.
     */
    public static LogSettings of(String logLevel, String logFile, String failpointFile) {
        if (logLevel.isBlank() && logFile.isEmpty()) {
            return DEFAULT; // the usual case, without initialising Locale in the cold plugin
        }
        String name = logLevel.trim().toLowerCase(Locale.ROOT);
        String level = switch (name) {
            case "trace", "debug", "info", "warn", "error", "off" -> name;
            case "warning" -> "warn";
            case "fatal", "panic" -> "error";
            default -> DEFAULT_LEVEL;
        };
        return new LogSettings(level, logFile, failpointFile);
    }

    /** Whether {@link #file} is the failpoint file, by any name (a symlink, a hard link, {@code ..}). */
    boolean fileIsTheFailpointFile() {
        if (file.isEmpty() || failpointFile.isEmpty()) {
            return false;
        }
        try {
            return Files.isSameFile(Path.of(file), Path.of(failpointFile));
        } catch (IOException | InvalidPathException | SecurityException e) {
            return false; // one of them does not exist or cannot be named: not one file
        }
    }

    public boolean debugEnabled() {
        return level.equals("debug") || level.equals("trace");
    }
}
