package dev.cnifp.cni.state;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;

/** The parts of {@code stat(2)} the state file needs: identity (device, inode), type and permissions, owner, size. */
record FileStatus(long device, long inode, int mode, int uid, int gid, long size) {
    private static final int TYPE_MASK = 0170000;
    private static final int REGULAR_FILE = 0100000;
    private static final int DIRECTORY = 0040000;
    private static final int PERMISSION_BITS = 07777;

    static FileStatus of(Path path, LinkOption... options) throws IOException {
        Map<String, Object> a = Files.readAttributes(path, "unix:dev,ino,mode,uid,gid,size", options);
        return new FileStatus((Long) a.get("dev"), (Long) a.get("ino"), (Integer) a.get("mode"),
                (Integer) a.get("uid"), (Integer) a.get("gid"), (Long) a.get("size"));
    }

    boolean isRegularFile() {
        return (mode & TYPE_MASK) == REGULAR_FILE;
    }

    boolean isDirectory() {
        return (mode & TYPE_MASK) == DIRECTORY;
    }

    int permissions() {
        return mode & PERMISSION_BITS;
    }

    boolean sameFileAs(FileStatus other) {
        return device == other.device && inode == other.inode;
    }
}
