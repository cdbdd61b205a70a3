# Sourced by the bench scripts, not run.
#
# peak_rss_kb RUNS COMMAND [PREPARE]: runs the shell command COMMAND RUNS times under /usr/bin/time -f %M (the max
# RSS of the process and the children it waited for) and prints the largest, in KB. PREPARE, when given, runs
# before each run, untimed, as hyperfine's --prepare would. Output and exit codes of both are ignored: the scripts
# check their calls' answers before they measure.
peak_rss_kb() {
    rss_runs_left=$1 rss_max=0
    rss_file=$(mktemp "${TMPDIR:-/tmp}/cnifp-rss.XXXXXX")
    while [ "$rss_runs_left" -gt 0 ]; do
        [ -z "${3:-}" ] || sh -c "$3" >/dev/null 2>&1 </dev/null || true
        /usr/bin/time -f %M -o "$rss_file" sh -c "$2" >/dev/null 2>&1 </dev/null || true
        rss_kb=$(tail -n 1 "$rss_file")
        [ "$rss_kb" -gt "$rss_max" ] && rss_max=$rss_kb
        rss_runs_left=$((rss_runs_left - 1))
    done
    rm -f "$rss_file"
    echo "$rss_max"
}
