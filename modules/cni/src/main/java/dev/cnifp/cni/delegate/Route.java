package dev.cnifp.cni.delegate;

import dev.cnifp.cni.json.JsonValue.JsonObject;

/**
 * {@code types.Route}, shared by every result version: the library's one route type gained {@code mtu},
 * {@code advmss}, {@code priority}, {@code table} and {@code scope} for spec 1.1, so 0.x results carry them too.
 *
 * @param dst   null when absent (Go's zero IPNet, printed {@code <nil>})
 * @param gw    16 bytes, or null
 * @param table null when absent ({@code *int})
 * @param scope null when absent ({@code *int})
 */
record Route(IpNet dst, byte[] gw, long mtu, long advMss, long priority, Long table, Long scope) {

    /** The JSON form inside {@code Route.UnmarshalJSON}; a mismatch in it is reported against the enclosing field. */
    private static final GoStruct<Route> WIRE = new GoStruct<>("types.route",
            java.util.List.of(
                    GoStruct.field("dst", CniTypes.IPNET),
                    GoStruct.field("gw", CniTypes.IP),
                    GoStruct.field("mtu", GoType.INT),
                    GoStruct.field("advmss", GoType.INT),
                    GoStruct.field("priority", GoType.INT),
                    GoStruct.field("table", GoType.pointer(GoType.INT)),
                    GoStruct.field("scope", GoType.pointer(GoType.INT))),
            v -> new Route((IpNet) v[0], (byte[]) v[1], (Long) v[2], (Long) v[3], (Long) v[4], (Long) v[5],
                    (Long) v[6]),
            r -> new Object[] {r.dst, r.gw, r.mtu, r.advMss, r.priority, r.table, r.scope});

    /** {@code types.Route}, which has its own {@code UnmarshalJSON}: every call starts from a zero route. */
    static final GoType<Route> TYPE = CniTypes.unmarshaler("types.Route", WIRE);

    JsonObject toJson() {
        JsonObject.Builder json = JsonObject.builder().put("dst", IpNet.formatNullable(dst));
        if (gw != null) {
            json.put("gw", GoIp.format(gw));
        }
        putNonZero(json, "mtu", mtu);
        putNonZero(json, "advmss", advMss);
        putNonZero(json, "priority", priority);
        if (table != null) {
            json.put("table", table);
        }
        if (scope != null) {
            json.put("scope", scope);
        }
        return json.build();
    }

    private static void putNonZero(JsonObject.Builder json, String key, long value) {
        if (value != 0) {
            json.put(key, value);
        }
    }
}
