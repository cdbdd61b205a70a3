package dev.cnifp.cni.delegate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cnifp.cni.protocol.CniError;
import dev.cnifp.cni.protocol.CniException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddResultTest {

    /** The plugin's early-work thread runs it; a result it could not re-print would only waste that thread's time. */
    @Test
    void theWarmUpResultReprints() {
        AddResult.warmUp();
    }

    private static String reprint(String stdout, String configVersion) throws CniException {
        return AddResult.reprint(stdout.getBytes(StandardCharsets.UTF_8), configVersion);
    }

    private static CniError failure(String stdout, String configVersion) {
        return assertThrows(CniException.class, () -> reprint(stdout, configVersion)).error();
    }

    /** bridge's ADD output for a 1.0.0 config with host-local 10.99.0.0/24 (cni-reference.md section 4). */
    private static final String BRIDGE_100 = """
            {
                "cniVersion": "1.0.0",
                "interfaces": [
                    {
                        "name": "cni0",
                        "mac": "6a:1f:4e:9b:22:01"
                    },
                    {
                        "name": "veth5c1d2e3f",
                        "mac": "b2:3c:44:aa:10:9e"
                    },
                    {
                        "name": "eth0",
                        "mac": "0e:8d:5a:11:72:c4",
                        "sandbox": "/run/netns/ctr"
                    }
                ],
                "ips": [
                    {
                        "interface": 2,
                        "address": "10.99.0.2/24",
                        "gateway": "10.99.0.1"
                    }
                ],
                "routes": [
                    {
                        "dst": "0.0.0.0/0"
                    }
                ],
                "dns": {
                    "nameservers": [
                        "10.99.0.1"
                    ]
                }
            }""";

    @Test
    void version100ResultIsPrintedWithKeysSortedAtEveryLevel() throws CniException {
        assertEquals("""
                {
                    "cniVersion": "1.0.0",
                    "dns": {
                        "nameservers": [
                            "10.99.0.1"
                        ]
                    },
                    "interfaces": [
                        {
                            "mac": "6a:1f:4e:9b:22:01",
                            "name": "cni0"
                        },
                        {
                            "mac": "b2:3c:44:aa:10:9e",
                            "name": "veth5c1d2e3f"
                        },
                        {
                            "mac": "0e:8d:5a:11:72:c4",
                            "name": "eth0",
                            "sandbox": "/run/netns/ctr"
                        }
                    ],
                    "ips": [
                        {
                            "address": "10.99.0.2/24",
                            "gateway": "10.99.0.1",
                            "interface": 2
                        }
                    ],
                    "routes": [
                        {
                            "dst": "0.0.0.0/0"
                        }
                    ]
                }""", reprint(BRIDGE_100, "1.0.0"));
    }

    @Test
    void version100OmitsEmptyDnsAndKeepsInterfaceIndexZero() throws CniException {
        assertEquals("""
                {
                    "cniVersion": "1.0.0",
                    "ips": [
                        {
                            "address": "10.99.0.2/24",
                            "interface": 0
                        }
                    ]
                }""", reprint("{\"cniVersion\":\"1.0.0\",\"ips\":[{\"interface\":0,\"address\":\"10.99.0.2/24\"}],"
                + "\"dns\":{},\"interfaces\":[],\"routes\":null}", "1.0.0"));
    }

    @Test
    void version110ExtrasArePrintedSorted() throws CniException {
        String delegate = """
                {"cniVersion":"1.1.0",
                 "interfaces":[{"name":"eth0","mtu":1500,"socketPath":"/s","pciID":"0000:00:1f.6","sandbox":"/n",
                                "mac":"aa:bb:cc:dd:ee:ff","unknown":true}],
                 "routes":[{"dst":"10.0.0.0/8","gw":"10.0.0.1","mtu":1400,"advmss":1360,"priority":5,"table":0,
                            "scope":253}],
                 "dns":{"search":["a"],"options":["ndots:5"],"domain":"d","nameservers":["1.1.1.1"]}}""";
        assertEquals("""
                {
                    "cniVersion": "1.1.0",
                    "dns": {
                        "domain": "d",
                        "nameservers": [
                            "1.1.1.1"
                        ],
                        "options": [
                            "ndots:5"
                        ],
                        "search": [
                            "a"
                        ]
                    },
                    "interfaces": [
                        {
                            "mac": "aa:bb:cc:dd:ee:ff",
                            "mtu": 1500,
                            "name": "eth0",
                            "pciID": "0000:00:1f.6",
                            "sandbox": "/n",
                            "socketPath": "/s"
                        }
                    ],
                    "routes": [
                        {
                            "advmss": 1360,
                            "dst": "10.0.0.0/8",
                            "gw": "10.0.0.1",
                            "mtu": 1400,
                            "priority": 5,
                            "scope": 253,
                            "table": 0
                        }
                    ]
                }""", reprint(delegate, "1.1.0"));
    }

    @Test
    void version040ResultKeepsStructOrderVersionPerIpAndAlwaysDns() throws CniException {
        String delegate = BRIDGE_100.replace("\"1.0.0\"", "\"0.4.0\"")
                .replace("\"interface\": 2,", "\"version\": \"4\", \"interface\": 2,")
                .replace("\"dns\": {\n        \"nameservers\": [\n            \"10.99.0.1\"\n        ]\n    }", "\"dns\": {}");
        assertEquals("""
                {
                    "cniVersion": "0.4.0",
                    "interfaces": [
                        {
                            "name": "cni0",
                            "mac": "6a:1f:4e:9b:22:01"
                        },
                        {
                            "name": "veth5c1d2e3f",
                            "mac": "b2:3c:44:aa:10:9e"
                        },
                        {
                            "name": "eth0",
                            "mac": "0e:8d:5a:11:72:c4",
                            "sandbox": "/run/netns/ctr"
                        }
                    ],
                    "ips": [
                        {
                            "version": "4",
                            "interface": 2,
                            "address": "10.99.0.2/24",
                            "gateway": "10.99.0.1"
                        }
                    ],
                    "routes": [
                        {
                            "dst": "0.0.0.0/0"
                        }
                    ],
                    "dns": {}
                }""", reprint(delegate, "0.4.0"));
    }

    @Test
    void version031ResultWithoutIpVersionPrintsItEmpty() throws CniException {
        assertEquals("""
                {
                    "cniVersion": "0.3.1",
                    "ips": [
                        {
                            "version": "",
                            "address": "10.99.0.2/24"
                        }
                    ],
                    "dns": {}
                }""", reprint("{\"cniVersion\":\"0.3.1\",\"ips\":[{\"address\":\"10.99.0.2/24\"}]}", "0.3.1"));
    }

    @Test
    void version020ResultHasIp4Shape() throws CniException {
        String delegate = "{\"cniVersion\":\"0.2.0\",\"ip4\":{\"ip\":\"10.99.0.2/24\",\"gateway\":\"10.99.0.1\","
                + "\"routes\":[{\"dst\":\"0.0.0.0/0\"}]},\"dns\":{\"nameservers\":[\"10.99.0.1\"]}}";
        assertEquals("""
                {
                    "cniVersion": "0.2.0",
                    "ip4": {
                        "ip": "10.99.0.2/24",
                        "gateway": "10.99.0.1",
                        "routes": [
                            {
                                "dst": "0.0.0.0/0"
                            }
                        ]
                    },
                    "dns": {
                        "nameservers": [
                            "10.99.0.1"
                        ]
                    }
                }""", reprint(delegate, "0.2.0"));
    }

    @Test
    void resultWithoutVersionTakesTheConfigVersionAndNoConfigVersionMeans010() throws CniException {
        String delegate = "{\"ip4\":{\"ip\":\"10.99.0.2/24\",\"gateway\":\"10.99.0.1\"}}";
        String expected = """
                {
                    "cniVersion": "0.1.0",
                    "ip4": {
                        "ip": "10.99.0.2/24",
                        "gateway": "10.99.0.1"
                    },
                    "dns": {}
                }""";
        assertEquals(expected, reprint(delegate, null));
        assertEquals(expected, reprint(delegate, ""));
        assertEquals(expected, reprint(delegate.replace("{\"ip4\"", "{\"cniVersion\":\"\",\"ip4\""), "0.1.0"));
    }

    @Test
    void resultVersionIsNotConvertedToTheConfigVersion() throws CniException {
        String delegate = "{\"cniVersion\":\"0.4.0\",\"ips\":[{\"version\":\"4\",\"address\":\"10.1.2.3/8\"}]}";
        assertEquals("""
                {
                    "cniVersion": "0.4.0",
                    "ips": [
                        {
                            "version": "4",
                            "address": "10.1.2.3/8"
                        }
                    ],
                    "dns": {}
                }""", reprint(delegate, "1.0.0"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "1.0.0|{\"cniVersion\": \"1.0.0\"}",
        "1.1.0|{\"cniVersion\": \"1.1.0\"}",
        "0.4.0|{\"cniVersion\": \"0.4.0\", \"dns\": {}}",
        "0.2.0|{\"cniVersion\": \"0.2.0\", \"dns\": {}}",
    })
    void nullResultIsAnEmptyResultOfTheConfigVersion(String configVersion, String expectedCompact) throws CniException {
        String expected = expectedCompact.replace("{\"cniVersion\"", "{\n    \"cniVersion\"")
                .replace(", \"dns\": {}}", ",\n    \"dns\": {}\n}").replace("\"}", "\"\n}");
        assertEquals(expected, reprint("null", configVersion));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "2001:DB8:0:0::1/64|2001:db8::1/64|2001:0db8:0000:0000:0001:0000:0000:0001|2001:db8::1:0:0:1",
        "10.1.2.3/8|10.1.2.3/8|::ffff:10.1.2.1|10.1.2.1",
        "::ffff:10.1.2.3/120|10.1.2.3/24|fe80:0:0:1::|fe80:0:0:1::",
        "::ffff:10.1.2.3/64|10.1.2.3/0|0:0:0:0:0:0:0:0|::",
        "::1.2.3.4/128|::102:304/128|1:0:0:2:0:0:0:3|1:0:0:2::3",
        "2001:db8::/32|2001:db8::/32|1:0:0:2:0:0:3:4|1::2:0:0:3:4",
        "1:2:3:4:5:6:7:8/32|1:2:3:4:5:6:7:8/32|1:0:2:3:4:5:6:7|1:0:2:3:4:5:6:7",
        "0.0.0.0/00000000000000008|0.0.0.0/8|255.255.255.255|255.255.255.255",
    })
    void addressesGoThroughGosNetPackage(String address, String printed, String gateway, String printedGateway)
            throws CniException {
        String out = reprint("{\"cniVersion\":\"1.0.0\",\"ips\":[{\"address\":\"" + address + "\",\"gateway\":\""
                + gateway + "\"}]}", "1.0.0");
        assertEquals("{\n    \"cniVersion\": \"1.0.0\",\n    \"ips\": [\n        {\n            \"address\": \""
                + printed + "\",\n            \"gateway\": \"" + printedGateway + "\"\n        }\n    ]\n}", out);
    }

    @Test
    void unknownFieldsAreDroppedEverywhere() throws CniException {
        String delegate = "{\"cniVersion\":\"0.4.0\",\"extra\":{\"a\":1},\"interfaces\":[{\"name\":\"a\",\"mtu\":9000,"
                + "\"x\":1}],\"dns\":{\"nameservers\":[\"1.1.1.1\"],\"junk\":[]}}";
        assertEquals("""
                {
                    "cniVersion": "0.4.0",
                    "interfaces": [
                        {
                            "name": "a"
                        }
                    ],
                    "dns": {
                        "nameservers": [
                            "1.1.1.1"
                        ]
                    }
                }""", reprint(delegate, "0.4.0"));
    }

    @Test
    void fieldNamesMatchCaseInsensitivelyAndTheLastOneWins() throws CniException {
        String delegate = "{\"cniVersion\":\"0.4.0\",\"IPS\":[{\"Address\":\"10.0.0.1/8\",\"VERSION\":\"4\"}],"
                + "\"ips\":[{\"address\":\"10.0.0.2/8\"}]}";
        assertEquals("""
                {
                    "cniVersion": "0.4.0",
                    "ips": [
                        {
                            "version": "",
                            "address": "10.0.0.2/8"
                        }
                    ],
                    "dns": {}
                }""", reprint(delegate, "0.4.0"));
    }

    @Test
    void resultWithoutVersionPassesThroughAGoMapSoNumbersBecomeFloats() throws CniException {
        assertEquals("""
                {
                    "cniVersion": "1.0.0",
                    "interfaces": [
                        {
                            "mtu": 1000,
                            "name": "eth0"
                        }
                    ]
                }""", reprint("{\"interfaces\":[{\"name\":\"eth0\",\"mtu\":1e3}]}", "1.0.0"));
    }

    @Test
    void htmlCharactersAreEscapedLikeGo() throws CniException {
        assertEquals("""
                {
                    "cniVersion": "0.4.0",
                    "interfaces": [
                        {
                            "name": "a\\u003cb\\u003e\\u0026"
                        }
                    ],
                    "dns": {}
                }""", reprint("{\"cniVersion\":\"0.4.0\",\"interfaces\":[{\"name\":\"a<b>&\"}]}", "0.4.0"));
    }

    /** The edges of Go's int decode; the result is then printed through a Go map, where numbers are float64. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"9223372036854775807, 9223372036854776000", "-9223372036854775808, -9223372036854776000"})
    void anIntTakesEverySixtyFourBitValue(String mtu, String printedMtu) throws CniException {
        String printed = reprint("{\"cniVersion\":\"1.0.0\",\"interfaces\":[{\"name\":\"a\",\"mtu\":" + mtu + "}]}",
                "1.0.0");
        assertTrue(printed.contains("\"mtu\": " + printedMtu + ",\n"), printed);
    }

    @ParameterizedTest(name = "[{index}] {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "``|1.0.0|failed to unmarshal raw result: unexpected end of JSON input",
        "hello|1.0.0|failed to unmarshal raw result: invalid character 'h' looking for beginning of value",
        "[]|1.0.0|failed to unmarshal raw result: json: cannot unmarshal array into Go value of type map[string]interface {}",
        "5|1.0.0|failed to unmarshal raw result: json: cannot unmarshal number into Go value of type map[string]interface {}",
        "{\"a\":[1e400]}|1.0.0|failed to unmarshal raw result: json: cannot unmarshal number 1e400 into Go value of type float64",
        "{\"cniVersion\":\"9.9.9\"}|1.0.0|unsupported CNI result version \"9.9.9\"",
        "{}|2.0.0|unsupported CNI result version \"2.0.0\"",
        "{\"cniVersion\":\"1.0.0\",\"CNIVersion\":\"0.4.0\"}|1.0.0|result type supports [1.0.0 1.1.0] but unmarshalled CNIVersion is \"0.4.0\"",
        "{\"cniVersion\":\"0.2.0\",\"CNIVERSION\":\"0.3.0\"}|1.0.0|result type supports [ 0.1.0 0.2.0] but unmarshalled CNIVersion is \"0.3.0\"",
        "{\"cniVersion\":\"1.0.0\",\"ips\":[{\"address\":\"10.0.0.1\"}]}|1.0.0|invalid CIDR address: 10.0.0.1",
        "{\"cniVersion\":\"1.0.0\",\"ips\":[{\"address\":\"010.0.0.1/8\"}]}|1.0.0|invalid CIDR address: 010.0.0.1/8",
        "{\"cniVersion\":\"1.0.0\",\"ips\":[{\"address\":null}]}|1.0.0|`invalid CIDR address: `",
        "{\"cniVersion\":\"1.0.0\",\"ips\":[{\"address\":\"fe80::1%eth0/64\"}]}|1.0.0|invalid CIDR address: fe80::1%eth0/64",
        "{\"cniVersion\":\"1.0.0\",\"ips\":[{\"address\":\"10.0.0.1/33\"}]}|1.0.0|invalid CIDR address: 10.0.0.1/33",
        "{\"cniVersion\":\"1.0.0\",\"ips\":[{\"address\":\"10.0.0.1/8\",\"gateway\":\"x\"}]}|1.0.0|invalid IP address: x",
        "{\"cniVersion\":\"1.0.0\",\"ips\":[{\"address\":\"10.0.0.1/8\",\"gateway\":5}]}|1.0.0|json: cannot unmarshal number into Go struct field Result.ips of type net.IP",
        "{\"cniVersion\":\"1.0.0\",\"ips\":[{\"address\":5}]}|1.0.0|json: cannot unmarshal number into Go struct field Result.ips of type string",
        "{\"cniVersion\":\"1.0.0\",\"ips\":[{\"address\":\"10.0.0.1/8\",\"interface\":\"x\"}]}|1.0.0|json: cannot unmarshal string into Go struct field Result.ips of type int",
        "{\"cniVersion\":\"1.0.0\",\"ips\":[5]}|1.0.0|json: cannot unmarshal number into Go struct field Result.ips of type types100.ipConfig",
        "{\"cniVersion\":\"1.0.0\",\"ips\":{}}|1.0.0|json: cannot unmarshal object into Go struct field Result.ips of type []*types100.IPConfig",
        "{\"cniVersion\":\"1.0.0\",\"interfaces\":[{\"name\":5}]}|1.0.0|json: cannot unmarshal number into Go struct field Interface.interfaces.name of type string",
        "{\"cniVersion\":\"1.0.0\",\"interfaces\":[{\"mtu\":1.5}]}|1.0.0|json: cannot unmarshal number 1.5 into Go struct field Interface.interfaces.mtu of type int",
        "{\"cniVersion\":\"1.0.0\",\"interfaces\":[{\"mtu\":9223372036854775808}]}|1.0.0|json: cannot unmarshal number 9223372036854775808 into Go struct field Interface.interfaces.mtu of type int",
        "{\"cniVersion\":\"1.0.0\",\"interfaces\":[{\"mtu\":-9223372036854775809}]}|1.0.0|json: cannot unmarshal number -9223372036854775809 into Go struct field Interface.interfaces.mtu of type int",
        "{\"cniVersion\":\"1.0.0\",\"interfaces\":[true]}|1.0.0|json: cannot unmarshal bool into Go struct field Result.interfaces of type types100.Interface",
        "{\"cniVersion\":\"1.0.0\",\"interfaces\":[{\"name\":\"a\",\"mac\":\"m\"},true]}|1.0.0|json: cannot unmarshal bool into Go struct field Result.interfaces of type types100.Interface",
        "{\"cniVersion\":\"1.0.0\",\"routes\":[{\"dst\":\"0.0.0.0/0\",\"table\":\"main\"}]}|1.0.0|json: cannot unmarshal string into Go struct field Result.routes of type int",
        "{\"cniVersion\":\"1.0.0\",\"dns\":{\"nameservers\":\"1.1.1.1\"}}|1.0.0|json: cannot unmarshal string into Go struct field DNS.dns.nameservers of type []string",
        "{\"cniVersion\":\"1.0.0\",\"dns\":5}|1.0.0|json: cannot unmarshal number into Go struct field Result.dns of type types.DNS",
        "{\"cniVersion\":\"0.2.0\",\"ip4\":{\"ip\":\"10.0.0.1/8\",\"routes\":[{\"dst\":7}]}}|0.2.0|json: cannot unmarshal number into Go struct field Result.ip4 of type string",
        "{\"cniVersion\":\"1.0.0\",\"interfaces\":[{\"name\":5}],\"ips\":[{\"address\":\"bad\"}]}|1.0.0|invalid CIDR address: bad",
    })
    void unusableResultsAreInternalErrors(String stdout, String configVersion, String msg) {
        assertEquals(new CniError(999, msg), failure(stdout == null ? "" : stdout, configVersion));
    }

    /** In Go a JSON {@code null} leaves a string or an int as an earlier duplicate key set it. */
    @Test
    void nullLeavesWhatAnEarlierDuplicateSet() throws CniException {
        assertEquals("""
                {
                    "cniVersion": "1.0.0",
                    "interfaces": [
                        {
                            "mtu": 1500,
                            "name": "a"
                        }
                    ]
                }""", reprint("{\"cniVersion\":\"1.0.0\",\"interfaces\":[{\"name\":\"a\",\"mtu\":1500,\"name\":null,"
                + "\"mtu\":null}]}", "1.0.0"));
    }

    /** A second array for the same slice decodes into the elements the first one left, as Go reuses them. */
    @Test
    void aDuplicateArrayMergesIntoTheElementsOfTheFirst() throws CniException {
        assertEquals("""
                {
                    "cniVersion": "1.0.0",
                    "interfaces": [
                        {
                            "mac": "m",
                            "name": "b"
                        },
                        {
                            "name": "c"
                        }
                    ]
                }""", reprint("{\"cniVersion\":\"1.0.0\",\"interfaces\":[{\"name\":\"a\",\"mac\":\"m\"}],"
                + "\"interfaces\":[{\"name\":\"b\"},{\"name\":\"c\"}]}", "1.0.0"));
    }

    @Test
    void deeplyNestedUnknownFieldDoesNotExhaustTheStack() throws CniException {
        String deep = "[".repeat(9998) + "]".repeat(9998);
        assertEquals("{\n    \"cniVersion\": \"1.0.0\"\n}", reprint("{\"x\":" + deep + "}", "1.0.0"));
    }
}
