package dev.cnifp.cni.config;

import dev.cnifp.cni.config.GoType.GoField;
import dev.cnifp.cni.config.GoType.GoStruct;
import dev.cnifp.cni.json.JsonValue;

/**
 * The two fields Go's {@code skel} reads from every network configuration, each decoded on its own into the same
 * anonymous structs skel uses, so that type errors name those structs.
 */
public final class SkelFields {
    static final GoStruct NAME = GoStruct.anonymous(new GoField("Name", "name", GoType.STRING));
    static final GoStruct VERSION = GoStruct.anonymous(new GoField("CNIVersion", "cniVersion", GoType.STRING));

    /** The version a configuration means when it names none (or names it as {@code ""} or {@code null}). */
    public static final String DEFAULT_VERSION = "0.1.0";

    private SkelFields() {}

    /** {@code name}, or {@code ""} when absent or null. */
    public static String name(JsonValue config) throws ConfigTypeException {
        GoDecoded decoded = GoDecoder.decode(config, NAME);
        if (decoded.error().isPresent()) {
            throw new ConfigTypeException(decoded.error().get());
        }
        return decoded.string("name");
    }

    /** {@code cniVersion}, with {@value #DEFAULT_VERSION} for an absent, empty or null one. */
    public static String cniVersion(JsonValue config) throws ConfigTypeException {
        GoDecoded decoded = GoDecoder.decode(config, VERSION);
        if (decoded.error().isPresent()) {
            throw new ConfigTypeException(decoded.error().get());
        }
        String version = decoded.string("cniVersion");
        return version.isEmpty() ? DEFAULT_VERSION : version;
    }
}
