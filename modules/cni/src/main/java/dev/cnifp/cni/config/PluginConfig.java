package dev.cnifp.cni.config;

import dev.cnifp.cni.config.GoType.GoField;
import dev.cnifp.cni.config.GoType.GoStruct;
import dev.cnifp.cni.json.JsonValue;
import java.util.Optional;

/**
 * What this plugin reads from its network configuration, decoded the way containerd's Go {@code cni-bridge-fp}
 * decodes it: into a struct {@code netConf} whose {@code runtimeConfig} holds the pod annotations as a struct
 * {@code inheritedPodAnnotations}, so every key on the way to the failpoint path (the annotation key included)
 * matches case-insensitively. {@code delegate}, {@code logLevel} and {@code logFile} are this plugin's own keys,
 * decoded as if the Go struct had them.
 *
 * @param delegate the plugin to delegate to; {@value #DEFAULT_DELEGATE} unless the configuration names another
 * @param logLevel e.g. {@code debug}; empty when not set
 * @param logFile a path to append the log to; empty when not set
 * @param failpointConfPath the failpoint file from the pod annotation; empty means no failpoints
 * @param typeError Go's message for the first field of the wrong JSON type, reported as
 *        {@code failed to parse network configuration: <message>} when the plugin handles a command
 */
public record PluginConfig(String delegate, String logLevel, String logFile, String failpointConfPath,
        Optional<String> typeError) {

    public static final String DEFAULT_DELEGATE = "bridge";
    public static final String CONFPATH_ANNOTATION = "failpoint.cni.containerd.io/confpath";
    public static final String POD_ANNOTATIONS_CAPABILITY = "io.kubernetes.cri.pod-annotations";

    static final GoStruct NET_CONF = GoStruct.named("netConf",
            new GoField("RuntimeConfig", "runtimeConfig", GoStruct.anonymous(
                    new GoField("PodAnnotations", POD_ANNOTATIONS_CAPABILITY, GoStruct.named("inheritedPodAnnotations",
                            new GoField("FailpointConfPath", CONFPATH_ANNOTATION, GoType.STRING))))),
            new GoField("Delegate", "delegate", GoType.STRING),
            new GoField("LogLevel", "logLevel", GoType.STRING),
            new GoField("LogFile", "logFile", GoType.STRING));

    /** Decodes a configuration that skel has already accepted (a JSON object, or {@code null}). */
    public static PluginConfig decode(JsonValue config) {
        GoDecoded decoded = GoDecoder.decode(config, NET_CONF);
        String confPath = decoded.struct("runtimeConfig").struct(POD_ANNOTATIONS_CAPABILITY)
                .string(CONFPATH_ANNOTATION);
        String delegate = decoded.string("delegate");
        return new PluginConfig(delegate.isEmpty() ? DEFAULT_DELEGATE : delegate, decoded.string("logLevel"),
                decoded.string("logFile"), confPath, decoded.error());
    }
}
