package dev.cnifp.cni.delegate;

import dev.cnifp.cni.json.JsonValue;
import dev.cnifp.cni.json.JsonValue.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A typed ADD result of one of the library's three result families, printable as {@code Result.Print} would. */
sealed interface CniResult permits Result020, Result040, Result100 {

    String cniVersion();

    /** The JSON tree {@code json.MarshalIndent(result, "", "    ")} prints. */
    JsonObject toJson();

    /**
     * A list field: null elements (nil pointers) print as {@code null}. Loops, not streams, in this package: a
     * stream pipeline loads ~35 classes into the cold plugin (docs/performance.md).
     */
    private static <T> JsonValue.JsonArray array(List<T> values, Function<T, JsonValue> element) {
        List<JsonValue> elements = new ArrayList<>(values.size());
        for (T value : values) {
            elements.add(value == null ? JsonValue.NULL : element.apply(value));
        }
        return new JsonValue.JsonArray(elements);
    }

    /** A slice field tagged {@code omitempty}: left out when nil or empty. */
    static <T> void putSlice(JsonObject.Builder json, String key, List<T> values, Function<T, JsonValue> element) {
        if (values != null && !values.isEmpty()) {
            json.put(key, array(values, element));
        }
    }

    /**
     * The fields {@code types040.IPConfig} and {@code types100.IPConfig} share, after the former's {@code version}:
     * {@code interface} (an index into {@code interfaces}) and {@code gateway} only when set.
     */
    static void putIpConfig(JsonObject.Builder json, Long iface, IpNet address, byte[] gateway) {
        if (iface != null) {
            json.put("interface", iface);
        }
        json.put("address", IpNet.formatNullable(address));
        if (gateway != null) {
            json.put("gateway", GoIp.format(gateway));
        }
    }
}
