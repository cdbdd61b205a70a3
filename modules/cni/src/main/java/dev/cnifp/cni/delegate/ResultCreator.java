package dev.cnifp.cni.delegate;

import dev.cnifp.cni.json.GoQuote;
import dev.cnifp.cni.json.JsonValue;
import dev.cnifp.cni.protocol.CniException;
import java.util.List;

/** The library's {@code create.Create(version, bytes)}: picks the result family by version and decodes into it. */
final class ResultCreator {
    private ResultCreator() {}

    static CniResult create(String version, JsonValue document) throws CniException {
        if (Result020.VERSIONS.contains(version)) {
            return decode(document, Result020.TYPE, Result020.VERSIONS);
        }
        if (Result040.VERSIONS.contains(version)) {
            return decode(document, Result040.TYPE, Result040.VERSIONS);
        }
        if (Result100.VERSIONS.contains(version)) {
            return decode(document, Result100.TYPE, Result100.VERSIONS);
        }
        throw CniException.internal("unsupported CNI result version " + GoQuote.quote(version));
    }

    /**
     * {@code NewResult}: the version that picked the family is the exact {@code cniVersion} key, but the struct is
     * decoded case-insensitively with the last match winning, so the decoded version is checked again.
     */
    private static <R extends CniResult> R decode(JsonValue document, GoStruct<R> type, List<String> versions)
            throws CniException {
        R result;
        try {
            result = GoUnmarshal.unmarshal(document, type);
        } catch (DecodeException e) {
            throw CniException.internal(e.getMessage());
        }
        if (!versions.contains(result.cniVersion())) {
            throw CniException.internal("result type supports [" + String.join(" ", versions)
                    + "] but unmarshalled CNIVersion is " + GoQuote.quote(result.cniVersion()));
        }
        return result;
    }
}
