package dev.cnifp.cni.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Go's {@code version.ParseVersion} and {@code strconv.Atoi}, as skel uses them to order versions. */
class SpecVersionTest {

    @ParameterizedTest
    @CsvSource({"'',0,1,0", "1,1,0,0", "1.1,1,1,0", "0.4.0,0,4,0", "+1.-2.03,1,-2,3", "007.0.0,7,0,0"})
    void parsesLikeGo(String text, long major, long minor, long micro) throws Exception {
        assertEquals(new SpecVersion(major, minor, micro), SpecVersion.parse(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1.2.3.4|invalid version \"1.2.3.4\": too many parts",
        "...|invalid version \"...\": too many parts",
        ".1|failed to convert major version part \"\": strconv.Atoi: parsing \"\": invalid syntax",
        "1_0|failed to convert major version part \"1_0\": strconv.Atoi: parsing \"1_0\": invalid syntax",
        "+|failed to convert major version part \"+\": strconv.Atoi: parsing \"+\": invalid syntax",
        "' 1'|failed to convert major version part \" 1\": strconv.Atoi: parsing \" 1\": invalid syntax",
        "1.9223372036854775808|failed to convert minor version part \"9223372036854775808\": strconv.Atoi: "
                + "parsing \"9223372036854775808\": value out of range",
    })
    void failsLikeGo(String text, String message) {
        assertEquals(message, assertThrows(SpecVersion.FormatException.class, () -> SpecVersion.parse(text))
                .getMessage());
    }

    @ParameterizedTest
    @CsvSource({"1.1.0,1.0.0,true", "1.0.0,1.0.0,true", "0.4.0,1.0.0,false", "1.0,1.0.0,true", "'',0.1.0,true",
            "0.10.0,0.9.9,true"})
    void ordersLikeGo(String a, String b, boolean greaterOrEqual) throws Exception {
        assertEquals(greaterOrEqual, SpecVersion.greaterThanOrEqual(a, b));
    }
}
