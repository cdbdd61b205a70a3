package dev.cnifp.cni;

import dev.cnifp.cni.protocol.CniError;
import dev.cnifp.cni.protocol.ErrorCode;
import dev.cnifp.core.registry.ActionRegistry;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Work a call is about to need that does not depend on its input, begun on a second thread as soon as the process
 * knows its command, so that it runs while the main thread validates the environment and reads and parses the
 * network configuration. Every call is a fresh, cold, interpreted JVM; a second core is what shortens it, so a process
 * with one CPU does without this thread ({@link Wiring#startEarlyWork}).
 *
 * <ol>
 *   <li>The JDK's file machinery that reading the failpoint file goes through: the native path buffers, whose first
 *       use starts the JDK's common Cleaner thread; the basic attribute view; and FileChannel, whose first use loads
 *       libnio and libnet (which probes IPv6 with sockets), whose reads borrow a cached direct buffer, and whose
 *       record locks keep a table of their own. About 2 ms cold, spent on procfs: a stat, a one-byte read and a
 *       shared lock on {@code /proc/self/stat}. First, because the main thread needs it first: its first Path, the
 *       failpoint file's, waits for this set-up.
 *   <li>The failpoint actions: a ServiceLoader look-up over the module layer, about 0.7 ms cold. {@link #get} hands
 *       the registry over exactly as if it had been found on the calling thread, errors included, and finds it on
 *       the calling thread when this thread has not begun it yet.
 *   <li>What writing the file back needs beyond reading it: the Unix attribute view (the mode and owner the
 *       replacement keeps) and what FileChannel.force loads first, its JFR event classes, which no CDS archive holds,
 *       from the compressed image (and libzip to inflate them). On procfs: a stat and a refused fsync.
 *   <li>The printing of a CNI error, which a call failing at its failpoint ends with. Pure computation.
 *   <li>Then it waits for the flow's word ({@link DelegationOutlook}), which comes with the failpoint's step, before
 *       the file is written back: a call that ends at its failpoint needs none of what follows, and exits sooner
 *       with this thread idle (a busy one made one exit in five wait 1 to 2 ms for the JVM's own threads to get a
 *       core). Every path that delegates says so before it starts the delegate; a call that ends otherwise may
 *       leave this thread waiting, idle, until the process exits.
 *   <li>The JDK's process-start machinery the delegate needs. {@code ProcessBuilder.start} asks on every start
 *       whether the {@code java.lang.ProcessBuilder} logger is on at DEBUG; the first answer in a JVM costs about
 *       2 ms cold, because the JDK searches every module of the image for a {@code System.LoggerFinder} service
 *       file. Then the process reaper's set-up (a thread pool, ThreadLocalRandom) and the CompletableFuture it
 *       reports exits through, about 1.5 ms more.
 *   <li>For ADD, the re-printing of the delegate's result ({@code AddResult.warmUp}), about 1 ms cold: it runs while
 *       the delegate works, and the main thread finds the code warm when the answer comes.
 * </ol>
 * Only step 2 hands something over; the others leave classes initialised and caches filled. A call without a
 * failpoint file wastes part of step 1 and steps 2 and 3: CPU time on the other core, not wall time. Measured in
 * docs/performance.md.
 *
 * <p>Plain monitors, not FutureTask: FutureTask's VarHandles cost a cold JVM half a millisecond of set-up.
 */
final class EarlyWork implements Supplier<ActionRegistry>, DelegationOutlook {
    private static final String PROC_SELF_STAT = "/proc/self/stat";
    private static final Runnable NO_RESULT_WARM_UP = () -> { };
    private final Supplier<ActionRegistry> actionFinder;
    private final Runnable resultWarmUp;
    private boolean findingStarted; // guarded by this
    private boolean found;          // guarded by this
    private ActionRegistry actions; // guarded by this
    private Throwable failure;      // guarded by this: a RuntimeException or an Error
    private Boolean willDelegate;   // guarded by this: null until the flow says

    private EarlyWork(Supplier<ActionRegistry> actionFinder, Runnable resultWarmUp) {
        this.actionFinder = actionFinder;
        this.resultWarmUp = resultWarmUp;
    }

    /** Starts the work on a daemon thread: the process never waits for it at exit. */
    static EarlyWork start(Supplier<ActionRegistry> actionFinder) {
        return start(actionFinder, NO_RESULT_WARM_UP);
    }

    /** No thread: {@link #get} finds the actions on the caller's thread, and the outlook goes unheard. */
    static EarlyWork notStarted(Supplier<ActionRegistry> actionFinder) {
        return new EarlyWork(actionFinder, NO_RESULT_WARM_UP);
    }

    /**
     * @param resultWarmUp last, once the delegate has been started: prints a typical result of the call's command
     *        and drops it (see {@link dev.cnifp.cni.delegate.AddResult#warmUp}), so the main thread finds that code
     *        warm when the delegate answers
     */
    static EarlyWork start(Supplier<ActionRegistry> actionFinder, Runnable resultWarmUp) {
        EarlyWork work = new EarlyWork(actionFinder, resultWarmUp);
        // A class, not the method reference work::run: a process's first method reference sets up the method-handle
        // machinery, about 0.1 ms that would delay the thread's start. Everything this thread does waits for that.
        Thread thread = new Thread(new Runnable() {
            @Override
            public void run() {
                work.run();
            }
        }, "cnifp-early-work");
        thread.setDaemon(true);
        try {
            thread.start();
        } catch (OutOfMemoryError | RuntimeException noThread) {
            // e.g. the pids cgroup is full: an optimisation must not fail the call; get() finds the actions itself
        }
        return work;
    }

    private void run() {
        FileChannel procStat = openProcStat();
        try {
            warmUpFiles(procStat);
            findActions();
            warmUpWriting(procStat);
            warmUpErrorOutput();
            if (awaitOutlook()) {
                warmUpProcessStart();
                runQuietly(resultWarmUp);
            }
        } finally {
            // Closed last: the fsync warm-up needs the channel after the actions, and a descriptor that closes
            // while the lock's check lists this process's descriptors only costs that check a look-up.
            closeQuietly(procStat);
        }
    }

    @Override
    public synchronized void known(boolean willDelegate) {
        this.willDelegate = willDelegate;
        notifyAll();
    }

    /** Waits for the flow's word: true when the call may go on to its delegate. */
    private synchronized boolean awaitOutlook() {
        while (willDelegate == null) {
            try {
                wait();
            } catch (InterruptedException e) {
                return false; // nobody interrupts this thread; if someone does, it has nothing left to do
            }
        }
        return willDelegate;
    }

    /** Finds the actions unless another thread already began to. */
    private void findActions() {
        synchronized (this) {
            if (findingStarted) {
                return;
            }
            findingStarted = true;
        }
        ActionRegistry registry = null;
        Throwable thrown = null;
        try {
            registry = actionFinder.get();
        } catch (RuntimeException | Error e) {
            thrown = e;
        }
        synchronized (this) {
            actions = registry;
            failure = thrown;
            found = true;
            notifyAll();
        }
    }

    /** The warm-ups' channel, or null. procfs only: nothing on a disk is touched, not even an access time. */
    private static FileChannel openProcStat() {
        try {
            // Made here, not in a static field: the first Path sets up the file system, part of the warm-up.
            return FileChannel.open(Path.of(PROC_SELF_STAT), StandardOpenOption.READ);
        } catch (IOException | RuntimeException e) {
            return null; // only a warm-up: the failpoint file is opened on its own terms by the main thread
        }
    }

    private static void warmUpFiles(FileChannel procStat) {
        if (procStat == null) {
            return;
        }
        try {
            Files.readAttributes(Path.of(PROC_SELF_STAT), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
                    .fileKey();
            procStat.read(ByteBuffer.allocate(1), 0);
            FileLock lock = procStat.tryLock(0, 1, true); // a shared record lock on procfs: nobody else's business
            if (lock != null) {
                lock.release();
            }
        } catch (IOException | RuntimeException e) {
            // likewise
        }
    }

    /**
     * After the actions: the main thread writes only after locking, reading and stepping. procfs has no fsync and
     * says so; what is wanted is what FileChannel.force does first: load its JFR event classes, which no CDS archive
     * holds, from the compressed image, which first loads libzip.
     */
    private static void warmUpWriting(FileChannel procStat) {
        if (procStat == null) {
            return;
        }
        try {
            Files.readAttributes(Path.of(PROC_SELF_STAT), "unix:mode,uid,gid", LinkOption.NOFOLLOW_LINKS);
            procStat.force(false);
        } catch (IOException | RuntimeException e) {
            // expected: EINVAL
        }
    }

    private static void closeQuietly(FileChannel procStat) {
        if (procStat == null) {
            return;
        }
        try {
            procStat.close();
        } catch (IOException e) {
            // a descriptor of procfs; nothing was written through it
        }
    }

    private static void runQuietly(Runnable warmUp) {
        try {
            warmUp.run();
        } catch (RuntimeException e) {
            // a warm-up only; the main thread runs the same code for real and reports what goes wrong there
        }
    }

    /** The code that prints a failpoint's error, the last thing a failing call does. */
    private static void warmUpErrorOutput() {
        new CniError(ErrorCode.INTERNAL, "warm-up").toWireFormat();
    }

    private static void warmUpProcessStart() {
        try {
            System.getLogger("java.lang.ProcessBuilder").isLoggable(System.Logger.Level.DEBUG);
            ProcessHandle.current(); // the JDK's process reaper: its thread pool's classes, ThreadLocalRandom
            CompletableFuture.completedFuture(0).handle((exit, failure) -> exit); // how it reports an exit
        } catch (RuntimeException e) {
            // likewise: ProcessBuilder asks again and meets any logging misconfiguration itself
        }
    }

    /** The registry, or the very exception finding it threw. */
    @Override
    public ActionRegistry get() {
        findActions();
        boolean interrupted = false;
        try {
            synchronized (this) {
                while (!found) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
                if (failure instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (failure instanceof Error error) {
                    throw error;
                }
                return actions;
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
