import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * What the failpoint file's rewrite costs in one cold JVM, step by step: create and write a temp file, fsync it,
 * fsync it again (the cost of FileChannel.force without the disk), rename it over the file, fsync the directory.
 * Round 0 includes each step's first-use class loading (force loads JFR event classes no archive holds); later
 * rounds are the disk. Quoted in docs/performance.md.
 *
 *   java -Xint -XX:+UseSerialGC runtime-image/bench/probes/FsyncProbe.java DIR    (DIR: an empty directory)
 */
public class FsyncProbe {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        byte[] content = "{\n  \"cmdAdd\": \"999999*error(x)\"\n}\n".getBytes(StandardCharsets.UTF_8);
        for (int round = 0; round < 4; round++) {
            Path temp = dir.resolve(".probe." + round + ".tmp");
            long start = System.nanoTime();
            long written, synced, syncedAgain, renamed, dirSynced;
            try (FileChannel file = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                file.write(ByteBuffer.wrap(content));
                written = System.nanoTime();
                file.force(true);
                synced = System.nanoTime();
                file.force(true);
                syncedAgain = System.nanoTime();
            }
            Files.move(temp, dir.resolve("probe.json"), StandardCopyOption.ATOMIC_MOVE);
            renamed = System.nanoTime();
            try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
                directory.force(true);
            }
            dirSynced = System.nanoTime();
            System.out.printf("round %d: create+write %d us, fsync %d us, fsync again %d us, rename %d us,"
                    + " directory fsync %d us%n", round, (written - start) / 1000, (synced - written) / 1000,
                    (syncedAgain - synced) / 1000, (renamed - syncedAgain) / 1000, (dirSynced - renamed) / 1000);
        }
    }
}
