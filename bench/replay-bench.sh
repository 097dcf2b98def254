#!/usr/bin/env bash
# Replay throughput, whole process included, in one run: `cat` (the memory-read limit), nfdump's
# nfpcapd (a C pcap-to-flow aggregator), `netwarden replay --format json`, and on the generated file
# also ReadFloor (the least a JVM process can do with it: per-port packets, bytes and exact distinct
# sources on both cores, nothing else) and its C twin bench/read-floor.c (the same work with no JVM),
# each on the same generated file (minimum-size UDP frames from ~100k sources) and on the shared
# OpenArena capture. `java` alone is a JVM that prints a line. Issue 11 adds two files: the "cycle"
# layout (10 M frames, the sources take turns in order, each always from one source port to one of
# 8 ports, so nfpcapd sees one flow per source) and a big random file (50 M frames by default) timed
# against the floors, where the JVM's warm-up is amortised.
# Usage: bench/replay-bench.sh [packets=5000000] [sources=100000] [runs=5] [cycle=10000000] [big=50000000]
# (cycle or big 0 leaves that file out; the big file takes 3.8 GB in /tmp and as much page cache)
# Needs: a built tree (./mvnw -B -DskipTests package), JDK 25, nfdump (apt-get install nfdump), cc.
set -euo pipefail
cd "$(dirname "$0")/.."
packets=${1:-5000000}
sources=${2:-100000}
runs=${3:-5}
cycle=${4:-10000000}
big=${5:-50000000}
work=$(mktemp -d /tmp/netwarden-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT

java_home=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
file=$work/udp-${packets}.pcap
"$java_home/bin/java" -cp bench/target/classes netwarden.bench.GenerateUdpCapture "$file" "$packets" "$sources" 1
game=../shared/testdata/pcap/game-openarena-3players.pcapng

# Median wall time of a command over $runs runs, in milliseconds.
median_ms() {
    local times=()
    for ((i = 0; i < runs; i++)); do
        local t0 t1
        t0=$(date +%s%N)
        "$@" >/dev/null 2>&1
        t1=$(date +%s%N)
        times+=($(( (t1 - t0) / 1000000 )))
    done
    printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR + 1) / 2)]}'
}

nf() { rm -rf "$work/nf" && mkdir -p "$work/nf" && nfpcapd -r "$1" -w "$work/nf"; }

floor() { "$java_home/bin/java" -cp bench/target/classes netwarden.bench.ReadFloor "$1"; }
cfloor() { "$work/read-floor" "$1" "$(nproc)"; }

# report LABEL FILE FRAMES [floors]: with "floors", also times the JVM and C floors on FILE.
report() {
    local label=$1 f=$2 frames=$3 floor_ms=NA cfloor_ms=NA
    cat "$f" >/dev/null # page cache
    local cat_ms nf_ms nw_ms
    cat_ms=$(median_ms cat "$f")
    if command -v nfpcapd >/dev/null; then nf_ms=$(median_ms nf "$f"); else nf_ms=NA; fi
    nw_ms=$(median_ms bin/netwarden replay "$f" --format json)
    if [[ ${4:-} == floors ]]; then
        floor_ms=$(median_ms floor "$f")
        [[ -x $work/read-floor ]] && cfloor_ms=$(median_ms cfloor "$f")
    fi
    printf '%-28s %10s frames  cat %6s ms  nfpcapd %6s ms  C floor %6s ms  JVM floor %6s ms  netwarden %6s ms' \
        "$label" "$frames" "$cat_ms" "$nf_ms" "$cfloor_ms" "$floor_ms" "$nw_ms"
    if [[ $nf_ms != NA ]]; then awk -v a="$nf_ms" -v b="$nw_ms" 'BEGIN {if (b <= a) printf "  (%.1fx faster than nfpcapd", a / b; else printf "  (%.1fx slower than nfpcapd", b / a}'; fi
    awk -v c="$cat_ms" -v b="$nw_ms" -v f="$frames" 'BEGIN {printf ", %.1fx cat, %.2f M frames/s)\n", b / (c > 0 ? c : 1), f / b / 1000}'
    echo "    load average: $(cut -d' ' -f1-3 /proc/loadavg) (other work on the cores moves every figure)"
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo), $(uname -r); runs=$runs (median)"
printf 'class Hello { public static void main(String[] a) { System.out.println("hello"); } }\n' >"$work/Hello.java"
"$java_home/bin/javac" -d "$work" "$work/Hello.java"
echo "java alone (a JVM that prints one line): $(median_ms "$java_home/bin/java" -Xshare:auto -cp "$work" Hello) ms"
if command -v cc >/dev/null; then cc -O2 -march=native -pthread -o "$work/read-floor" bench/read-floor.c; fi
# The launcher trains its AOT class cache on the first replay after a build: do that on a small file.
"$java_home/bin/java" -cp bench/target/classes netwarden.bench.GenerateUdpCapture "$work/first.pcap" 1000 100 2 2>/dev/null
bin/netwarden replay "$work/first.pcap" --format json >/dev/null 2>&1
aot_ready() { [[ -f app/target/netwarden.aot && app/target/netwarden.aot -nt app/target/netwarden.jar ]]; }
for _ in $(seq 30); do aot_ready && break; sleep 1; done
aot_ready || echo "warning: no AOT class cache after 30 s (NETWARDEN_AOT=0, or app/target not writable): replay times include class loading from the jar" >&2
report "generated min-size UDP" "$file" "$packets" floors
if ((cycle > 0)); then
    cfile=$work/cycle-${cycle}.pcap
    "$java_home/bin/java" -cp bench/target/classes netwarden.bench.GenerateUdpCapture "$cfile" "$cycle" "$sources" 1 cycle
    report "cycling sources, 8 ports" "$cfile" "$cycle"
    rm -f "$cfile"
fi
if ((big > 0)); then
    bfile=$work/udp-${big}.pcap
    "$java_home/bin/java" -cp bench/target/classes netwarden.bench.GenerateUdpCapture "$bfile" "$big" "$sources" 1
    report "generated min-size UDP, big" "$bfile" "$big" floors
    rm -f "$bfile"
fi
if [[ -f $game ]]; then report "openarena 3 players" "$game" 8461; fi
