#!/usr/bin/env bash
# End-to-end flow collection over loopback UDP, one run, the same export stream for each collector:
# FlowBlast sends NetFlow v9 (24 records per datagram, template and sampler options every 1,000
# datagrams) to 127.0.0.1 at a paced rate and then as fast as it can; the receivers are netwarden's
# collector feeding the engine (CollectorE2E), nfdump's nfcapd (writing its files) and pmacct's
# nfacctd (print plugin). Reported per collector and rate: records that arrived, and datagrams the
# kernel dropped for a full socket buffer (/proc/net/udp, the same measure for all three).
# Usage: bench/flows-e2e.sh [paced_rate=100000] [seconds=10]
# Needs: a built tree (./mvnw -B -DskipTests package -pl bench -am), JDK 25, nfdump and pmacct (Debian).
set -euo pipefail
cd "$(dirname "$0")/.."
rate=${1:-100000}
seconds=${2:-10}
java_home=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
work=$(mktemp -d /tmp/netwarden-flows-bench.XXXXXX)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
JAVA_HOME=$java_home ./mvnw -B -q -o -pl bench -am compile dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" >/dev/null
cp="bench/target/classes:sources/target/classes:decode/target/classes:engine/target/classes:model/target/classes"
cp="$cp:state/target/classes:testkit/target/classes:$(cat "$work/cp.txt")"
java() { "$java_home/bin/java" -cp "$cp" "$@"; }

# Kernel drops of the sockets on a port (last column of /proc/net/udp).
drops() { awk -v p="$(printf ':%04X' "$1")" 'NR > 1 && toupper($2) ~ p"$" {s += $13} END {print s + 0}' /proc/net/udp; }
port=40555
echo "# $(date -u +%FT%TZ) load: $(cut -d' ' -f1-3 /proc/loadavg); rmem_max $(cat /proc/sys/net/core/rmem_max)"

for r in "$rate" 0; do
    label=$([ "$r" = 0 ] && echo "as fast as possible" || echo "$r records/s")
    # netwarden
    port=$((port + 1))
    java netwarden.bench.CollectorE2E "$port" $((seconds + 60)) >"$work/nw.out" 2>"$work/nw.err" &
    pids+=($!); nw=$!
    for _ in $(seq 1 100); do grep -q ready "$work/nw.out" 2>/dev/null && break; sleep 0.1; done
    sent=$(java netwarden.bench.FlowBlast "$port" "$r" "$seconds")
    wait "$nw" || true
    echo "[$label] $(grep netwarden: "$work/nw.out") ($sent)"
    # nfcapd
    port=$((port + 1))
    mkdir -p "$work/nfcapd"
    nfcapd -b 127.0.0.1 -p "$port" -w "$work/nfcapd" -t 3600 -B 33554432 >"$work/nfcapd.log" 2>&1 &
    pids+=($!); nf=$!
    sleep 1
    sent=$(java netwarden.bench.FlowBlast "$port" "$r" "$seconds")
    sleep 2
    lost=$(drops "$port")
    kill -TERM "$nf"; wait "$nf" || true
    flows=$(nfdump -R "$work/nfcapd" -q -o "fmt:%pr" 2>/dev/null | wc -l)
    echo "[$label] nfcapd: $sent; $flows records stored; datagrams lost: kernel $lost"
    rm -rf "$work/nfcapd"
    # nfacctd
    port=$((port + 1))
    cat >"$work/nfacctd.conf" <<CONF
daemonize: false
nfacctd_ip: 127.0.0.1
nfacctd_port: $port
nfacctd_pipe_size: 33554432
plugins: print
aggregate: proto
print_output: csv
print_output_file: $work/nfacctd.csv
print_refresh_time: 3600
CONF
    nfacctd -f "$work/nfacctd.conf" >"$work/nfacctd.log" 2>&1 &
    pids+=($!); na=$!
    sleep 1
    sent=$(java netwarden.bench.FlowBlast "$port" "$r" "$seconds")
    sleep 2
    lost=$(drops "$port")
    kill -INT "$na"; wait "$na" || true
    sleep 1
    packets=$(awk -F, 'NR > 1 {s += $2} END {print s + 0}' "$work/nfacctd.csv" 2>/dev/null || echo "?")
    echo "[$label] nfacctd: $sent; $packets packets accounted (records carry 1-5 packets, 3 on average); datagrams lost: kernel $lost"
done
echo "# done $(date -u +%FT%TZ) load: $(cut -d' ' -f1-3 /proc/loadavg)"
