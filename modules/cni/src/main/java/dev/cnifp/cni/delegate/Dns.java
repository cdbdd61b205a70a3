package dev.cnifp.cni.delegate;

import dev.cnifp.cni.json.JsonValue;
import dev.cnifp.cni.json.JsonValue.JsonArray;
import dev.cnifp.cni.json.JsonValue.JsonObject;
import dev.cnifp.cni.json.JsonValue.JsonString;
import java.util.ArrayList;
import java.util.List;

/** {@code types.DNS}; every field is {@code omitempty}. Lists are null when absent. */
record Dns(List<String> nameservers, String domain, List<String> search, List<String> options) {

    static final GoStruct<Dns> TYPE = new GoStruct<>("types.DNS",
            List.of(
                    GoStruct.field("nameservers", GoType.slice(GoType.STRING)),
                    GoStruct.field("domain", GoType.STRING),
                    GoStruct.field("search", GoType.slice(GoType.STRING)),
                    GoStruct.field("options", GoType.slice(GoType.STRING))),
            v -> new Dns(strings(v[0]), (String) v[1], strings(v[2]), strings(v[3])),
            d -> new Object[] {d.nameservers, d.domain, d.search, d.options});

    /** {@code DNS.IsEmpty}. */
    boolean isEmpty() {
        return isEmpty(nameservers) && domain.isEmpty() && isEmpty(search) && isEmpty(options);
    }

    JsonObject toJson() {
        JsonObject.Builder json = JsonObject.builder();
        putList(json, "nameservers", nameservers);
        json.putIfPresent("domain", domain);
        putList(json, "search", search);
        putList(json, "options", options);
        return json.build();
    }

    private static void putList(JsonObject.Builder json, String key, List<String> values) {
        if (!isEmpty(values)) {
            List<JsonValue> strings = new ArrayList<>(values.size());
            for (String value : values) {
                strings.add(new JsonString(value));
            }
            json.put(key, new JsonArray(strings));
        }
    }

    private static boolean isEmpty(List<String> values) {
        return values == null || values.isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object value) {
        return (List<String>) value;
    }
}
