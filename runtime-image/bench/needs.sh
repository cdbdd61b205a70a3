# Sourced by the bench scripts, not run.
#
# needs SCRIPT TOOL...: exits, naming SCRIPT, the tool and its Debian package, unless every TOOL is there: a command
# on PATH, or an absolute path that must be executable (/usr/bin/time: the shell's own `time` cannot report RSS).
needs() {
    needs_script=$1
    shift
    for needs_tool in "$@"; do
        case $needs_tool in
            /*) [ -x "$needs_tool" ] ;;
            *) command -v "$needs_tool" >/dev/null ;;
        esac && continue
        case ${needs_tool##*/} in
            unshare) needs_package=util-linux ;;
            ip) needs_package=iproute2 ;;
            *) needs_package=${needs_tool##*/} ;;
        esac
        echo "$needs_script: needs $needs_tool (apt-get install $needs_package)" >&2
        exit 1
    done
}
