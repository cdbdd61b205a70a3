package dev.cnifp.cni.delegate;

import dev.cnifp.cni.json.JsonValue.JsonObject;
import dev.cnifp.cni.json.JsonValue.Member;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code types100.Result}, for results of versions 1.0.0 and 1.1.0. The current library's {@code MarshalJSON}
 * marshals the struct, decodes that into a {@code map[string]interface{}}, deletes {@code dns} when it is empty and
 * marshals the map: so keys come out sorted at every level and numbers pass through float64.
 */
record Result100(String cniVersion, List<Interface> interfaces, List<IpConfig> ips, List<Route> routes, Dns dns)
        implements CniResult {

    static final List<String> VERSIONS = List.of("1.0.0", "1.1.0");

    record Interface(String name, String mac, long mtu, String sandbox, String socketPath, String pciId) {
        static final GoStruct<Interface> TYPE = new GoStruct<>("types100.Interface",
                List.of(
                        GoStruct.field("name", GoType.STRING),
                        GoStruct.field("mac", GoType.STRING),
                        GoStruct.field("mtu", GoType.INT),
                        GoStruct.field("sandbox", GoType.STRING),
                        GoStruct.field("socketPath", GoType.STRING),
                        GoStruct.field("pciID", GoType.STRING)),
                v -> new Interface((String) v[0], (String) v[1], (Long) v[2], (String) v[3], (String) v[4],
                        (String) v[5]),
                i -> new Object[] {i.name, i.mac, i.mtu, i.sandbox, i.socketPath, i.pciId});

        JsonObject toJson() {
            JsonObject.Builder json = JsonObject.builder().put("name", name).putIfPresent("mac", mac);
            if (mtu != 0) {
                json.put("mtu", mtu);
            }
            return json.putIfPresent("sandbox", sandbox).putIfPresent("socketPath", socketPath)
                    .putIfPresent("pciID", pciId).build();
        }
    }

    /** @param iface index into {@code interfaces}, null when absent */
    record IpConfig(Long iface, IpNet address, byte[] gateway) {
        private static final GoStruct<IpConfig> WIRE = new GoStruct<>("types100.ipConfig",
                List.of(
                        GoStruct.field("interface", GoType.pointer(GoType.INT)),
                        GoStruct.field("address", CniTypes.IPNET),
                        GoStruct.field("gateway", CniTypes.IP)),
                v -> new IpConfig((Long) v[0], (IpNet) v[1], (byte[]) v[2]),
                c -> new Object[] {c.iface, c.address, c.gateway});

        static final GoType<IpConfig> TYPE = CniTypes.unmarshaler("types100.IPConfig", WIRE);

        JsonObject toJson() {
            JsonObject.Builder json = JsonObject.builder();
            CniResult.putIpConfig(json, iface, address, gateway);
            return json.build();
        }
    }

    static final GoStruct<Result100> TYPE = new GoStruct<>("types100.Result",
            List.of(
                    GoStruct.field("cniVersion", GoType.STRING),
                    GoStruct.field("interfaces", GoType.slice(GoType.pointer(Interface.TYPE))),
                    GoStruct.field("ips", GoType.slice(GoType.pointer(IpConfig.TYPE))),
                    GoStruct.field("routes", GoType.slice(GoType.pointer(Route.TYPE))),
                    GoStruct.field("dns", Dns.TYPE)),
            v -> new Result100((String) v[0], Result040.list(v[1]), Result040.list(v[2]), Result040.list(v[3]),
                    (Dns) v[4]),
            r -> new Object[] {r.cniVersion, r.interfaces, r.ips, r.routes, r.dns});

    @Override
    public JsonObject toJson() {
        JsonObject.Builder struct = JsonObject.builder().putIfPresent("cniVersion", cniVersion);
        CniResult.putSlice(struct, "interfaces", interfaces, Interface::toJson);
        CniResult.putSlice(struct, "ips", ips, IpConfig::toJson);
        CniResult.putSlice(struct, "routes", routes, Route::toJson);
        struct.put("dns", dns.toJson());
        JsonObject viaMap = (JsonObject) GoMaps.roundTrip(struct.build());
        if (!dns.isEmpty()) {
            return viaMap;
        }
        List<Member> withoutDns = new ArrayList<>(viaMap.members().size());
        for (Member member : viaMap.members()) {
            if (!member.key().equals("dns")) {
                withoutDns.add(member);
            }
        }
        return new JsonObject(withoutDns);
    }
}
