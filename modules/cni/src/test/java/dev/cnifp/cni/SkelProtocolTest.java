package dev.cnifp.cni;

import static dev.cnifp.cni.PluginHarness.CONFIG;
import static dev.cnifp.cni.PluginHarness.config;
import static dev.cnifp.cni.PluginHarness.env;
import static dev.cnifp.cni.PluginHarness.error;
import static dev.cnifp.cni.PluginHarness.only;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The protocol as Go's skel at CNI library HEAD answers it (cni-reference.md 2.2 adapted by 2.4): every error path,
 * with the exact stdout and exit status.
 */
class SkelProtocolTest {
    private static final String ABOUT = "bridge with failpoint support\n"
            + "CNI protocol versions supported: 0.1.0, 0.2.0, 0.3.0, 0.3.1, 0.4.0, 1.0.0, 1.1.0\n";
    private static final String SUPPORTED =
            "plugin supports [\"0.1.0\" \"0.2.0\" \"0.3.0\" \"0.3.1\" \"0.4.0\" \"1.0.0\" \"1.1.0\"]";
    private static final String ADD_RESULT = "reprinted(1.0.0):" + PluginHarness.RESULT;
    private static final String NAME_STRUCT = "struct { Name string \"json:\\\"name\\\"\" }";

    static Stream<Arguments> environment() {
        return Stream.of(
                Arguments.of("ADD, no other env", only("CNI_COMMAND", "ADD"), CONFIG, 1, error(4,
                        "required env variables [CNI_CONTAINERID,CNI_NETNS,CNI_IFNAME,CNI_PATH] missing")),
                Arguments.of("CHECK, no other env", only("CNI_COMMAND", "CHECK"), CONFIG, 1, error(4,
                        "required env variables [CNI_CONTAINERID,CNI_NETNS,CNI_IFNAME,CNI_PATH] missing")),
                Arguments.of("DEL, no other env", only("CNI_COMMAND", "DEL"), CONFIG, 1, error(4,
                        "required env variables [CNI_CONTAINERID,CNI_IFNAME,CNI_PATH] missing")),
                Arguments.of("STATUS needs CNI_PATH", only("CNI_COMMAND", "STATUS"), config("1.1.0"), 1, error(4,
                        "required env variables [CNI_PATH] missing")),
                Arguments.of("GC needs CNI_PATH", only("CNI_COMMAND", "GC"), config("1.1.0"), 1, error(4,
                        "required env variables [CNI_PATH] missing")),
                Arguments.of("set but empty counts as missing", env("ADD", "CNI_NETNS", ""), CONFIG, 1, error(4,
                        "required env variables [CNI_NETNS] missing")),
                Arguments.of("HEAD: invalid container ID wins over missing NETNS",
                        env("ADD", "CNI_CONTAINERID", "bad/id", "CNI_NETNS", null), CONFIG, 1,
                        error(4, "invalid characters in containerID", "bad/id")),
                Arguments.of("HEAD: invalid ifname wins over missing container ID",
                        env("ADD", "CNI_CONTAINERID", null, "CNI_IFNAME", "a/b"), CONFIG, 1,
                        error(4, "interface name contains / or : or whitespace characters")),
                Arguments.of("container ID with non-ASCII letter", env("DEL", "CNI_CONTAINERID", "é"), CONFIG, 1,
                        error(4, "invalid characters in containerID", "é")),
                Arguments.of("container ID with a trailing newline", env("ADD", "CNI_CONTAINERID", "abc\n"), CONFIG,
                        1, error(4, "invalid characters in containerID", "abc\n")),
                Arguments.of("container ID starting with _", env("ADD", "CNI_CONTAINERID", "_x"), CONFIG, 1,
                        error(4, "invalid characters in containerID", "_x")),
                Arguments.of("ifname of 16 bytes", env("ADD", "CNI_IFNAME", "0123456789abcdef"), CONFIG, 1,
                        error(4, "interface name is too long", "interface name should be less than 16 characters")),
                Arguments.of("ifname of 8 characters, 16 UTF-8 bytes", env("ADD", "CNI_IFNAME", "éééééééé"), CONFIG,
                        1, error(4, "interface name is too long", "interface name should be less than 16 characters")),
                Arguments.of("ifname .", env("ADD", "CNI_IFNAME", "."), CONFIG, 1,
                        error(4, "interface name is . or ..")),
                Arguments.of("ifname ..", env("DEL", "CNI_IFNAME", ".."), CONFIG, 1,
                        error(4, "interface name is . or ..")),
                Arguments.of("ifname with :", env("CHECK", "CNI_IFNAME", "eth:0"), config("1.0.0"), 1,
                        error(4, "interface name contains / or : or whitespace characters")),
                Arguments.of("ifname with a space", env("ADD", "CNI_IFNAME", "eth 0"), CONFIG, 1,
                        error(4, "interface name contains / or : or whitespace characters")),
                Arguments.of("ifname with NBSP", env("ADD", "CNI_IFNAME", "eth\u00a00"), CONFIG, 1,
                        error(4, "interface name contains / or : or whitespace characters")),
                Arguments.of("ifname with U+2003", env("ADD", "CNI_IFNAME", "eth\u20030"), CONFIG, 1,
                        error(4, "interface name contains / or : or whitespace characters")),
                Arguments.of("ifname with U+200A", env("ADD", "CNI_IFNAME", "eth\u200a0"), CONFIG, 1,
                        error(4, "interface name contains / or : or whitespace characters")),
                Arguments.of("container ID of ASCII letters, digits and _.-", env("ADD", "CNI_CONTAINERID",
                        "Za-z_A.09"), CONFIG, 0, ADD_RESULT),
                Arguments.of("container ID with [", env("ADD", "CNI_CONTAINERID", "Z["), CONFIG, 1,
                        error(4, "invalid characters in containerID", "Z[")),
                Arguments.of("unknown command, no env, empty stdin", only("CNI_COMMAND", "FOO"), "", 1,
                        error(6, "error unmarshall network config: unexpected end of JSON input")),
                Arguments.of("HEAD: unknown command with a valid config", only("CNI_COMMAND", "FOO"), CONFIG, 1,
                        error(4, "unknown CNI_COMMAND: FOO")),
                Arguments.of("commands are case-sensitive", env("add"), CONFIG, 1,
                        error(4, "unknown CNI_COMMAND: add")),
                Arguments.of("unknown commands validate no container ID", env("FOO", "CNI_CONTAINERID", "bad/id"),
                        CONFIG, 1, error(4, "unknown CNI_COMMAND: FOO")),
                Arguments.of("ADD with an unrequired, empty CNI_ARGS", env("ADD", "CNI_ARGS", ""), CONFIG, 0,
                        ADD_RESULT),
                Arguments.of("DEL needs no NETNS", env("DEL", "CNI_NETNS", null), CONFIG, 0, ""),
                Arguments.of("ifname with U+001C, which Go does not count as space",
                        env("ADD", "CNI_IFNAME", "eth\u001c0"), CONFIG, 0, ADD_RESULT),
                Arguments.of("HEAD: STATUS needs no container ID", only("CNI_COMMAND", "STATUS", "CNI_PATH", "/x"),
                        config("1.1.0"), 0, ""));
    }

