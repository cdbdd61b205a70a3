package jsonprobe;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.jr.ob.JSON;
import dev.cnifp.cni.config.PluginConfig;
import dev.cnifp.cni.json.GoJson;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One way of reading a network config in a cold process, for bench/json.sh: find the failpoint file's path in the
 * pod annotations and print it. The way is the only argument:
 * <ul>
 *   <li>{@code none}: no JSON parser, a text search; what reading stdin and printing cost.
 *   <li>{@code streaming}: jackson-core's streaming parser, token by token.
 *   <li>{@code tree}: jackson-jr's {@code JSON.std.anyFrom}, maps and lists.
 *   <li>{@code bean}: jackson-jr's bean binding into {@link NetConf}.
 *   <li>{@code plugin}: what the plugin does, Go-exact: its own validating reader into a tree (jackson-core's
 *       streaming parser only for what that reader leaves to it), then Go's decoding rules ({@code PluginConfig}).
 * </ul>
 */
public final class JsonReadProbe {
    private static final String ANNOTATIONS = "io.kubernetes.cri.pod-annotations";
    private static final String CONFPATH = "failpoint.cni.containerd.io/confpath";

    private JsonReadProbe() {}

    /** The part of a network config that bean binding fills; jackson-jr skips the other members. */
    public static final class NetConf {
        public String cniVersion;
        public String name;
        public String type;
        public Map<String, Object> runtimeConfig;
    }

    public static void main(String[] args) throws Exception {
        byte[] config = System.in.readAllBytes();
        String confPath = switch (args[0]) {
            case "none" -> textSearch(new String(config, StandardCharsets.UTF_8));
            case "streaming" -> streaming(config);
            case "tree" -> fromRuntimeConfig(JSON.std.mapFrom(config).get("runtimeConfig"));
            case "bean" -> fromRuntimeConfig(JSON.std.beanFrom(NetConf.class, config).runtimeConfig);
            case "plugin" -> PluginConfig.decode(GoJson.parse(config)).failpointConfPath();
            default -> throw new IllegalArgumentException("none, streaming, tree, bean or plugin: " + args[0]);
        };
        System.out.println(confPath);
    }

    private static String textSearch(String config) {
        String key = "\"" + CONFPATH + "\":\"";
        int at = config.indexOf(key) + key.length();
        return config.substring(at, config.indexOf('"', at));
    }

    private static String streaming(byte[] config) throws Exception {
        try (JsonParser parser = new JsonFactory().createParser(config)) {
            int depth = 0;
            String inRuntimeConfig = null;
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    depth++;
                } else if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    depth--;
                } else if (token == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    if (depth == 1 && name.equals("runtimeConfig")) {
                        inRuntimeConfig = name;
                    } else if (inRuntimeConfig != null && depth == 3 && name.equals(CONFPATH)) {
                        parser.nextToken();
                        return parser.getText();
                    }
                }
            }
        }
        return "";
    }

    private static String fromRuntimeConfig(Object runtimeConfig) {
        if (runtimeConfig instanceof Map<?, ?> capabilities
                && capabilities.get(ANNOTATIONS) instanceof Map<?, ?> annotations
                && annotations.get(CONFPATH) instanceof String path) {
            return path;
        }
        return "";
    }
}
