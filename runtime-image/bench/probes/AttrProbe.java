import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * What one stat costs an interpreted JVM through the two attribute APIs the failpoint file's lock could use: the
 * "unix:" view, whose attribute list is parsed into a map on every call, and BasicFileAttributes with its fileKey().
 * Each API is called once first, so the figures leave out class loading. Quoted in docs/performance.md.
 *
 *   java -Xint -XX:+UseSerialGC runtime-image/bench/probes/AttrProbe.java FILE
 */
public class AttrProbe {
    private static final int CALLS = 20;

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        unixView(file);
        basic(file);
        for (int round = 0; round < 3; round++) {
            long start = System.nanoTime();
            for (int i = 0; i < CALLS; i++) {
                unixView(file);
            }
            long middle = System.nanoTime();
            for (int i = 0; i < CALLS; i++) {
                basic(file);
            }
            long end = System.nanoTime();
            System.out.printf("unix: view %d us a call, basic attributes + fileKey %d us a call%n",
                    (middle - start) / 1000 / CALLS, (end - middle) / 1000 / CALLS);
        }
    }

    private static Object unixView(Path file) throws Exception {
        return Files.readAttributes(file, "unix:dev,ino,mode,uid,gid,size", LinkOption.NOFOLLOW_LINKS);
    }

    private static Object basic(Path file) throws Exception {
        return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
    }
}
