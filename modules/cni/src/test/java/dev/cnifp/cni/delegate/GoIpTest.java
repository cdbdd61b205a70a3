package dev.cnifp.cni.delegate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GoIpTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "1.2.3.4, 1.2.3.4",
        "0.0.0.0, 0.0.0.0",
        "::, ::",
        "::1, ::1",
        "1::, 1::",
        "FE80::A:b, fe80::a:b",
        "2001:db8:0:1:0:0:0:1, 2001:db8:0:1::1",
        "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
        "2001:db8:1:1:1:1:1:0, 2001:db8:1:1:1:1:1:0",
        "::ffff:192.0.2.1, 192.0.2.1",
        "::ffff:c000:0201, 192.0.2.1",
        "64:ff9b::192.0.2.1, 64:ff9b::c000:201",
        "1:2:3:4:5:6:1.2.3.4, 1:2:3:4:5:6:102:304",
        "0:0:0:0:0:ffff:0:0, 0.0.0.0",
        "1::ffff:c000:201, 1::ffff:c000:201",
        "::a, ::a",
    })
    void parsesAndPrintsLikeGo(String text, String printed) {
        assertEquals(printed, GoIp.format(GoIp.parseIp(text).orElseThrow()));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {
        "", "1.2.3", "1.2.3.4.5", "256.0.0.1", "01.2.3.4", "1.2.3.", ".1.2.3", "1..2.3", "1.2.3.4 ", " ::1",
        "1::2::3", ":1::", "1:", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7::8", "12345::", "::1%eth0",
        "1:2:3:4:5:6:7:1.2.3.4", "1.2.3.4::", "::1.2.3", "g::", "1:2:3:4:5:6:7:8::",
        "::1::2", "::1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7::1.2.3.4",
    })
    void rejectsWhatGoRejects(String text) {
        assertEquals(Optional.empty(), GoIp.parseIp(text));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"10.0.0.1", "10.0.0.1/", "10.0.0.1/+8", "10.0.0.1/8/9", "10.0.0.1/-1", "::/129",
        "10.0.0.1/16777215", "/8", "10.0.0.1 /8"})
    void rejectsBadCidrsWithGosMessage(String text) {
        DecodeException e = assertThrows(DecodeException.class, () -> GoIp.parseCidr(text));
        assertEquals("invalid CIDR address: " + text, e.getMessage());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "10.1.2.3/8, 10.1.2.3/8",
        "10.0.0.0/32, 10.0.0.0/32",
        "2001:DB8::1/0128, 2001:db8::1/128",
        "::ffff:10.0.0.1/104, 10.0.0.1/8",
        "::ffff:10.0.0.1/96, 10.0.0.1/0",
    })
    void printsCidrsKeepingHostBits(String text, String printed) throws DecodeException {
        assertEquals(printed, GoIp.parseCidr(text).toString());
    }
}
