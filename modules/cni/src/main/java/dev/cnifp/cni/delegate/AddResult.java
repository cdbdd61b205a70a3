package dev.cnifp.cni.delegate;

import dev.cnifp.cni.json.GoJson;
import dev.cnifp.cni.json.GoJsonException;
import dev.cnifp.cni.json.JsonValue;
import dev.cnifp.cni.json.JsonValue.JsonObject;
import dev.cnifp.cni.json.JsonValue.JsonString;
import dev.cnifp.cni.json.JsonValue.Member;
import dev.cnifp.cni.protocol.CniException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a Go plugin prints for the result of a delegated ADD: {@code invoke.DelegateAdd} turns the delegate's stdout
 * into a typed result ({@code fixupResultVersion} + {@code create.Create}) and the plugin calls
 * {@code result.Print()}. The result keeps its own version (no conversion to the config's); unknown fields are
 * dropped and addresses are re-printed by Go's {@code net} package.
 */
public final class AddResult {
    private static final String DEFAULT_CONFIG_VERSION = "0.1.0";
    /** What Debian's bridge prints for one container: the shape {@link #warmUp} re-prints. */
    private static final byte[] TYPICAL_BRIDGE_RESULT = ("{\"cniVersion\":\"1.0.0\",\"interfaces\":["
            + "{\"name\":\"cni0\",\"mac\":\"aa:bb:cc:00:00:01\"},"
            + "{\"name\":\"veth0abc1234\",\"mac\":\"aa:bb:cc:00:00:02\"},"
            + "{\"name\":\"eth0\",\"mac\":\"aa:bb:cc:00:00:03\",\"sandbox\":\"/var/run/netns/x\"}],"
            + "\"ips\":[{\"interface\":2,\"address\":\"10.88.0.2/16\",\"gateway\":\"10.88.0.1\"}],"
            + "\"routes\":[{\"dst\":\"0.0.0.0/0\"}],\"dns\":{}}").getBytes(StandardCharsets.UTF_8);

    private AddResult() {}

    /**
     * Re-prints a typical bridge result and drops it. Run on a second thread while the delegate works, it leaves
     * this code initialised and linked for the real result, which the cold, interpreted plugin otherwise spends
     * about a millisecond on after the delegate has answered.
     */
    public static void warmUp() {
        try {
            reprint(TYPICAL_BRIDGE_RESULT, "1.0.0");
        } catch (CniException e) {
            throw new IllegalStateException("the typical bridge result no longer re-prints: " + e.getMessage(), e);
        }
    }

    /**
     * @param delegateStdout   what the delegate printed on a successful ADD
     * @param configCniVersion the request config's {@code cniVersion}; null or empty means 0.1.0
     * @return the result as the plugin prints it: 4-space indented, no trailing newline
     * @throws CniException code 999, with the Go library's message, when the output is not a usable result
     */
    public static String reprint(byte[] delegateStdout, String configCniVersion) throws CniException {
        String configVersion = configCniVersion == null || configCniVersion.isEmpty()
                ? DEFAULT_CONFIG_VERSION : configCniVersion;
        JsonValue raw;
        try {
            raw = GoJson.parse(delegateStdout);
        } catch (GoJsonException e) {
            throw unmarshalFailure(e.getMessage());
        }
        Optional<String> mapError = GoMaps.decodeError(raw);
        if (mapError.isPresent()) {
            throw unmarshalFailure(mapError.get());
        }
        // The current library treats a "null" result as an empty one (v1.1.1 panicked here).
        JsonObject object = raw instanceof JsonObject o ? o : new JsonObject(List.of());
        if (object.get("cniVersion").orElse(null) instanceof JsonString version && !version.value().isEmpty()) {
            return GoJson.indented(ResultCreator.create(version.value(), object).toJson());
        }
        List<Member> withVersion = new ArrayList<>(object.members());
        withVersion.add(new Member("cniVersion", new JsonString(configVersion)));
        JsonValue remarshalled = GoMaps.roundTrip(new JsonObject(withVersion));
        return GoJson.indented(ResultCreator.create(configVersion, remarshalled).toJson());
    }

    private static CniException unmarshalFailure(String goError) {
        return CniException.internal("failed to unmarshal raw result: " + goError);
    }
}
