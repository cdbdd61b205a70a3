/**
 * {@code errcode(CODE,MSG)}: a failpoint action from outside the core. It fails the call with a CNI error of the
 * given code, where the built-in {@code error(MSG)} always uses code 999.
 */
module dev.cnifp.examples.errcode {
    requires dev.cnifp.core;

    provides dev.cnifp.core.spi.FailpointAction with dev.cnifp.examples.errcode.ErrcodeAction;
}
