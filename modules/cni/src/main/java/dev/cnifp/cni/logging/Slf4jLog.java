package dev.cnifp.cni.logging;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process's real log: slf4j with the slf4j-simple provider, configured through its system properties before the
 * first logger exists. Logs go to stderr, or appended to {@code logFile}; never to stdout, which carries the CNI
 * answer.
 *
 * <p>slf4j-simple truncates a {@code logFile} it opens itself, and a plugin runs once per call, so a file would only
 * ever hold the last call. Instead slf4j-simple is left writing to {@code System.err}, read at every message, and
 * {@code System.err} is pointed at the file opened for appending. The CNI protocol's own stderr is a separate stream
 * that {@code Main} took before, so it is unaffected.
 *
 * <p>Mutates JVM-wide state (system properties, {@code System.err}): only {@code Main} creates one.
 */
public final class Slf4jLog implements PluginLog {
    static final String PREFIX = "org.slf4j.simpleLogger.";
    static final String LOGGER_NAME = "cni-bridge-fp";

    private LogSettings settings = LogSettings.DEFAULT;
    private Logger logger;

    private static void set(String key, String value) {
        System.setProperty(PREFIX + key, value);
    }

    @Override
    public void configure(LogSettings newSettings) {
        if (logger != null) {
            return; // slf4j-simple reads its configuration once
        }
        settings = newSettings;
        if (newSettings.fileIsTheFailpointFile()) {
            warn("logFile " + newSettings.file() + " is the failpoint file, which a log would make unreadable: "
                    + "logging to stderr");
        } else if (!newSettings.file().isEmpty()) {
            try {
                System.setErr(new PrintStream(new FileOutputStream(newSettings.file(), true), true,
                        StandardCharsets.UTF_8));
            } catch (IOException | SecurityException e) {
                warn("cannot open logFile " + newSettings.file() + ", logging to stderr: " + e.getMessage());
            }
        }
    }

    @Override
    public void debug(Supplier<String> message) {
        if (settings.debugEnabled()) {
            logger().debug(message.get());
        }
    }

    private void warn(String message) {
        if (!settings.level().equals("error") && !settings.level().equals("off")) {
            logger().warn(message);
        }
    }

    private Logger logger() {
        if (logger == null) {
            // Set here, not at construction: most calls log nothing and never get this far.
            set("defaultLogLevel", settings.level());
            set("logFile", "System.err");
            set("cacheOutputStream", "false");
            set("showDateTime", "true");
            set("dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
            set("showThreadName", "false");
            set("showLogName", "true");
            set("levelInBrackets", "true");
            logger = LoggerFactory.getLogger(LOGGER_NAME + "[" + ProcessHandle.current().pid() + "]");
        }
        return logger;
    }
}
