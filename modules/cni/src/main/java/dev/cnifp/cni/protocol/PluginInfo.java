package dev.cnifp.cni.protocol;

import dev.cnifp.cni.json.GoQuote;
import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.stream.Collectors;

/**
 * What a plugin says about itself: the about line printed when CNI_COMMAND is unset, the versions it supports and
 * the library version its VERSION answer carries (the Go skel prints its own library's version, not the input's).
 */
public record PluginInfo(String about, String libraryVersion, List<String> supportedVersions) {

    /** {@code version.All} of CNI library HEAD. */
    public static final List<String> ALL_VERSIONS =
            List.of("0.1.0", "0.2.0", "0.3.0", "0.3.1", "0.4.0", "1.0.0", "1.1.0");
    public static final String CURRENT_VERSION = "1.1.0";

    public PluginInfo {
        Objects.requireNonNull(about, "about");
        Objects.requireNonNull(libraryVersion, "libraryVersion");
        supportedVersions = List.copyOf(supportedVersions);
    }

    public static PluginInfo of(String about) {
        return new PluginInfo(about, CURRENT_VERSION, ALL_VERSIONS);
    }

    /** The stderr text when CNI_COMMAND is unset. */
    public String aboutText() {
        return about + "\nCNI protocol versions supported: " + String.join(", ", supportedVersions) + "\n";
    }

    /** The VERSION answer: compact JSON and a newline, as Go's {@code json.Encoder} writes it. */
    public String versionJson() {
        StringJoiner json = new StringJoiner(",", "{\"cniVersion\":" + GoQuote.quote(libraryVersion)
                + ",\"supportedVersions\":[", "]}\n");
        for (String version : supportedVersions) {
            json.add(GoQuote.quote(version));
        }
        return json.toString();
    }

    /** The details of {@code incompatible CNI versions}: {@code config is "X", plugin supports ["0.1.0" ...]}. */
    String incompatibilityDetails(String configVersion) {
        return "config is " + GoQuote.quote(configVersion) + ", plugin supports "
                + supportedVersions.stream().map(GoQuote::quote).collect(Collectors.joining(" ", "[", "]"));
    }
}