    static Stream<Arguments> configuration() {
        return Stream.of(
                Arguments.of("empty stdin", env("ADD"), "", 1,
                        error(6, "error unmarshall network config: unexpected end of JSON input")),
                Arguments.of("{", env("ADD"), "{", 1,
                        error(6, "error unmarshall network config: unexpected end of JSON input")),
                Arguments.of("{foo}", env("ADD"), "{foo}", 1, error(6,
                        "error unmarshall network config: invalid character 'f' looking for beginning of object key"
                                + " string")),
                Arguments.of("array", env("ADD"), "[]", 1, error(6,
                        "error unmarshall network config: json: cannot unmarshal array into Go value of type "
                                + NAME_STRUCT)),
                Arguments.of("string", env("DEL"), "\"net\"", 1, error(6,
                        "error unmarshall network config: json: cannot unmarshal string into Go value of type "
                                + NAME_STRUCT)),
                Arguments.of("trailing garbage", env("ADD"), CONFIG + " true", 1, error(6,
                        "error unmarshall network config: invalid character 't' after top-level value")),
                Arguments.of("UTF-8 BOM", env("ADD"), "\ufeff" + CONFIG, 1, error(6,
                        "error unmarshall network config: invalid character 'ï' looking for beginning of value")),
                Arguments.of("name is a number", env("ADD"), "{\"name\":5}", 1, error(6,
                        "error unmarshall network config: json: cannot unmarshal number into Go struct field .name of"
                                + " type string")),
                Arguments.of("name is an object", env("ADD"), "{\"NAME\":{}}", 1, error(6,
                        "error unmarshall network config: json: cannot unmarshal object into Go struct field .name of"
                                + " type string")),
                Arguments.of("a type error of an earlier duplicate still counts", env("ADD"),
                        "{\"name\":true,\"name\":\"net\"}", 1, error(6,
                        "error unmarshall network config: json: cannot unmarshal bool into Go struct field .name of"
                                + " type string")),
                Arguments.of("null", env("ADD"), "null", 1, error(7, "missing network name")),
                Arguments.of("no name", env("ADD"), "{\"cniVersion\":\"1.0.0\"}", 1, error(7, "missing network name")),
                Arguments.of("empty name", env("ADD"), "{\"name\":\"\"}", 1, error(7, "missing network name")),
                Arguments.of("name with a space", env("ADD"), "{\"name\":\"bad name\"}", 1,
                        error(7, "invalid characters found in network name", "bad name")),
                Arguments.of("name starting with _", env("DEL"), "{\"name\":\"_x\"}", 1,
                        error(7, "invalid characters found in network name", "_x")),
                Arguments.of("name matched case-insensitively, last wins", env("ADD"),
                        "{\"name\":\"bad name\",\"NAME\":\"net\",\"cniVersion\":\"1.0.0\"}", 0, ADD_RESULT),
                Arguments.of("a null name leaves the earlier one", env("ADD"),
                        "{\"name\":\"net\",\"name\":null,\"cniVersion\":\"1.0.0\"}", 0, ADD_RESULT),
                Arguments.of("cniVersion is a number", env("ADD"), "{\"name\":\"net\",\"cniVersion\":1}", 1, error(6,
                        "decoding version from network config: json: cannot unmarshal number into Go struct field "
                                + ".cniVersion of type string")),
                Arguments.of("plugin config: runtimeConfig not an object", env("ADD"),
                        "{\"name\":\"net\",\"cniVersion\":\"1.0.0\",\"runtimeConfig\":5}", 1, error(999,
                        "failed to parse network configuration: json: cannot unmarshal number into Go struct field "
                                + "netConf.runtimeConfig of type struct { PodAnnotations main.inheritedPodAnnotations"
                                + " \"json:\\\"io.kubernetes.cri.pod-annotations\\\"\" }")),
                Arguments.of("plugin config: annotations not an object", env("DEL"),
                        "{\"name\":\"net\",\"cniVersion\":\"1.0.0\",\"runtimeConfig\":"
                                + "{\"io.kubernetes.cri.pod-annotations\":[]}}", 1, error(999,
                        "failed to parse network configuration: json: cannot unmarshal array into Go struct field "
                                + ".runtimeConfig.io.kubernetes.cri.pod-annotations of type "
                                + "main.inheritedPodAnnotations")),
                Arguments.of("plugin config: confpath not a string", env("CHECK"),
                        "{\"name\":\"net\",\"cniVersion\":\"1.0.0\",\"RuntimeConfig\":"
                                + "{\"io.kubernetes.cri.pod-annotations\":"
                                + "{\"failpoint.cni.containerd.io/confpath\":true}}}", 1, error(999,
                        "failed to parse network configuration: json: cannot unmarshal bool into Go struct field "
                                + "inheritedPodAnnotations.runtimeConfig.io.kubernetes.cri.pod-annotations."
                                + "failpoint.cni.containerd.io/confpath of type string")),
                Arguments.of("plugin config: delegate not a string", env("ADD"),
                        "{\"name\":\"net\",\"cniVersion\":\"1.0.0\",\"delegate\":1}", 1, error(999,
                        "failed to parse network configuration: json: cannot unmarshal number into Go struct field "
                                + "netConf.delegate of type string")),
                Arguments.of("plugin config: null runtimeConfig is fine", env("ADD"),
                        "{\"name\":\"net\",\"cniVersion\":\"1.0.0\",\"runtimeConfig\":null}", 0, ADD_RESULT),
                Arguments.of("plugin config: the name check comes first", env("ADD"),
                        "{\"runtimeConfig\":5}", 1, error(7, "missing network name")));
    }

