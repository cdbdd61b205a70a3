package floor;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The least a failing ADD has to do, on one thread, with nothing else: read the config from stdin, lock the
 * failpoint file, read it, write the decremented count to a temp file, fsync it, rename it over the file, fsync
 * the directory, print the CNI error. No validation, no Go-exact decoding, no grammar, no actions, no checks that
 * the file was not replaced while waiting for the lock, no mode or owner kept. A floor for any Java plugin, not a
 * plugin: bench.sh jlinks and trains it like the baseline and reports it as the row "floor".
 *
 * <p>Reads and writes only the compact form {@code {"cmdAdd":"N*error(msg)"}}; anything else is misread or ends with
 * an exception.
 * Any other command prints a version answer, so that build/train.sh can train it like the plugin.
 */
public final class FailingAddFloor {
    private static final String CONFPATH_KEY = "\"failpoint.cni.containerd.io/confpath\":\"";
    private static final String ADD_KEY = "\"cmdAdd\":\"";

    private FailingAddFloor() {}

    public static void main(String[] args) throws Exception {
        if (!"ADD".equals(System.getenv("CNI_COMMAND"))) {
            System.out.println("{\"cniVersion\":\"1.1.0\",\"supportedVersions\":[\"1.1.0\"]}");
            return;
        }
        String config = new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
        int at = config.indexOf(CONFPATH_KEY) + CONFPATH_KEY.length();
        Path file = Path.of(config.substring(at, config.indexOf('"', at)));
        String message;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            channel.lock();
            ByteBuffer content = ByteBuffer.allocate((int) channel.size());
            channel.read(content, 0);
            String document = new String(content.array(), 0, content.position(), StandardCharsets.UTF_8);
            int count = document.indexOf(ADD_KEY) + ADD_KEY.length();
            int star = document.indexOf('*', count);
            long remaining = Long.parseLong(document.substring(count, star)) - 1;
            String term = document.substring(star, document.indexOf('"', star));
            message = term.substring(term.indexOf('(') + 1, term.length() - 1);
            byte[] rewritten = ("{" + ADD_KEY + remaining + term + "\"}\n").getBytes(StandardCharsets.UTF_8);
            Path temp = file.resolveSibling("." + file.getFileName() + ".floor-" + System.nanoTime());
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                out.write(ByteBuffer.wrap(rewritten));
                out.force(true);
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            try (FileChannel directory = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
                directory.force(true);
            }
        }
        System.out.println("{\n    \"code\": 999,\n    \"msg\": \"" + message + "\"\n}");
        System.out.flush();
        Runtime.getRuntime().halt(1);
    }
}
