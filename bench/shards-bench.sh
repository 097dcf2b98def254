#!/usr/bin/env bash
# Whole-process replay with one engine and with shards, beside nfdump's nfpcapd, interleaved in one
# loop so machine load hits each alike. Prints per run: wall time, CPU time (user + sys, steadier
# than wall time when other work shares the cores) and the load average; then the medians.
# Usage: bench/shards-bench.sh RUNS FILE...   (files from GenerateUdpCapture; needs a built tree and nfdump)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:?runs}; shift
work=$(mktemp -d /tmp/netwarden-shards.XXXXXX)
trap 'rm -rf "$work"' EXIT
one() { # LABEL COMMAND...: one timed run, "label wall_ms cpu_ms load"
    local label=$1; shift
    /usr/bin/time -f "%e %U %S" -o "$work/t" "$@" >/dev/null 2>"$work/err" || { cat "$work/err" >&2; return 1; }
    read -r wall user sys <"$work/t"
    awk -v l="$label" -v w="$wall" -v u="$user" -v s="$sys" -v load="$(cut -d' ' -f1 /proc/loadavg)" \
        'BEGIN {printf "%-30s | wall %7.0f ms | cpu %7.0f ms | load %s\n", l, w * 1000, (u + s) * 1000, load}'
}
bin/netwarden replay "${1}" --format json --shards 1 >/dev/null 2>&1 # trains the launcher's AOT cache
for f in "$@"; do
    cat "$f" >/dev/null
    name=$(basename "$f" .pcap)
    for ((i = 0; i < runs; i++)); do
        rm -rf "$work/nf" && mkdir -p "$work/nf"
        one "$name nfpcapd" nfpcapd -r "$f" -w "$work/nf"
        one "$name replay --shards 1" bin/netwarden replay "$f" --format json --shards 1
        one "$name replay --shards 2" bin/netwarden replay "$f" --format json --shards 2
    done
done | tee "$work/all"
echo "medians (wall ms, cpu ms):"
awk -F'|' '{k = $1; split($2, x, " "); split($3, y, " "); w[k] = w[k] " " x[2]; c[k] = c[k] " " y[2]}
     END {for (k in w) {n = split(w[k], a, " "); asort(a); m = split(c[k], b, " "); asort(b);
          printf "%s %7d %7d\n", k, a[int((n + 1) / 2)], b[int((m + 1) / 2)]}}' "$work/all" | sort