    static Stream<Arguments> versions() {
        return Stream.of(
                Arguments.of("ADD at 9.9.9", env("ADD"), config("9.9.9"), 1,
                        PluginHarness.error(1, "incompatible CNI versions", "config is \"9.9.9\", " + SUPPORTED)),
                Arguments.of("DEL at abc", env("DEL"), config("abc"), 1,
                        PluginHarness.error(1, "incompatible CNI versions", "config is \"abc\", " + SUPPORTED)),
                Arguments.of("ADD at 1.0", env("ADD"), config("1.0"), 1,
                        PluginHarness.error(1, "incompatible CNI versions", "config is \"1.0\", " + SUPPORTED)),
                Arguments.of("HEAD: ADD at 1.1.0", env("ADD"), config("1.1.0"), 0,
                        "reprinted(1.1.0):" + PluginHarness.RESULT),
                Arguments.of("ADD without a version means 0.1.0", env("ADD"), "{\"name\":\"net\"}", 0,
                        "reprinted(0.1.0):" + PluginHarness.RESULT),
                Arguments.of("ADD with an empty version means 0.1.0", env("ADD"), config(""), 0,
                        "reprinted(0.1.0):" + PluginHarness.RESULT),
                Arguments.of("CHECK at 0.3.1", env("CHECK"), config("0.3.1"), 1,
                        error(1, "config version does not allow CHECK")),
                Arguments.of("CHECK without a version", env("CHECK"), "{\"name\":\"net\"}", 1,
                        error(1, "config version does not allow CHECK")),
                Arguments.of("CHECK at 0.4.0", env("CHECK"), config("0.4.0"), 0, ""),
                Arguments.of("HEAD: CHECK at 1.1.0", env("CHECK"), config("1.1.0"), 0, ""),
                Arguments.of("CHECK at 9.9.9", env("CHECK"), config("9.9.9"), 1,
                        error(1, "plugin version does not allow CHECK")),
                Arguments.of("CHECK at 0.4: in range, not exact", env("CHECK"), config("0.4"), 1,
                        PluginHarness.error(1, "incompatible CNI versions", "config is \"0.4\", " + SUPPORTED)),
                Arguments.of("CHECK at abc", env("CHECK"), config("abc"), 1, error(6,
                        "failed to convert major version part \"abc\": strconv.Atoi: parsing \"abc\": invalid syntax")),
                Arguments.of("CHECK at 1.x", env("CHECK"), config("1.x"), 1, error(6,
                        "failed to convert minor version part \"x\": strconv.Atoi: parsing \"x\": invalid syntax")),
                Arguments.of("CHECK at 1.0.", env("CHECK"), config("1.0."), 1, error(6,
                        "failed to convert micro version part \"\": strconv.Atoi: parsing \"\": invalid syntax")),
                Arguments.of("CHECK at 0.4.0.1", env("CHECK"), config("0.4.0.1"), 1,
                        error(6, "invalid version \"0.4.0.1\": too many parts")),
                Arguments.of("CHECK with a huge major", env("CHECK"), config("99999999999999999999.0.0"), 1, error(6,
                        "failed to convert major version part \"99999999999999999999\": strconv.Atoi: parsing "
                                + "\"99999999999999999999\": value out of range")),
                Arguments.of("GC at 1.0.0", env("GC"), config("1.0.0"), 1,
                        error(1, "config version does not allow GC")),
                Arguments.of("STATUS at 0.4.0", env("STATUS"), config("0.4.0"), 1,
                        error(1, "config version does not allow STATUS")),
                Arguments.of("STATUS at 2.0.0", env("STATUS"), config("2.0.0"), 1,
                        error(1, "plugin version does not allow STATUS")),
                Arguments.of("GC at +1.1.0: in range, not exact", env("GC"), config("+1.1.0"), 1,
                        PluginHarness.error(1, "incompatible CNI versions", "config is \"+1.1.0\", " + SUPPORTED)),
                Arguments.of("GC at 1.1.0", env("GC"), config("1.1.0"), 0, ""),
                Arguments.of("STATUS at 1.1.0", env("STATUS"), config("1.1.0"), 0, ""));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource({"environment", "configuration", "versions"})
    void answersLikeGoSkel(String name, Map<String, String> env, String stdin, int status, String stdout) {
        PluginHarness.Run run = new PluginHarness().run(env, stdin);
        assertAll(() -> assertEquals(stdout, run.stdout(), "stdout"),
                () -> assertEquals(status, run.status(), "exit status"));
    }

    @Test
    void withoutCommandPrintsAboutOnStderrAndExitsZero() {
        for (Map<String, String> env : java.util.List.of(only(), only("CNI_COMMAND", ""), env("", "CNI_PATH", ""))) {
            PluginHarness.Run run = new PluginHarness().run(env, CONFIG);
            assertEquals(new PluginHarness.Run(0, "", ABOUT), run);
        }
    }

    @Test
    void versionIgnoresStdinAndPrintsTheLibraryVersion() {
        InputStream unreadable = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("stdin must not be read for VERSION");
            }
        };
        PluginHarness harness = new PluginHarness();
        PluginHarness.Run run = harness.run(only("CNI_COMMAND", "VERSION"), unreadable);
        assertEquals(new PluginHarness.Run(0, "{\"cniVersion\":\"1.1.0\",\"supportedVersions\":"
                + "[\"0.1.0\",\"0.2.0\",\"0.3.0\",\"0.3.1\",\"0.4.0\",\"1.0.0\",\"1.1.0\"]}\n", ""), run);
        assertTrue(harness.delegateCalls.isEmpty());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "Bad file descriptor|read /dev/stdin: bad file descriptor",
        "Is a directory|read /dev/stdin: is a directory",
        "Is a directory (read failed)|read /dev/stdin: is a directory",
        "EOF|read /dev/stdin: EOF",
    })
    void unreadableStdinIsAnIoFailure(String javaMessage, String goError) {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException(javaMessage);
            }
        };
        PluginHarness.Run run = new PluginHarness().run(env("ADD"), broken);
        assertEquals(new PluginHarness.Run(1, error(5, "error reading from stdin: " + goError), ""), run);
    }
}
