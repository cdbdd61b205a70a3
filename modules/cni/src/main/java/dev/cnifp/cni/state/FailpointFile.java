package dev.cnifp.cni.state;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * The failpoint file named by a pod's confpath annotation. Each plugin process makes one {@link #update}: lock,
 * read, let the caller change the document, write back only if it changed, unlock.
 *
 * <p>Any number of processes may update one file at once; each update sees the result of all earlier ones. The lock
 * is an fcntl lock on the file itself, re-checked after it is granted (see {@code LockedFile}). A write replaces the file atomically and
 * keeps its mode, owner and group, and every key this plugin does not know. A file that cannot be parsed is never
 * written. A symlinked confpath stays a symlink; its target is what gets replaced.
 */
public final class FailpointFile {
    /** Far above any real failpoint file; keeps a confpath pointing at a huge file from exhausting the heap. */
    static final long MAX_BYTES = 16L << 20;
    private static final byte[] WARM_UP_DOCUMENT =
            "{\"cmdAdd\": \"1*off\", \"n\": [1, true, null, {}]}".getBytes(StandardCharsets.UTF_8);

    private final String confPath;
    private final Path path;

    private FailpointFile(String confPath, Path path) {
        this.confPath = confPath;
        this.path = path;
    }

    /**
     * The file at {@code confPath}, which must be absolute. Nothing is opened yet.
     *
     * @throws StateException {@code failpoint confPath(<p>) is required to be absolute}
     */
    public static FailpointFile at(String confPath) throws StateException {
        Objects.requireNonNull(confPath, "confPath");
        if (!confPath.startsWith("/")) {
            throw new StateException("failpoint confPath(" + confPath + ") is required to be absolute");
        }
        try {
            return new FailpointFile(confPath, Path.of(confPath));
        } catch (InvalidPathException e) {
            throw new StateException("failed to open confPath " + confPath + ": open " + confPath
                    + ": invalid argument");
        }
    }

    /** The confpath as given. */
    public String confPath() {
        return confPath;
    }

    /**
     * Locks the file, parses it, applies the transition, writes the document back if the transition changed it, and
     * unlocks. Returns the transition's result after the lock is released, so the caller fires the failpoint unlocked.
     * If anything fails, including the transition, the file is left byte-for-byte as it was.
     *
     * @throws StateException the file is missing, unreadable, not a failpoint file, or could not be written
     * @throws X whatever the transition threw
     */
    public <R, X extends Exception> R update(Transition<R, X> transition) throws StateException, X {
        Objects.requireNonNull(transition, "transition");
        loadParserAndWriter();
        R result;
        Path written = null;
        try (LockedFile file = LockedFile.lock(confPath, path)) {
            byte[] content = file.readAll(confPath, MAX_BYTES);
            byte[] before;
            byte[] after;
            try {
                FailpointDocument document = DocumentParser.parse(content, confPath);
                before = JqStyleWriter.write(document.values());
                result = transition.apply(document);
                after = JqStyleWriter.write(document.values());
            } catch (OutOfMemoryError e) {
                // A file within the size limit can still hold millions of tiny values, each an object in memory
                // (~85 bytes of heap per byte of file in the worst case). The tree is garbage once this is thrown.
                throw new StateException("failed to unmarshal failpoint conf " + confPath + ": out of memory for "
                        + "a file of " + content.length + " bytes");
            }
            if (!Arrays.equals(before, after)) {
                if (after.length > MAX_BYTES) { // the indented form of a compact file can outgrow the limit
                    throw new StateException("failed to write failpoint conf " + confPath + ": it would be larger "
                            + "than " + MAX_BYTES + " bytes, which the plugin does not read back");
                }
                try {
                    AtomicReplacement.replace(file.realPath(), after);
                } catch (IOException e) {
                    throw new StateException("failed to write failpoint conf " + confPath + ": "
                            + SystemErrors.describe(e));
                }
                written = file.realPath();
            }
        }
        if (written != null) {
            AtomicReplacement.sweepStaleTemps(written);
        }
        return result;
    }

    /**
     * Each plugin process starts with a cold JVM, where loading and initialising the JSON code takes tens of
     * milliseconds. Doing that before taking the lock keeps it out of the time other processes wait for the lock.
     * The document is plain, like real failpoint files, so it takes the same path: no fraction, which would bring in
     * jackson and BigDecimal's ~40 ms static initialiser (see {@link PlainDocumentReader}).
     */
    private static void loadParserAndWriter() throws StateException {
        FailpointDocument warmUp = DocumentParser.parse(WARM_UP_DOCUMENT, "(warm-up)");
        JqStyleWriter.write(warmUp.values());
    }

    @Override
    public String toString() {
        return "FailpointFile[" + confPath + "]";
    }
}
