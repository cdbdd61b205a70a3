# Sourced by the bench scripts, not run. The launcher's vm_flags line is the one place the JVM's flags are set, and
# every script that starts bin/java itself must measure with exactly those.
#
# launcher_vm_flags IMAGE SCRIPT: prints the flags of IMAGE's launcher; fails, naming SCRIPT, when it has none.
# Call it in a command substitution: it sets a variable of its own.
launcher_vm_flags() {
    launcher_flags=$(sed -n "s/^vm_flags='\(.*\)'$/\1/p" "$1/bin/cni-bridge-fp")
    [ -n "$launcher_flags" ] || { echo "$2: no vm_flags line in $1/bin/cni-bridge-fp" >&2; return 1; }
    printf '%s\n' "$launcher_flags"
}
