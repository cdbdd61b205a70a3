package dev.cnifp.cni.delegate;

import dev.cnifp.cni.json.GoJson;
import dev.cnifp.cni.json.GoJsonException;
import dev.cnifp.cni.json.GoQuote;
import dev.cnifp.cni.json.JsonValue;
import dev.cnifp.cni.protocol.CniError;
import dev.cnifp.cni.protocol.ErrorCode;
import java.util.List;

/**
 * {@code RawExec.pluginErr} of the current library: the CNI error a failed delegate run turns into. The delegate's
 * own error keeps its code (0 when it has none); its {@code cniVersion} and unknown fields are dropped.
 */
final class PluginFailure {
    private PluginFailure() {}

    /** {@code types.Error} as the delegate printed it. */
    private record Reply(long code, String msg, String details) {
        static final GoStruct<Reply> TYPE = new GoStruct<>("types.Error",
                List.of(
                        GoStruct.field("code", GoType.UINT),
                        GoStruct.field("msg", GoType.STRING),
                        GoStruct.field("details", GoType.STRING)),
                v -> new Reply((Long) v[0], (String) v[1], (String) v[2]),
                r -> new Object[] {r.code, r.msg, r.details});
    }

    static CniError describe(ExecError error, byte[] stdout, byte[] stderr) {
        if (stdout.length == 0) {
            if (stderr.length == 0) {
                return new CniError(ErrorCode.UNKNOWN, "netplugin failed with no error message: " + error.goText());
            }
            return new CniError(ErrorCode.UNKNOWN,
                    "netplugin failed: " + GoQuote.quote(stderr) + ": " + error.goText());
        }
        JsonValue document;
        try {
            document = GoJson.parse(stdout);
        } catch (GoJsonException e) {
            return new CniError(ErrorCode.UNKNOWN, unparsable(stdout, e.getMessage()));
        }
        // Like json.Unmarshal into a types.Error, a mismatch in one field still leaves the others decoded.
        GoUnmarshal.Outcome<Reply> decoded = GoUnmarshal.unmarshalKeepingValue(document, Reply.TYPE);
        Reply reply = decoded.value();
        String msg = decoded.error() == null ? reply.msg() : unparsable(stdout, decoded.error().getMessage());
        return new CniError(reply.code(), msg, reply.details());
    }

    private static String unparsable(byte[] stdout, String goError) {
        return "netplugin failed but error parsing its diagnostic message " + GoQuote.quote(stdout) + ": " + goError;
    }
}
