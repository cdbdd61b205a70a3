package dev.cnifp.cni;

/**
 * What a Go program prints on stderr when it dies of an unrecovered panic: {@code panic: <value>}, a blank line,
 * {@code goroutine 1 [running]:} and the stack. The stack here is the Java one, written in Go's two-line layout.
 */
final class GoPanic {
    private GoPanic() {}

    static String text(String message, StackTraceElement[] stack) {
        // Go 1.23+ indents the continuation lines of a multi-line panic value by a tab.
        StringBuilder out = new StringBuilder("panic: ").append(message.replace("\n", "\n\t")).append("\n\n")
                .append("goroutine 1 [running]:\n");
        for (StackTraceElement frame : stack) {
            out.append(frame.getClassName()).append('.').append(frame.getMethodName()).append("(...)\n\t")
                    .append(frame.getFileName() == null ? "?" : frame.getFileName()).append(':')
                    .append(Math.max(frame.getLineNumber(), 0)).append('\n');
        }
        return out.toString();
    }
}
