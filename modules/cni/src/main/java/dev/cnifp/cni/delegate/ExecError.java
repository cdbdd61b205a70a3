package dev.cnifp.cni.delegate;

/** Why running the delegate did not succeed, worded like the error Go's {@code exec.Cmd.Run} returns. */
sealed interface ExecError {

    String goText();

    /** {@code *exec.ExitError} of a process that exited: {@code exit status 3}. */
    record ExitStatus(int code) implements ExecError {
        @Override
        public String goText() {
            return "exit status " + code;
        }
    }

    /**
     * {@code *exec.ExitError} of a process killed by a signal: {@code signal: killed}. Go would add
     * {@code " (core dumped)"} when the kernel wrote a core; Java cannot see that.
     */
    record Signaled(int signal) implements ExecError {
        private static final String[] NAMES = {
            null, "hangup", "interrupt", "quit", "illegal instruction", "trace/breakpoint trap", "aborted",
            "bus error", "floating point exception", "killed", "user defined signal 1", "segmentation fault",
            "user defined signal 2", "broken pipe", "alarm clock", "terminated", "stack fault", "child exited",
            "continued", "stopped (signal)", "stopped", "stopped (tty input)", "stopped (tty output)",
            "urgent I/O condition", "CPU time limit exceeded", "file size limit exceeded", "virtual timer expired",
            "profiling timer expired", "window changed", "I/O possible", "power failure", "bad system call",
        };

        @Override
        public String goText() {
            String name = signal > 0 && signal < NAMES.length ? NAMES[signal] : "signal " + signal;
            return "signal: " + name;
        }
    }

    /** The process never ran: {@code fork/exec /p/bridge: permission denied}, or a {@code LookPath} failure. */
    record StartFailure(String goText) implements ExecError {}
}
