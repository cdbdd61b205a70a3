package dev.cnifp.cni.delegate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Go's {@code path/filepath} on Unix, lexical only: {@code SplitList}, {@code Join}, {@code Clean}. */
final class GoPath {
    private GoPath() {}

    /** {@code filepath.SplitList}: an empty list for an empty string; empty elements are kept. */
    static List<String> splitList(String list) {
        if (list == null || list.isEmpty()) {
            return List.of();
        }
        return Arrays.asList(list.split(":", -1));
    }

    /** {@code filepath.Join} of two elements: empty elements are skipped, the result is cleaned. */
    static String join(String dir, String name) {
        if (dir.isEmpty()) {
            return name.isEmpty() ? "" : clean(name);
        }
        return clean(name.isEmpty() ? dir : dir + "/" + name);
    }

    /** {@code filepath.Clean}: no empty, {@code .} or resolvable {@code ..} elements; {@code .} for nothing. */
    static String clean(String path) {
        if (path.isEmpty()) {
            return ".";
        }
        boolean rooted = path.startsWith("/");
        List<String> kept = new ArrayList<>();
        for (String element : path.split("/")) {
            if (element.isEmpty() || element.equals(".")) {
                continue;
            }
            if (element.equals("..")) {
                if (!kept.isEmpty() && !kept.getLast().equals("..")) {
                    kept.removeLast();
                } else if (!rooted) {
                    kept.add("..");
                }
                continue;
            }
            kept.add(element);
        }
        String joined = String.join("/", kept);
        if (rooted) {
            return "/" + joined;
        }
        return joined.isEmpty() ? "." : joined;
    }
}
