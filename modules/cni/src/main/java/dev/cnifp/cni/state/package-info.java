/**
 * The failpoint state file: one JSON object per confpath, updated once per plugin process.
 *
 * <p>{@link dev.cnifp.cni.state.FailpointFile#update} is the whole protocol: lock the file (an fcntl lock through {@link java.nio.channels.FileChannel#lock()}),
 * check that the path still names the locked inode, read and parse, apply a {@link dev.cnifp.cni.state.Transition},
 * replace the file atomically if the document changed, unlock, and hand the transition's result back so the caller
 * fires the failpoint with the lock released. The package works on spec strings; it does not know the grammar.
 *
 * <p>Needs Linux with {@code /proc} mounted.
 */
package dev.cnifp.cni.state;
