package dev.cnifp.cni.delegate;

import dev.cnifp.cni.protocol.CniException;
import java.io.IOException;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The delegate plugin of one CNI call, run the way the Go library's {@code invoke.DelegateAdd/Check/Del} do: found
 * on this process's {@code CNI_PATH}, given this process's environment with only {@code CNI_COMMAND} replaced and
 * this process's stdin bytes, its failures turned into CNI errors that keep the delegate's code.
 */
public final class Delegate {
    /** Go retries a start that fails with "text file busy" (a plugin binary being written) five more times. */
    private static final int TEXT_FILE_BUSY_RETRIES = 5;
    /** Plain millis: a Duration would cost the cold plugin BigInteger's set-up. */
    private static final long TEXT_FILE_BUSY_PAUSE_MILLIS = 1000;

    private final String pluginName;
    private final Map<String, String> environment;

    /**
     * @param pluginName  the delegate's binary name, {@code bridge} unless the config says otherwise
     * @param environment this process's environment ({@code CNI_PATH} is read from it)
     */
    public Delegate(String pluginName, Map<String, String> environment) {
        this.pluginName = pluginName;
        this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
    }

    /**
     * Runs the plugin with {@code CNI_COMMAND=command}.
     *
     * @param stderr receives the delegate's stderr after a successful run (never after a failed one)
     * @return the delegate's stdout
     * @throws CniException the error to print: 999 when the plugin cannot be found, otherwise the delegate's error
     */
    public byte[] invoke(String command, byte[] stdin, OutputStream stderr) throws CniException {
        String pluginPath = PluginLocator.find(pluginName, environment.get("CNI_PATH"));
        Map<String, String> childEnvironment = new HashMap<>(environment);
        childEnvironment.put("CNI_COMMAND", command);
        for (int attempt = 0; attempt <= TEXT_FILE_BUSY_RETRIES; attempt++) {
            PluginProcess.Outcome outcome = PluginProcess.run(pluginPath, childEnvironment, stdin);
            if (outcome.error().isEmpty()) {
                copyQuietly(outcome.stderr(), stderr);
                return outcome.stdout();
            }
            ExecError error = outcome.error().get();
            if (!error.goText().contains("text file busy")) {
                throw new CniException(PluginFailure.describe(error, outcome.stdout(), outcome.stderr()));
            }
            pause();
        }
        // Go's retry loop simply ends after the last busy attempt and reports success with empty output.
        return new byte[0];
    }

    private static void copyQuietly(byte[] bytes, OutputStream out) {
        if (bytes.length == 0 || out == null) {
            return;
        }
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            // stderr is informational only; Go ignores this failure too
        }
    }

    private static void pause() {
        try {
            Thread.sleep(TEXT_FILE_BUSY_PAUSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
