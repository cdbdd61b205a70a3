# Sourced by the bench scripts, not run.
#
# image_jdk IMAGE SCRIPT: prints the JDK that IMAGE was linked from (the same JAVA_VERSION in its release file, with
# jlink), from $JDK, $JAVA_HOME or /usr/lib/jvm; fails, naming SCRIPT, when there is none. The scripts that build
# small images or modules to measure beside the plugin need that JDK's javac and jlink: its java.base is the image's.
# Call it in a command substitution: it sets variables of its own.
image_jdk() {
    jdk_want=$(sed -n 's/^JAVA_VERSION="\(.*\)"/\1/p' "$1/release")
    if [ -n "${JDK:-}" ]; then
        printf '%s\n' "$JDK"
        return 0
    fi
    for jdk_candidate in ${JAVA_HOME:-} /usr/lib/jvm/*; do
        if [ -x "$jdk_candidate/bin/jlink" ] && [ -f "$jdk_candidate/release" ] &&
           grep -qx "JAVA_VERSION=\"$jdk_want\"" "$jdk_candidate/release"; then
            printf '%s\n' "$jdk_candidate"
            return 0
        fi
    done
    echo "$2: no JDK $jdk_want with jlink found (set JDK=...)" >&2
    return 1
}
