package dev.cnifp.cni.state;

/**
 * Where the state code may use java.io's directory listings and path resolution, which cost the cold, interpreted
 * plugin a fraction of NIO's Path per entry: java.io decodes file names with the platform charset (ASCII when the
 * runtime gives the plugin no locale), which can lose non-ASCII bytes. Names and paths made only of ASCII come
 * through exactly.
 */
final class AsciiNames {
    private AsciiNames() {}

    static boolean isAscii(String nameOrPath) {
        for (int i = 0; i < nameOrPath.length(); i++) {
            if (nameOrPath.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
