package dev.cnifp.cni.delegate;

import dev.cnifp.cni.json.JsonValue.JsonObject;
import java.util.List;

/** {@code types020.Result}, for results of versions "", 0.1.0 and 0.2.0: {@code ip4}, {@code ip6}, {@code dns}. */
record Result020(String cniVersion, IpConfig ip4, IpConfig ip6, Dns dns) implements CniResult {

    static final List<String> VERSIONS = List.of("", "0.1.0", "0.2.0");

    /** {@code types020.IPConfig}: routes are values, not pointers, so a {@code null} route is a zero route. */
    record IpConfig(IpNet ip, byte[] gateway, List<Route> routes) {
        private static final GoStruct<IpConfig> WIRE = new GoStruct<>("types020.ipConfig",
                List.of(
                        GoStruct.field("ip", CniTypes.IPNET),
                        GoStruct.field("gateway", CniTypes.IP),
                        GoStruct.field("routes", GoType.slice(Route.TYPE))),
                v -> new IpConfig((IpNet) v[0], (byte[]) v[1], routes(v[2])),
                c -> new Object[] {c.ip, c.gateway, c.routes});

        static final GoType<IpConfig> TYPE = CniTypes.unmarshaler("types020.IPConfig", WIRE);

        JsonObject toJson() {
            JsonObject.Builder json = JsonObject.builder().put("ip", IpNet.formatNullable(ip));
            if (gateway != null) {
                json.put("gateway", GoIp.format(gateway));
            }
            CniResult.putSlice(json, "routes", routes, Route::toJson);
            return json.build();
        }

        @SuppressWarnings("unchecked")
        private static List<Route> routes(Object value) {
            return (List<Route>) value;
        }
    }

    static final GoStruct<Result020> TYPE = new GoStruct<>("types020.Result",
            List.of(
                    GoStruct.field("cniVersion", GoType.STRING),
                    GoStruct.field("ip4", GoType.pointer(IpConfig.TYPE)),
                    GoStruct.field("ip6", GoType.pointer(IpConfig.TYPE)),
                    GoStruct.field("dns", Dns.TYPE)),
            v -> new Result020((String) v[0], (IpConfig) v[1], (IpConfig) v[2], (Dns) v[3]),
            r -> new Object[] {r.cniVersion, r.ip4, r.ip6, r.dns});

    @Override
    public JsonObject toJson() {
        JsonObject.Builder json = JsonObject.builder().putIfPresent("cniVersion", cniVersion);
        if (ip4 != null) {
            json.put("ip4", ip4.toJson());
        }
        if (ip6 != null) {
            json.put("ip6", ip6.toJson());
        }
        return json.put("dns", dns.toJson()).build();
    }
}
