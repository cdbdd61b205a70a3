/**
 * The failpoint core: the grammar ({@code [P%][N*]name[(arg)]} terms joined by {@code ->}), its evaluation, and the
 * one extension point, {@link dev.cnifp.core.spi.FailpointAction}. Built-in actions are providers like any other.
 */
module dev.cnifp.core {
    exports dev.cnifp.core.spi;
    exports dev.cnifp.core.grammar;
    exports dev.cnifp.core.registry;

    uses dev.cnifp.core.spi.FailpointAction;

    provides dev.cnifp.core.spi.FailpointAction with
            dev.cnifp.core.actions.OffAction,
            dev.cnifp.core.actions.ErrorAction,
            dev.cnifp.core.actions.PanicAction,
            dev.cnifp.core.actions.DelayAction;
}
