package dev.cnifp.cni.protocol;

import dev.cnifp.cni.json.GoJson;
import dev.cnifp.cni.json.JsonValue.JsonNumber;
import dev.cnifp.cni.json.JsonValue.JsonObject;
import java.util.Objects;

/**
 * A CNI error as the Go library prints it: {@code code}, {@code msg}, {@code details} (left out when empty), and
 * never a {@code cniVersion} (the Go types have no such field). {@code code} is Go's {@code uint}: a delegate's code
 * above {@link Long#MAX_VALUE} is held as a negative long and printed unsigned, as Go prints it.
 */
public record CniError(long code, String msg, String details) {

    public CniError {
        Objects.requireNonNull(msg, "msg");
        details = details == null ? "" : details;
    }

    public CniError(long code, String msg) {
        this(code, msg, "");
    }

    public JsonObject toJson() {
        return JsonObject.builder().put("code", new JsonNumber(Long.toUnsignedString(code))).put("msg", msg)
                .putIfPresent("details", details).build();
    }

    /** The text a plugin writes to stdout: 4-space indented, no trailing newline. */
    public String toWireFormat() {
        return GoJson.indented(toJson());
    }
}
