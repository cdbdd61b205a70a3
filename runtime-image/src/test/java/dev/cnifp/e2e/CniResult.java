package dev.cnifp.e2e;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A CNI ADD result (0.3.0 and later shape) as the plugin printed it. */
record CniResult(Map<String, Object> json) {

    static CniResult parse(PluginRun add) {
        return new CniResult(add.stdoutJson());
    }

    String cniVersion() {
        return (String) json.get("cniVersion");
    }

    /** Every {@code ips[].address}, e.g. {@code 10.88.0.2/16}. */
    List<String> addresses() {
        Object ips = json.get("ips");
        if (!(ips instanceof List<?> list)) {
            return List.of();
        }
        return list.stream().map(ip -> (String) ((Map<?, ?>) ip).get("address")).toList();
    }

    /** The first address in {@code subnet}. */
    Optional<String> addressIn(Cidr subnet) {
        return addresses().stream().filter(subnet::contains).findFirst();
    }

    /** Names of {@code interfaces[]}. */
    List<String> interfaceNames() {
        Object interfaces = json.get("interfaces");
        if (!(interfaces instanceof List<?> list)) {
            return List.of();
        }
        return list.stream().map(i -> (String) ((Map<?, ?>) i).get("name")).toList();
    }

    /** {@code netconf} with this result added as {@code prevResult}, as a runtime sends it on CHECK and DEL. */
    static String withPrevResult(Map<String, Object> netconf, String addStdout) {
        Map<String, Object> copy = new java.util.LinkedHashMap<>(netconf);
        copy.put("prevResult", Json.parse(addStdout));
        return Json.write(copy);
    }
}
