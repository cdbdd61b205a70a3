package dev.cnifp.cni.protocol;

/** The CNI spec's well-known error codes, and what Go's skel makes of a plain error; not all are produced here. */
public final class ErrorCode {
    public static final int UNKNOWN = 0;
    public static final int INCOMPATIBLE_CNI_VERSION = 1;
    public static final int UNSUPPORTED_FIELD = 2;
    public static final int UNKNOWN_CONTAINER = 3;
    public static final int INVALID_ENVIRONMENT_VARIABLES = 4;
    public static final int IO_FAILURE = 5;
    public static final int DECODING_FAILURE = 6;
    public static final int INVALID_NETWORK_CONFIG = 7;
    public static final int INVALID_NETNS = 8;
    public static final int TRY_AGAIN_LATER = 11;
    /** STATUS: the plugin cannot serve ADD requests now (spec 1.1.0). */
    public static final int PLUGIN_NOT_AVAILABLE = 50;
    /** STATUS: the plugin can serve ADD requests, with limited connectivity (spec 1.1.0). */
    public static final int LIMITED_CONNECTIVITY = 51;
    /** Not in the spec: what Go's skel makes of any plain error a plugin returns. */
    public static final int INTERNAL = 999;

    private ErrorCode() {}
}
