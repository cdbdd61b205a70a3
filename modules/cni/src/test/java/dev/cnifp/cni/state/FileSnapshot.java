package dev.cnifp.cni.state;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Everything about a file that "left unchanged" covers: bytes, inode, mode, owner, change and modification times. */
record FileSnapshot(byte[] content, Object inode, Object mode, Object uid, Object gid, Object ctime, Object mtime,
        List<String> directoryEntries) {

    static FileSnapshot of(Path file) throws IOException {
        Map<String, Object> a = Files.readAttributes(file, "unix:ino,mode,uid,gid,ctime,lastModifiedTime",
                LinkOption.NOFOLLOW_LINKS);
        List<String> entries;
        try (var listing = Files.list(file.getParent())) {
            entries = listing.map(p -> p.getFileName().toString()).sorted().toList();
        }
        return new FileSnapshot(Files.readAllBytes(file), a.get("ino"), a.get("mode"), a.get("uid"), a.get("gid"),
                a.get("ctime"), a.get("lastModifiedTime"), entries);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FileSnapshot s && Arrays.equals(content, s.content) && inode.equals(s.inode)
                && mode.equals(s.mode) && uid.equals(s.uid) && gid.equals(s.gid) && ctime.equals(s.ctime)
                && mtime.equals(s.mtime) && directoryEntries.equals(s.directoryEntries);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(content);
    }

    @Override
    public String toString() {
        return "FileSnapshot[ino=" + inode + ", mode=" + mode + ", ctime=" + ctime + ", mtime=" + mtime
                + ", entries=" + directoryEntries + ", content=" + new String(content, java.nio.charset.StandardCharsets.UTF_8) + "]";
    }
}
