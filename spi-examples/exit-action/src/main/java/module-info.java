/**
 * {@code exit(CODE)}: a failpoint action from outside the core. It ends the plugin process at once with exit status
 * CODE and prints nothing, as a plugin killed by its own bug or an {@code os.Exit} would.
 */
module dev.cnifp.examples.exit {
    requires dev.cnifp.core;

    provides dev.cnifp.core.spi.FailpointAction with dev.cnifp.examples.exit.ExitAction;
}
