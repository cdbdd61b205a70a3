package dev.cnifp.cni.state;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/**
 * The libc calls Java has no API for: {@code open(2)} for a raw descriptor, {@code flock(2)} and {@code close(2)}.
 * Java's own file locks are fcntl record locks, which do not exclude flock holders such as the Go plugin.
 * The constants are the generic Linux values, identical on x86-64 and arm64.
 */
final class LibC {
    static final int O_RDWR = 02;
    static final int O_NOCTTY = 0400;
    static final int O_NONBLOCK = 04000;
    static final int O_CLOEXEC = 02000000;
    static final int LOCK_EX = 2;
    static final int LOCK_UN = 8;
    private static final int EINTR = 4;

    private static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CALL_STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    // open(const char *path, int flags, ...): mode is the first variadic argument.
    private static final MethodHandle OPEN = downcall("open",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT), Linker.Option.firstVariadicArg(2));
    private static final MethodHandle FLOCK = downcall("flock", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
    private static final MethodHandle CLOSE = downcall("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT));

    private LibC() {}

    /** Opens an existing file (no {@code O_CREAT}), retrying on EINTR. */
    static int open(String path, int flags) throws ErrnoException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            MemorySegment cPath = arena.allocateFrom(path);
            while (true) {
                int fd = (int) OPEN.invokeExact(state, cPath, flags, 0);
                if (fd >= 0) {
                    return fd;
                }
                int errno = errno(state);
                if (errno != EINTR) {
                    throw new ErrnoException("open", errno);
                }
            }
        } catch (ErrnoException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("open(2) downcall failed", t);
        }
    }

    /** Applies a flock operation, waiting as long as it takes and retrying when a signal interrupts the wait. */
    static void flock(int fd, int operation) throws ErrnoException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            while (true) {
                int result = (int) FLOCK.invokeExact(state, fd, operation);
                if (result == 0) {
                    return;
                }
                int errno = errno(state);
                if (errno != EINTR) {
                    throw new ErrnoException("flock", errno);
                }
            }
        } catch (ErrnoException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("flock(2) downcall failed", t);
        }
    }

    /** Closes the descriptor; Linux releases it even when close reports an error, so there is no retry. */
    static void close(int fd) throws ErrnoException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            if ((int) CLOSE.invokeExact(state, fd) != 0) {
                throw new ErrnoException("close", errno(state));
            }
        } catch (ErrnoException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("close(2) downcall failed", t);
        }
    }

    private static int errno(MemorySegment state) {
        return (int) ERRNO.get(state, 0L);
    }

    @SuppressWarnings("restricted") // deliberate; the launcher passes --enable-native-access=dev.cnifp.cni
    private static MethodHandle downcall(String name, FunctionDescriptor descriptor, Linker.Option... options) {
        Linker linker = Linker.nativeLinker();
        MemorySegment symbol = linker.defaultLookup().find(name)
                .orElseThrow(() -> new IllegalStateException("libc has no symbol " + name));
        Linker.Option[] all = new Linker.Option[options.length + 1];
        all[0] = Linker.Option.captureCallState("errno");
        System.arraycopy(options, 0, all, 1, options.length);
        return linker.downcallHandle(symbol, descriptor, all);
    }
}
