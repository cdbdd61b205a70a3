package dev.cnifp.cni.state;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cnifp.cni.Prerequisites;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FailpointFileTest {
    private static final String CONTAINERD_EXAMPLE =
            "{\"cmdAdd\":\"1*error(try-again)\",\"cmdDel\":\"2*error(oops)\",\"cmdCheck\":\"1*off->1*panic(sorry)\"}";

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    private static String spendAdd(Path file) throws Exception {
        return FailpointFile.at(file.toString()).update(document -> {
            String spec = document.entry("cmdAdd").orElseThrow();
            document.setEntry("cmdAdd", CountedSpecs.spendOne(spec));
            return spec;
        });
    }

    /** Makes a rewrite visible through mtime even within one clock tick. */
    private static void backdate(Path file) throws IOException {
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
    }

    @Test
    void firstAddLeavesTheFileAsJqPrintsIt() throws Exception {
        Path file = write("fp.json", CONTAINERD_EXAMPLE);

        assertEquals("1*error(try-again)", spendAdd(file));

        assertEquals("""
                {
                  "cmdAdd": "0*error(try-again)",
                  "cmdDel": "2*error(oops)",
                  "cmdCheck": "1*off->1*panic(sorry)"
                }
                """, Files.readString(file));
        Jq.assertPrintsSame(file);
    }

    @Test
    void aFileWrittenByTheGoPluginIsReadAndRewrittenReadably() throws Exception {
        Path file = write("fp.json", "{\"cmdAdd\":\"0*error(x)-\\u003e1*panic(y)\",\"cmdDel\":\"1*error(z)\"}");

        assertEquals("0*error(x)->1*panic(y)", spendAdd(file));

        assertEquals("""
                {
                  "cmdAdd": "0*error(x)->0*panic(y)",
                  "cmdDel": "1*error(z)"
                }
                """, Files.readString(file));
    }

    /** Numbers keep their value, not always their spelling: {@code 1e400} becomes {@code 1E+400}, {@code -0.0} is 0. */
    @Test
    void unknownKeysKeepTheirPlaceAndValue() throws Exception {
        Path file = write("fp.json", """
                {"seed": 12345678901234567890123, "cmdAdd": "2*off", "ratio": 1.50, "big": 1e400,
                 "eventLog": [{"call": "ADD", "at": -0.0}, [], {}, null, true, false, "é😀<>&\\u0007"],
                 "cmdGC": null, "zeta": {"b": 1, "a": [1, 2]}}""");

        spendAdd(file);

        assertEquals("""
                {
                  "seed": 12345678901234567890123,
                  "cmdAdd": "1*off",
                  "ratio": 1.50,
                  "big": 1E+400,
                  "eventLog": [
                    {
                      "call": "ADD",
                      "at": 0.0
                    },
                    [],
                    {},
                    null,
                    true,
                    false,
                    "é😀<>&\\u0007"
                  ],
                  "cmdGC": null,
                  "zeta": {
                    "b": 1,
                    "a": [
                      1,
                      2
                    ]
                  }
                }
                """, Files.readString(file));
        FailpointDocument reread = DocumentParser.parse(Files.readAllBytes(file), file.toString());
        assertEquals(Optional.of(new BigInteger("12345678901234567890123")), reread.value("seed"));
        assertEquals(Optional.of(new BigDecimal("1.50")), reread.value("ratio"));
        assertEquals(Optional.of(new BigDecimal("1e400")), reread.value("big"));
        assertEquals(List.of("seed", "cmdAdd", "ratio", "big", "eventLog", "cmdGC", "zeta"), reread.keys());
    }

    @ParameterizedTest
    @ValueSource(strings = {"rw-------", "rw-r-----", "rw-rw-rw-", "r--------", "rwxr-x--x", "-w--w--w-"})
    void modeIsKept(String permissions) throws Exception {
        Path file = write("fp.json", "{\"cmdAdd\": \"3*off\"}");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));

        spendAdd(file);

        assertEquals(permissions, PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertTrue(Files.readString(file).contains("\"2*off\""));
    }

    @Test
    void ownerAndGroupAreKeptWhenPrivileged() throws Exception {
        Prerequisites.requireRoot("giving a file away needs root");
        Path file = write("fp.json", "{\"cmdAdd\": \"3*off\"}");
        Files.setAttribute(file, "unix:uid", 4321);
        Files.setAttribute(file, "unix:gid", 8765);

        spendAdd(file);

        assertEquals(4321, Files.getAttribute(file, "unix:uid"));
        assertEquals(8765, Files.getAttribute(file, "unix:gid"));
    }

    @Test
    void nothingIsWrittenWhenNothingChanged() throws Exception {
        Path file = write("fp.json", "{\"cmdDel\":\"2*error(oops)\",\"cmdAdd\":\"0*off\",\"x\":[1,2.0]}");
        backdate(file);
        FileSnapshot before = FileSnapshot.of(file);
        FailpointFile failpoints = FailpointFile.at(file.toString());

        assertEquals(Optional.empty(), failpoints.update(document -> document.entry("cmdCheck")));
        failpoints.update(document -> {
            document.setEntry("cmdAdd", CountedSpecs.spendOne(document.entry("cmdAdd").orElseThrow()));
            return null;
        });
        failpoints.update(document -> {
            document.put("x", List.of(1, new BigDecimal("2.0")));
            return null;
        });

        assertEquals(before, FileSnapshot.of(file));
    }

    @Test
    void replacingTheFileChangesItsInodeButNotItsName() throws Exception {
        Path file = write("fp.json", "{\"cmdAdd\": \"3*off\"}");
        Object inode = Files.getAttribute(file, "unix:ino");

        spendAdd(file);

        assertNotEquals(inode, Files.getAttribute(file, "unix:ino"));
        try (var listing = Files.list(dir)) {
            assertEquals(List.of("fp.json"), listing.map(p -> p.getFileName().toString()).toList());
        }
    }

    /**
     * Another descriptor of this process on the file: on the live file at the first update, on the replaced one at the
     * second. Each update must still find its own descriptor (an in-process test suite may hold the file open).
     */
    @ParameterizedTest
    @ValueSource(strings = {"fp.json", "fäilpoints-ü.json"})
    void aFileThisProcessAlsoHasOpenIsUpdated(String name) throws Exception {
        Path file = write(name, "{\"cmdAdd\": \"3*off\"}");

        try (RandomAccessFile heldOpen = new RandomAccessFile(file.toFile(), "r")) {
            assertEquals("3*off", spendAdd(file));
            assertEquals("2*off", spendAdd(file));
            assertEquals("{\"cmdAdd\": \"3*off\"}", new String(readAll(heldOpen), UTF_8));
        }

        assertEquals("{\n  \"cmdAdd\": \"1*off\"\n}\n", Files.readString(file));
    }

    private static byte[] readAll(RandomAccessFile file) throws IOException {
        byte[] bytes = new byte[(int) file.length()];
        file.readFully(bytes);
        return bytes;
    }

    @Test
    void aSymlinkedConfPathStaysASymlinkAndItsTargetIsUpdated() throws Exception {
        Path realDir = Files.createDirectory(dir.resolve("real"));
        Path target = Files.writeString(realDir.resolve("fp.json"), "{\"cmdAdd\": \"3*off\"}");
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r-----"));
        Path linkDir = Files.createDirectory(dir.resolve("links"));
        Path link = Files.createSymbolicLink(linkDir.resolve("fp.json"), Path.of("../real/fp.json"));
        Path linkedDir = Files.createSymbolicLink(dir.resolve("linked-dir"), realDir);

        spendAdd(link);
        spendAdd(linkedDir.resolve("fp.json"));

        assertTrue(Files.isSymbolicLink(link));
        assertEquals(Path.of("../real/fp.json"), Files.readSymbolicLink(link));
        assertTrue(Files.isSymbolicLink(linkedDir));
        assertTrue(Files.readString(target).contains("\"1*off\""));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
        try (var listing = Files.list(linkDir)) {
            assertEquals(List.of(link), listing.toList());
        }
    }

    @Test
    void aFailingTransitionLeavesTheFileAsItWas() throws Exception {
        Path file = write("fp.json", CONTAINERD_EXAMPLE);
        backdate(file);
        FileSnapshot before = FileSnapshot.of(file);
        FailpointFile failpoints = FailpointFile.at(file.toString());
        IOException thrown = new IOException("spec does not parse");

        IOException caught = assertThrows(IOException.class, () -> failpoints.update(document -> {
            document.setEntry("cmdAdd", "changed before the failure");
            throw thrown;
        }));
        assertThrows(IllegalStateException.class, () -> failpoints.update(document -> {
            document.remove("cmdDel");
            throw new IllegalStateException("bug");
        }));

        assertSame(thrown, caught);
        assertEquals(before, FileSnapshot.of(file));
        assertEquals("1*error(try-again)", spendAdd(file), "the lock was released");
    }

    @ParameterizedTest
    @ValueSource(ints = {02640, 04600, 01644})
    void setIdAndStickyBitsAreKept(int mode) throws Exception {
        Path file = write("fp.json", "{\"cmdAdd\": \"3*off\"}");
        Files.setAttribute(file, "unix:mode", mode);
        assertEquals(mode, (Integer) Files.getAttribute(file, "unix:mode") & 07777, "set up");

        spendAdd(file);

        assertEquals(mode, (Integer) Files.getAttribute(file, "unix:mode") & 07777);
        assertTrue(Files.readString(file).contains("\"2*off\""));
    }

    /** An ASCII name is swept from a java.io listing, any other through a DirectoryStream: both must agree. */
    @ParameterizedTest
    @ValueSource(strings = {"fp.json", "fäilpoints-ü.json"})
    void staleTempFilesOfKilledWritersAreSweptOnTheNextWrite(String name) throws Exception {
        Path file = write(name, "{\"cmdAdd\": \"3*off\"}");
        Path stale = write("." + name + ".0123456789abcdef.tmp", "{\"cmdAdd\":");
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now()
                .minusMillis(AtomicReplacement.STALE_TEMP_AGE_MILLIS).minusSeconds(1)));
        Path fresh = write("." + name + ".fedcba9876543210.tmp", "{\"cmdAdd\":");
        Path otherFiles = write(".other.json.0123456789abcdef.tmp", "{}");
        Files.setLastModifiedTime(otherFiles, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));

        FailpointFile.at(file.toString()).update(document -> null);
        assertTrue(Files.exists(stale), "no write, no sweep");

        spendAdd(file);

        assertFalse(Files.exists(stale));
        assertTrue(Files.exists(fresh));
        assertTrue(Files.exists(otherFiles));
    }

    @Test
    void aRelativeConfPathIsRejected() {
        StateException e = assertThrows(StateException.class, () -> FailpointFile.at("fp.json"));
        assertEquals("failpoint confPath(fp.json) is required to be absolute", e.getMessage());
        e = assertThrows(StateException.class, () -> FailpointFile.at(""));
        assertEquals("failpoint confPath() is required to be absolute", e.getMessage());
    }

    @Test
    void openFailuresReadLikeGo() throws Exception {
        Path missing = dir.resolve("missing.json");
        assertUpdateFails(missing, "failed to open confPath " + missing + ": open " + missing
                + ": no such file or directory");
        Path inMissingDir = dir.resolve("nodir/fp.json");
        assertUpdateFails(inMissingDir, "failed to open confPath " + inMissingDir + ": open " + inMissingDir
                + ": no such file or directory");
        Path dangling = Files.createSymbolicLink(dir.resolve("dangling.json"), dir.resolve("nowhere.json"));
        assertUpdateFails(dangling, "failed to open confPath " + dangling + ": open " + dangling
                + ": no such file or directory");
        Path directory = Files.createDirectory(dir.resolve("adir"));
        assertUpdateFails(directory, "failed to open confPath " + directory + ": open " + directory
                + ": is a directory");
        Path notADirectory = write("plain", "{}").resolve("fp.json");
        assertUpdateFails(notADirectory, "failed to open confPath " + notADirectory + ": open " + notADirectory
                + ": not a directory");
        assertUpdateFails(Path.of("/dev/null"), "failed to open confPath /dev/null: not a regular file");
        StateException nul = assertThrows(StateException.class, () -> FailpointFile.at("/tmp/a\0b"));
        assertEquals("failed to open confPath /tmp/a\0b: open /tmp/a\0b: invalid argument", nul.getMessage());
    }

    @ParameterizedTest(name = "confpath ending in \"{0}\"")
    @ValueSource(strings = {"/", "//", "/.", "/./"})
    void aSlashAfterAFileNameIsNotADirectoryAndTheFileIsLeftAlone(String ending) throws Exception {
        Path file = write("fp.json", "{\"cmdAdd\": \"1*error(hit)\"}");
        FileSnapshot before = FileSnapshot.of(file);
        String confPath = file + ending;
        StateException e = assertThrows(StateException.class, () -> FailpointFile.at(confPath).update(document -> {
            document.setEntry("cmdAdd", "0*error(hit)");
            return null;
        }));
        assertEquals("failed to open confPath " + confPath + ": open " + confPath + ": not a directory",
                e.getMessage());
        assertEquals(before, FileSnapshot.of(file));
        Path directory = Files.createDirectory(dir.resolve("adir"));
        StateException onADirectory = assertThrows(StateException.class,
                () -> FailpointFile.at(directory + ending).update(document -> null));
        assertEquals("failed to open confPath " + directory + ending + ": open " + directory + ending
                + ": is a directory", onADirectory.getMessage());
    }

    @Test
    void aFifoIsRefusedWithoutBlocking() throws Exception {
        Path fifo = dir.resolve("fifo");
        Prerequisites.requireOnPath("mkfifo", "coreutils");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor(), "mkfifo");
        assertUpdateFails(fifo, "failed to open confPath " + fifo + ": not a regular file");
    }

    @Test
    void aHugeFileIsNotRead() throws Exception {
        Path file = dir.resolve("huge.json");
        try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
            sparse.setLength(FailpointFile.MAX_BYTES + 1);
        }
        FileSnapshot before = FileSnapshot.of(file);
        assertUpdateFails(file, "failed to read confPath " + file + ": file is larger than "
                + FailpointFile.MAX_BYTES + " bytes");
        assertEquals(before, FileSnapshot.of(file));
    }

    @Test
    void aRewriteThatWouldOutgrowTheReadLimitIsNotWritten() throws Exception {
        // Compact, the file is just under the limit; indented, its rewrite would be over it, unreadable next time.
        String head = "{\"cmdAdd\":\"1*error(big)\",\"pad\":\"";
        String compact = head + "a".repeat((int) FailpointFile.MAX_BYTES - head.length() - 2) + "\"}";
        Path file = write("big.json", compact);
        assertEquals(FailpointFile.MAX_BYTES, Files.size(file));
        FileSnapshot before = FileSnapshot.of(file);
        assertUpdateFails(file, "failed to write failpoint conf " + file + ": it would be larger than "
                + FailpointFile.MAX_BYTES + " bytes, which the plugin does not read back");
        assertEquals(before, FileSnapshot.of(file));
    }

    /** Root ignores directory permissions, so as root the directory is made immutable instead (chattr +i). */
    @Test
    void aWriteFailureLeavesTheFileAsItWas() throws Exception {
        Path sub = Files.createDirectory(dir.resolve("locked-dir"));
        Path file = Files.writeString(sub.resolve("fp.json"), "{\"cmdAdd\": \"3*off\"}");
        backdate(file);
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root) {
            Prerequisites.requireOnPath("chattr", "e2fsprogs");
            Process chattr = new ProcessBuilder("chattr", "+i", sub.toString()).redirectErrorStream(true).start();
            String said = new String(chattr.getInputStream().readAllBytes(), UTF_8).strip();
            // e.g. a container without CAP_LINUX_IMMUTABLE, or a file system without the flag
            Prerequisites.require(chattr.waitFor() == 0, "chattr +i " + sub + " failed: " + said);
        } else {
            Files.setPosixFilePermissions(sub, PosixFilePermissions.fromString("r-x------"));
        }
        try {
            FileSnapshot before = FileSnapshot.of(file);
            assertUpdateFails(file, "failed to write failpoint conf " + file + ": "
                    + (root ? "operation not permitted" : "permission denied"));
            assertEquals(before, FileSnapshot.of(file));
        } finally {
            if (root) {
                run("chattr", "-i", sub.toString());
            } else {
                Files.setPosixFilePermissions(sub, PosixFilePermissions.fromString("rwx------"));
            }
        }
    }

    private static int run(String... command) throws IOException, InterruptedException {
        return new ProcessBuilder(command).redirectErrorStream(true).start().waitFor();
    }

    /** A process that takes the same kind of lock (fcntl, through FileChannel) on the file, as another plugin would. */
    private static Process lockHolder(Path file, String mode) throws IOException {
        Path source = file.resolveSibling("LockHolder.java");
        Files.writeString(source, """
                import java.nio.channels.FileChannel;
                import java.nio.file.Path;
                import java.nio.file.StandardOpenOption;
                class LockHolder {
                    public static void main(String[] args) throws Exception {
                        try (FileChannel channel = FileChannel.open(Path.of(args[0]),
                                StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                            if (args[1].equals("try")) {
                                System.out.println(channel.tryLock() == null ? "busy" : "free");
                                return;
                            }
                            channel.lock();
                            System.out.println("locked");
                            Thread.sleep(2000);
                        }
                    }
                }
                """);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, source.toString(), file.toString(), mode).redirectErrorStream(true).start();
    }

    @Test
    void theLockExcludesOtherProcesses() throws Exception {
        Path file = write("fp.json", "{\"cmdAdd\": \"3*off\"}");
        Process holder = lockHolder(file, "hold");
        assertEquals("locked", holder.inputReader().readLine());

        long start = System.nanoTime();
        spendAdd(file);
        long waitedMillis = (System.nanoTime() - start) / 1_000_000;

        assertTrue(waitedMillis >= 1500, "update waited only " + waitedMillis + " ms for the other lock holder");
        assertEquals(0, holder.waitFor());
        assertTrue(Files.readString(file).contains("\"2*off\""));
        System.out.printf("update waited %d ms for another process holding the lock for 2 s%n", waitedMillis);

        String whileWeHoldIt = FailpointFile.at(file.toString()).update(document -> {
            Process probe = lockHolder(file, "try");
            String answer = probe.inputReader().readLine();
            probe.waitFor();
            return answer;
        });
        Process after = lockHolder(file, "try");
        assertEquals("busy", whileWeHoldIt, "another process must not get the lock while an update runs");
        assertEquals("free", after.inputReader().readLine());
        after.waitFor();
    }

    @Test
    void concurrentThreadsEachSpendOneCount() throws Exception {
        Path file = write("fp.json", "{\"cmdAdd\": \"1000*off\"}");
        int threads = 8;
        int updatesPerThread = 25;
        List<Thread> workers = new java.util.ArrayList<>();
        List<Throwable> failures = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        for (int t = 0; t < threads; t++) {
            workers.add(Thread.ofPlatform().start(() -> {
                try {
                    for (int i = 0; i < updatesPerThread; i++) {
                        spendAdd(file);
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }));
        }
        for (Thread worker : workers) {
            worker.join();
        }
        assertEquals(List.of(), failures);
        assertEquals(Optional.of("800*off"),
                DocumentParser.parse(Files.readAllBytes(file), file.toString()).entry("cmdAdd"));
    }

    private static void assertUpdateFails(Path file, String message) throws Exception {
        FailpointFile failpoints = FailpointFile.at(file.toString());
        StateException e = assertThrows(StateException.class, () -> failpoints.update(document -> {
            document.setEntry("cmdAdd", "1*off");
            return null;
        }));
        assertEquals(message, e.getMessage());
    }

    @Test
    void noTempFileOrOtherEntryIsLeftAfterWrites() throws Exception {
        Path file = write("fp.json", "{\"cmdAdd\": \"3*off\"}");
        for (int i = 0; i < 3; i++) {
            spendAdd(file);
        }
        try (var listing = Files.list(dir)) {
            assertEquals(List.of(file), listing.toList());
        }
        assertFalse(Files.isSymbolicLink(file));
        assertTrue(Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void aFailedOpenLeavesOtherThreadsFreeToUpdate() throws Exception {
        Path missing = dir.resolve("missing.json");
        assertUpdateFails(missing, "failed to open confPath " + missing + ": open " + missing
                + ": no such file or directory");
        Path file = write("fp.json", "{\"cmdAdd\": \"3*off\"}");
        FutureTask<String> other = new FutureTask<>(() -> spendAdd(file));
        Thread.ofPlatform().daemon().start(other); // daemon: left behind if it never gets the lock
        assertEquals("3*off", other.get(30, TimeUnit.SECONDS));
    }

    /** A writer that ignores the lock (echo >> file, say) may grow the file between the lock and the read. */
    @Test
    void aFileThatGrowsAfterItWasLockedIsReadWholeUpToTheLimit() throws Exception {
        Path file = write("fp.json", "{\"a\":   1}");
        assertEquals(10, Files.size(file));
        String atTheLimit = "{\"a\": \"" + "x".repeat(35) + "\"}";
        assertEquals(44, atTheLimit.length());
        try (LockedFile locked = LockedFile.lock(file.toString(), file)) {
            Files.writeString(file, atTheLimit);
            assertEquals(atTheLimit, new String(locked.readAll(file.toString(), 44), UTF_8));
            for (int length : new int[] {45, 87, 200}) { // one past the limit, the most one doubling holds, far past
                Files.writeString(file, "{\"a\": \"" + "x".repeat(length - 9) + "\"}");
                StateException e = assertThrows(StateException.class, () -> locked.readAll(file.toString(), 44),
                        () -> length + " bytes");
                assertEquals("failed to read confPath " + file + ": file is larger than 44 bytes", e.getMessage());
            }
        }
    }

    @Test
    void aReplacementThatCannotBeMovedIntoPlaceLeavesNoTempFile() throws Exception {
        Path directory = Files.createDirectory(dir.resolve("adir"));
        write("adir/inside", "x");
        assertThrows(IOException.class, () -> AtomicReplacement.replace(directory, "{}".getBytes(UTF_8)));
        try (var listing = Files.list(dir)) {
            assertEquals(List.of(directory), listing.toList());
        }
    }
}
