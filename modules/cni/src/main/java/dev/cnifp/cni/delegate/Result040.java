package dev.cnifp.cni.delegate;

import dev.cnifp.cni.json.JsonValue.JsonObject;
import java.util.List;

/**
 * {@code types040.Result}, for results of versions 0.3.0, 0.3.1 and 0.4.0. Printed in field order; {@code dns} is
 * a struct, so {@code omitempty} never drops it; each IP's {@code version} is printed even when empty.
 */
record Result040(String cniVersion, List<Interface> interfaces, List<IpConfig> ips, List<Route> routes, Dns dns)
        implements CniResult {

    static final List<String> VERSIONS = List.of("0.3.0", "0.3.1", "0.4.0");

    record Interface(String name, String mac, String sandbox) {
        static final GoStruct<Interface> TYPE = new GoStruct<>("types040.Interface",
                List.of(
                        GoStruct.field("name", GoType.STRING),
                        GoStruct.field("mac", GoType.STRING),
                        GoStruct.field("sandbox", GoType.STRING)),
                v -> new Interface((String) v[0], (String) v[1], (String) v[2]),
                i -> new Object[] {i.name, i.mac, i.sandbox});

        JsonObject toJson() {
            return JsonObject.builder().put("name", name).putIfPresent("mac", mac).putIfPresent("sandbox", sandbox)
                    .build();
        }
    }

    /** @param iface index into {@code interfaces}, null when absent */
    record IpConfig(String version, Long iface, IpNet address, byte[] gateway) {
        private static final GoStruct<IpConfig> WIRE = new GoStruct<>("types040.ipConfig",
                List.of(
                        GoStruct.field("version", GoType.STRING),
                        GoStruct.field("interface", GoType.pointer(GoType.INT)),
                        GoStruct.field("address", CniTypes.IPNET),
                        GoStruct.field("gateway", CniTypes.IP)),
                v -> new IpConfig((String) v[0], (Long) v[1], (IpNet) v[2], (byte[]) v[3]),
                c -> new Object[] {c.version, c.iface, c.address, c.gateway});

        static final GoType<IpConfig> TYPE = CniTypes.unmarshaler("types040.IPConfig", WIRE);

        JsonObject toJson() {
            JsonObject.Builder json = JsonObject.builder().put("version", version);
            CniResult.putIpConfig(json, iface, address, gateway);
            return json.build();
        }
    }

    static final GoStruct<Result040> TYPE = new GoStruct<>("types040.Result",
            List.of(
                    GoStruct.field("cniVersion", GoType.STRING),
                    GoStruct.field("interfaces", GoType.slice(GoType.pointer(Interface.TYPE))),
                    GoStruct.field("ips", GoType.slice(GoType.pointer(IpConfig.TYPE))),
                    GoStruct.field("routes", GoType.slice(GoType.pointer(Route.TYPE))),
                    GoStruct.field("dns", Dns.TYPE)),
            v -> new Result040((String) v[0], list(v[1]), list(v[2]), list(v[3]), (Dns) v[4]),
            r -> new Object[] {r.cniVersion, r.interfaces, r.ips, r.routes, r.dns});

    @Override
    public JsonObject toJson() {
        JsonObject.Builder json = JsonObject.builder().putIfPresent("cniVersion", cniVersion);
        CniResult.putSlice(json, "interfaces", interfaces, Interface::toJson);
        CniResult.putSlice(json, "ips", ips, IpConfig::toJson);
        CniResult.putSlice(json, "routes", routes, Route::toJson);
        return json.put("dns", dns.toJson()).build();
    }

    @SuppressWarnings("unchecked")
    static <T> List<T> list(Object value) {
        return (List<T>) value;
    }
}
