package dev.cnifp.cni.delegate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cnifp.cni.json.GoJson;
import dev.cnifp.cni.json.GoJsonException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoMapsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "0, 0",
        "-0, -0",
        "1.0, 1",
        "1.5, 1.5",
        "1e3, 1000",
        "100000000000000000000, 100000000000000000000",
        "1e21, 1e+21",
        "-1.5e300, -1.5e+300",
        "0.000001, 0.000001",
        "0.0000001, 1e-7",
        "1.25e-10, 1.25e-10",
        "123456789012345678, 123456789012345680",
        "9223372036854775807, 9223372036854776000",
        "0.1, 0.1",
        "42, 42",
        "-7, -7",
        "999999999999999, 999999999999999",
        "-999999999999999, -999999999999999",
        "1000000000000000, 1000000000000000",
    })
    void numbersComeBackAsGoFloat64(String literal, String printed) {
        assertEquals(printed, GoMaps.formatFloat64(Double.parseDouble(literal)));
    }

    @Test
    void mapsSortKeysByteWiseAndKeepTheLastExactDuplicate() throws GoJsonException {
        String in = "{\"b\":1,\"B\":2,\"a\":{\"z\":[{\"y\":1,\"x\":2}],\"\u00e9\":1,\"\uffff\":2,\"\ud83d\ude00\":3},\"b\":3}";
        assertEquals("{\"B\":2,\"a\":{\"z\":[{\"x\":2,\"y\":1}],\"\u00e9\":1,\"\uffff\":2,\"\ud83d\ude00\":3},\"b\":3}",
                GoJson.compact(GoMaps.roundTrip(GoJson.parse(in))));
    }

    /** A key that begins another sorts first, as the shorter byte string does in Go. */
    @Test
    void aKeyThatIsAPrefixOfAnotherSortsBeforeIt() throws GoJsonException {
        String in = "{\"ips\":1,\"ip\":2,\"ipsa\":3,\"i\":4,\"\":5,\"ip\\u00e9\":6,\"ipa\":7}";
        assertEquals("{\"\":5,\"i\":4,\"ip\":2,\"ipa\":7,\"ips\":1,\"ipsa\":3,\"ip\u00e9\":6}",
                GoJson.compact(GoMaps.roundTrip(GoJson.parse(in))));
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource({"0", "-0", "7", "-7", "1500", "999999999999999", "-999999999999999", "1000000000000000", "1.0", "1e3",
        "-", "''", "01", "1-"})
    void shortIntegersSkipTheFloatParserWithTheSameResult(String literal) {
        boolean plain = literal.matches("-?(0|[1-9][0-9]{0,14})");
        assertEquals(plain, GoMaps.isShortInteger(literal));
        if (plain) {
            assertEquals(GoMaps.formatFloat64(Double.parseDouble(literal)), literal);
        }
    }
}
