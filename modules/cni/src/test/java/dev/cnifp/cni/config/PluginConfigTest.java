package dev.cnifp.cni.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cnifp.cni.json.GoJson;
import dev.cnifp.cni.json.GoJsonException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Decoding into Go structs: Go's merge, null and case rules, and its type error wording. */
class PluginConfigTest {

    private static PluginConfig decode(String json) throws GoJsonException {
        return PluginConfig.decode(GoJson.parse(json));
    }

    @Test
    void readsThePluginsFields() throws GoJsonException {
        PluginConfig config = decode("{\"delegate\":\"ptp\",\"logLevel\":\"debug\",\"logFile\":\"/l\",\"runtimeConfig\":"
                + "{\"io.kubernetes.cri.pod-annotations\":{\"failpoint.cni.containerd.io/confpath\":\"/fp\","
                + "\"other\":1}}}");
        assertEquals(new PluginConfig("ptp", "debug", "/l", "/fp", Optional.empty()), config);
    }

    @Test
    void defaultsWhenAbsentOrNull() throws GoJsonException {
        assertEquals(new PluginConfig("bridge", "", "", "", Optional.empty()), decode("null"));
        assertEquals(new PluginConfig("bridge", "", "", "", Optional.empty()),
                decode("{\"delegate\":null,\"delegate\":\"\",\"runtimeConfig\":{}}"));
    }

    @Test
    void aLaterDuplicateObjectIsMergedIntoTheEarlierOne() throws GoJsonException {
        PluginConfig config = decode("{\"runtimeConfig\":{\"io.kubernetes.cri.pod-annotations\":"
                + "{\"failpoint.cni.containerd.io/confpath\":\"/first\"}},\"runtimeConfig\":{\"x\":1},"
                + "\"runtimeconfig\":null}");
        assertEquals("/first", config.failpointConfPath());
    }

    @Test
    void decodingCarriesOnAfterTheFirstTypeError() throws GoJsonException {
        PluginConfig config = decode("{\"logLevel\":1,\"logFile\":[],\"delegate\":\"ptp\"}");
        assertEquals("ptp", config.delegate());
        assertEquals(Optional.of("json: cannot unmarshal number into Go struct field netConf.logLevel of type string"),
                config.typeError());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"name\":[1]}|json: cannot unmarshal array into Go struct field .name of type string",
        "{\"Name\":false}|json: cannot unmarshal bool into Go struct field .name of type string",
        "123|json: cannot unmarshal number into Go value of type struct { Name string \"json:\\\"name\\\"\" }",
        "true|json: cannot unmarshal bool into Go value of type struct { Name string \"json:\\\"name\\\"\" }",
    })
    void nameTypeErrorsReadLikeGo(String json, String message) throws GoJsonException {
        ConfigTypeException e = org.junit.jupiter.api.Assertions.assertThrows(ConfigTypeException.class,
                () -> SkelFields.name(GoJson.parse(json)));
        assertEquals(message, e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"{}|0.1.0", "{\"cniVersion\":null}|0.1.0", "{\"cniVersion\":\"\"}|0.1.0",
            "{\"CNIVERSION\":\"1.0.0\"}|1.0.0", "{\"cniVersion\":\"1.0.0\",\"cniversion\":\"0.4.0\"}|0.4.0"})
    void versionDefaultsTo010(String json, String version) throws Exception {
        assertEquals(version, SkelFields.cniVersion(GoJson.parse(json)));
    }
}
