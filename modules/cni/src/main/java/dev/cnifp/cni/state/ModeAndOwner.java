package dev.cnifp.cni.state;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;

/** What a replacement keeps of the file it replaces: the permission bits (set-id and sticky included), owner, group. */
record ModeAndOwner(int mode, int uid, int gid) {
    private static final int PERMISSION_BITS = 07777;

    static ModeAndOwner of(Path path, LinkOption... options) throws IOException {
        Map<String, Object> a = Files.readAttributes(path, "unix:mode,uid,gid", options);
        return new ModeAndOwner((Integer) a.get("mode"), (Integer) a.get("uid"), (Integer) a.get("gid"));
    }

    int permissions() {
        return mode & PERMISSION_BITS;
    }
}
