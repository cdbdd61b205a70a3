package dev.cnifp.cni;

import dev.cnifp.cni.logging.PluginLog;
import dev.cnifp.cni.protocol.CniException;
import dev.cnifp.cni.protocol.Command;
import dev.cnifp.core.registry.ActionRegistry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs the whole plugin flow in-process with a fake delegate, a recording sleeper and a fixed netns answer. */
final class PluginHarness {
    static final String CONFIG = "{\"cniVersion\":\"1.0.0\",\"name\":\"net\",\"type\":\"cni-bridge-fp\"}";
    static final String RESULT = "{\"cniVersion\":\"1.0.0\",\"ips\":[{\"address\":\"10.1.0.2/24\"}]}";

    /** What the fake delegate was asked to do. */
    record DelegateCall(String plugin, Command command, Map<String, String> env, byte[] stdin) {}

    record Run(int status, String stdout, String stderr) {}

    final List<DelegateCall> delegateCalls = new ArrayList<>();
    final List<Duration> sleeps = new ArrayList<>();
    byte[] delegateStdout = RESULT.getBytes(StandardCharsets.UTF_8);
    String delegateStderr = "";
    CniException delegateError;
    Collaborators collaborators;

    PluginHarness() {
        collaborators = new Collaborators(this::delegate,
                (stdout, version) -> "reprinted(" + version + "):" + new String(stdout, StandardCharsets.UTF_8),
                new FileFailpointStore(), ActionRegistry::fromBootLayer, RandomSource.seeded(1),
                sleeps::add, path -> false, PluginLog.silent(), DelegationOutlook.IGNORED);
    }

    private byte[] delegate(String plugin, Command command, Map<String, String> env, byte[] stdin,
            OutputStream stderr) throws CniException {
        delegateCalls.add(new DelegateCall(plugin, command, env, stdin));
        if (delegateError != null) {
            throw delegateError;
        }
        try {
            stderr.write(delegateStderr.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return delegateStdout;
    }

    Run run(Map<String, String> env, String stdin) {
        return run(env, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
    }

    Run run(Map<String, String> env, InputStream stdin) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new Plugin(collaborators).run(env, stdin,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** A valid environment for the command, with the given variables changed ({@code null} removes one). */
    static Map<String, String> env(String command, String... overrides) {
        Map<String, String> env = new HashMap<>();
        env.put("CNI_COMMAND", command);
        env.put("CNI_CONTAINERID", "ctr-1");
        env.put("CNI_NETNS", "/var/run/netns/test");
        env.put("CNI_IFNAME", "eth0");
        env.put("CNI_PATH", "/opt/cni/bin");
        env.put("PATH", "/usr/bin");
        for (int i = 0; i < overrides.length; i += 2) {
            if (overrides[i + 1] == null) {
                env.remove(overrides[i]);
            } else {
                env.put(overrides[i], overrides[i + 1]);
            }
        }
        return env;
    }

    /** Only the given variables, nothing else. */
    static Map<String, String> only(String... pairs) {
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    /** The error JSON skel prints. */
    static String error(int code, String msg) {
        return "{\n    \"code\": " + code + ",\n    \"msg\": " + json(msg) + "\n}";
    }

    static String error(int code, String msg, String details) {
        return "{\n    \"code\": " + code + ",\n    \"msg\": " + json(msg) + ",\n    \"details\": " + json(details)
                + "\n}";
    }

    /** {@code s} as a JSON string literal, Go's way. */
    static String json(String s) {
        return dev.cnifp.cni.json.GoJson.compact(new dev.cnifp.cni.json.JsonValue.JsonString(s));
    }

    static String config(String version) {
        return "{\"cniVersion\":\"" + version + "\",\"name\":\"net\",\"type\":\"cni-bridge-fp\"}";
    }

    static String configWithConfPath(String confPath) {
        return "{\"cniVersion\":\"1.0.0\",\"name\":\"net\",\"type\":\"cni-bridge-fp\",\"runtimeConfig\":"
                + "{\"io.kubernetes.cri.pod-annotations\":{\"failpoint.cni.containerd.io/confpath\":"
                + json(confPath) + "}}}";
    }
}
