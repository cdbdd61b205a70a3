# Sourced by the bench scripts, not run.
#
# hyperfine_rounds PREFIX [HYPERFINE OPTIONS AND COMMANDS...]: runs hyperfine $rounds times (--warmup $warmup
# --runs $runs, the caller's variables) over the same commands, keeping each round as PREFIX.N.json, and merges the
# rounds into PREFIX.json: {results: [{command, times, cpu, exit_codes}]}, with every run's time and exit code and
# the mean CPU (user+sys) per run. Rounds interleave the commands, so that a burst of other work on the machine does
# not land on one of them; a command's figure is then the median of all its runs. Fails, showing hyperfine's output,
# when hyperfine does.
hyperfine_rounds() {
    rounds_prefix=$1
    shift
    rounds_done=0
    while [ $rounds_done -lt "$rounds" ]; do
        rounds_done=$((rounds_done + 1))
        hyperfine --warmup "$warmup" --runs "$runs" --export-json "$rounds_prefix.$rounds_done.json" "$@" \
            >"$rounds_prefix.$rounds_done.txt" 2>&1 || { cat "$rounds_prefix.$rounds_done.txt" >&2; return 1; }
    done
    jq -s '{results: [.[0].results[].command as $c
            | [.[] | .results[] | select(.command == $c)] as $r
            | {command: $c,
               times: [$r[] | .times[]],
               cpu: ([$r[] | .user + .system] | add / length),
               exit_codes: [$r[] | .exit_codes[]]}]}' \
        "$rounds_prefix".[0-9]*.json >"$rounds_prefix.json"
}

# rounds_median_ms PREFIX NAME: the median of all the runs of command NAME in PREFIX.json, in ms.
rounds_median_ms() {
    jq -r --arg n "$2" "$jq_median"' .results[] | select(.command == $n) | .times | median * 1000' "$1.json"
}

# A jq definition to put before a filter: median, of an array of numbers.
jq_median='def median: sort | if length % 2 == 1 then .[length / 2 | floor] else (.[length / 2 - 1] + .[length / 2]) / 2 end;'
