package dev.cnifp.cni.logging;

import java.util.Locale;
import java.util.Objects;

/**
 * Where the plugin logs and how much, from the network configuration's {@code logLevel} and {@code logFile}.
 *
 * @param level an slf4j-simple level name: trace, debug, info, warn, error or off
 * @param file a path to append to; empty means stderr
 */
public record LogSettings(String level, String file) {

    public static final String DEFAULT_LEVEL = "warn";
    public static final LogSettings DEFAULT = new LogSettings(DEFAULT_LEVEL, "");

    public LogSettings {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(file, "file");
    }

    /**
     * From the configuration's values: level names in any case, with the synonyms Go loggers use ({@code warning},
     * {@code fatal}, {@code panic}); an unknown or empty level means {@value #DEFAULT_LEVEL}.
     */
    public static LogSettings of(String logLevel, String logFile) {
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
        return new LogSettings(level, logFile);
    }

    public boolean debugEnabled() {
        return level.equals("debug") || level.equals("trace");
    }
}
