package dev.cnifp.cni.protocol;

/**
 * The environment variables skel reads, in the order it reads them; a variable's validator runs while reading, but
 * only when the command requires the variable and it is set (CNI library HEAD).
 */
public enum EnvVar {
    CNI_COMMAND(null),
    CNI_CONTAINERID(CniNames::validateContainerId),
    CNI_NETNS(null),
    CNI_IFNAME(CniNames::validateInterfaceName),
    CNI_ARGS(null),
    CNI_PATH(null),
    CNI_NETNS_OVERRIDE(null);

    @FunctionalInterface
    interface Validator {
        void validate(String value) throws CniException;
    }

    private final Validator validator;

    EnvVar(Validator validator) {
        this.validator = validator;
    }

    void validate(String value) throws CniException {
        if (validator != null) {
            validator.validate(value);
        }
    }
}
