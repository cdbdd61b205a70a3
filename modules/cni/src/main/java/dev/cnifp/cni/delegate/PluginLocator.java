package dev.cnifp.cni.delegate;

import dev.cnifp.cni.json.GoQuote;
import dev.cnifp.cni.protocol.CniException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code invoke.FindInPath} over this process's {@code CNI_PATH}: the first {@code dir/name} that is a regular file
 * once symlinks are followed (directories are skipped, the exec bit is not looked at). The path is returned as Go
 * builds it ({@code filepath.Join}), so an empty element gives a bare, CWD-relative name.
 */
final class PluginLocator {
    private PluginLocator() {}

    static String find(String pluginName, String cniPath) throws CniException {
        if (pluginName == null || pluginName.isEmpty()) {
            throw CniException.internal("no plugin name provided");
        }
        if (pluginName.indexOf('/') >= 0) {
            throw CniException.internal("invalid plugin name: " + pluginName);
        }
        List<String> dirs = GoPath.splitList(cniPath);
        if (dirs.isEmpty()) {
            throw CniException.internal("no paths provided");
        }
        for (String dir : dirs) {
            String candidate = GoPath.join(dir, pluginName);
            if (isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw CniException.internal("failed to find plugin " + GoQuote.quote(pluginName)
                + " in path [" + String.join(" ", dirs) + "]");
    }

    private static boolean isRegularFile(String path) {
        try {
            return Files.isRegularFile(Path.of(path));
        } catch (InvalidPathException e) {
            return false; // e.g. a NUL byte: Go's stat fails too
        }
    }
}
