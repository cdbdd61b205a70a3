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
    static <T> JsonValue.JsonArray array(List<T> values, Function<T, JsonValue> element) {
        List<JsonValue> elements = new ArrayList<>(values.size());
        for (T value : values) {
            elements.add(value == null ? JsonValue.NULL : element.apply(value));
        }
        return new JsonValue.JsonArray(elements);
    }
}
