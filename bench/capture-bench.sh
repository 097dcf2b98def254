#!/usr/bin/env bash
# capture-bench.sh — live-capture throughput, CPU and RSS of netwarden's capture modes.
#
# Topology (made and deleted here; nothing touches the root namespace's network):
#   ns nwb-gen-<pid>  veth nwbg<pid> 10.250.200.2/24   capture-gen (C, AF_PACKET, CPU 0)
#   ns nwb-mon-<pid>  veth nwbm<pid> 10.250.200.1/24   watched by CaptureProbe (JVM, CPU 1)
# The generator only sends 60-byte UDP frames to 10.250.200.1:27960 (sources rotate over
# SOURCES addresses in 10.250.201.0/24.. but never leave the namespaces).
#
# For each mode: (1) every rate in RATES for DURATION s: loss = 1 - packets the engine counted for
# the service / packets that reached the monitor's veth (its rx counter); achieved_pps is what the
# generator really sent (it shares CPU 0 with the kernel's receive path, which caps it); (2)
# CPU_RATE for CPU_SECONDS after WARMUP s: the monitor process's user+system CPU (% of one core)
# and peak RSS (VmHWM). DST=other (default) addresses frames to another MAC, so the monitor's
# kernel drops them right after capture (pure capture cost, and the generator reaches ~600 kpps);
# DST=host sends them to the monitor's own address (UDP to a closed port: the full stack runs,
# and the generator tops out near 450 kpps on the 2-core machine).
#
# Mode "fastnetmon" runs FastNetMon Community (Debian package, AF_PACKET capture) the same way as
# the reference: "seen" is its fastnetmon_total_simple_packets_processed counter.
#
# Usage (root): bench/capture-bench.sh [ebpf] [pcap] [fastnetmon]
#   RATES="100000 200000 300000 400000 500000 700000"  DURATION=5  CPU_RATE=100000  CPU_SECONDS=20
#   WARMUP=120 (per-second code paths take minutes to be JIT-compiled)  DST=other|host
#   SOURCES=1000  NETWARDEN_CP=<classpath> (default: bench/target/classes with app/target/netwarden.jar, else module target dirs)
# Needs: a JDK 25 (JAVA_HOME), cc, iproute2, taskset; the project built (./mvnw -DskipTests package).
set -euo pipefail
cd "$(dirname "$0")/.."
[ "$(id -u)" = 0 ] || { echo "run as root" >&2; exit 1; }
MODES=("$@"); [ ${#MODES[@]} -gt 0 ] || MODES=(ebpf pcap)
RATES=${RATES:-"100000 200000 300000 400000 500000 700000"}
DURATION=${DURATION:-5}; CPU_RATE=${CPU_RATE:-100000}; CPU_SECONDS=${CPU_SECONDS:-20}; SOURCES=${SOURCES:-1000}
WARMUP=${WARMUP:-120}; DST=${DST:-other}
JAVA=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java

if [ -n "${NETWARDEN_CP:-}" ]; then CP=$NETWARDEN_CP
elif [ -f app/target/netwarden.jar ]; then CP=bench/target/classes:app/target/netwarden.jar
else
  M2=${HOME}/.m2/repository
  CP=model/target/classes:decode/target/classes:engine/target/classes:sources/target/classes:bench/target/classes
  for j in "$M2"/io/prometheus/prometheus-metrics-{core,model,config}/1.4.1/*.jar "$M2"/org/slf4j/slf4j-api/2.0.17/slf4j-api-2.0.17.jar \
           "$M2"/org/slf4j/slf4j-simple/2.0.17/slf4j-simple-2.0.17.jar; do CP=$CP:$j; done
fi

TAG=$$; NS_GEN=nwb-gen-$TAG; NS_MON=nwb-mon-$TAG; VG=nwbg$TAG; VM=nwbm$TAG
W=$(mktemp -d /tmp/capture-bench.XXXXXX); STARTED=()
cleanup() {
  for p in "${STARTED[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done
  sleep 1
  for p in "${STARTED[@]:-}"; do [ -n "$p" ] && kill -9 "$p" 2>/dev/null || true; done
  ip netns del "$NS_GEN" 2>/dev/null || true; ip netns del "$NS_MON" 2>/dev/null || true
}
trap cleanup EXIT INT TERM

cc -O2 -Wall -o "$W/capture-gen" bench/capture-gen.c
ip netns add "$NS_GEN"; ip netns add "$NS_MON"
ip link add "$VG" netns "$NS_GEN" type veth peer name "$VM" netns "$NS_MON"
ip -n "$NS_GEN" addr add 10.250.200.2/24 dev "$VG"; ip -n "$NS_MON" addr add 10.250.200.1/24 dev "$VM"
for ns in "$NS_GEN" "$NS_MON"; do ip -n "$ns" link set lo up; done
ip -n "$NS_GEN" link set "$VG" up; ip -n "$NS_MON" link set "$VM" up
MAC=$(ip -n "$NS_MON" -br link show dev "$VM" | awk '{print $3}')
[ "$DST" = host ] || MAC=02:00:00:00:00:99
# packets the monitor's veth received (the 2nd counter after "name:" in /proc/net/dev)
mon_rx() { ip netns exec "$NS_MON" sed -n "s/^ *$VM: *//p" /proc/net/dev | awk '{print $2}'; }

# FastNetMon as the monitor (same namespace, same CPU); sets PROBE_PID
fnm_start() {
  echo "10.250.200.1/32" > "$W/networks_list"; : > "$W/whitelist"
  cat > "$W/fnm.conf" <<CONF
logging_level = info
logging_local_syslog_logging = off
disable_usage_report = on
enable_ban = off
process_incoming_traffic = on
process_outgoing_traffic = on
networks_list_path = $W/networks_list
white_list_path = $W/whitelist
mirror_afpacket = on
mirror_af_packet_fanout_mode = cpu
pcap = off
netflow = off
sflow = off
interfaces = $VM
monitor_local_ip_addresses = off
pid_path = $W/fnm.pid
cli_stats_file_path = $W/fastnetmon.dat
cli_stats_ipv6_file_path = $W/fastnetmon_ipv6.dat
enable_api = off
prometheus = on
prometheus_host = 127.0.0.1
prometheus_port = 9209
redis_enabled = off
mongodb_enabled = off
exabgp = off
gobgp = off
influxdb = off
graphite = off
CONF
  : > "$W/fnm.log"
  ip netns exec "$NS_MON" taskset -c 1 fastnetmon --configuration_file "$W/fnm.conf" --log_file "$W/fnm.log" \
      --disable_pid_logic >"$W/fnm.stdout" 2>&1 &
  PROBE_PID=$!; STARTED+=("$PROBE_PID")
  for _ in $(seq 1 100); do fnm_seen >/dev/null 2>&1 && return 0; sleep 0.1; done
  echo "fastnetmon did not start: $(tail -3 "$W/fnm.log")" >&2; exit 1
}
fnm_seen() { ip netns exec "$NS_MON" curl -sf -m 2 http://127.0.0.1:9209/metrics | awk '/^fastnetmon_total_simple_packets_processed /{print $2}' | grep .; }
fnm_hwm() { awk '/VmHWM/{print $2}' "/proc/$(pgrep -P "$PROBE_PID" fastnetmon || echo "$PROBE_PID")/status"; }

# probe MODE SECONDS -> starts the monitor, waits until it is capturing; sets PROBE_PID, PROBE_OUT, STOP
probe() {
  PROBE_OUT=$W/probe-$1-$RANDOM.jsonl; STOP=$PROBE_OUT.stop
  taskset -c 1 "$JAVA" --enable-native-access=ALL-UNNAMED -Xmx512m -cp "$CP" netwarden.bench.CaptureProbe \
      --mode "$1" --interface "$VM" --netns "$NS_MON" --service 10.250.200.1:27960 --seconds "$2" --stop-file "$STOP" ${3:-} \
      >"$PROBE_OUT" 2>"$PROBE_OUT.err" &
  PROBE_PID=$!; STARTED+=("$PROBE_PID")
  for _ in $(seq 1 100); do grep -q '"ready"' "$PROBE_OUT" 2>/dev/null && return 0; sleep 0.1; done
  echo "probe did not start: $(cat "$PROBE_OUT.err")" >&2; exit 1
}
gen() { ip netns exec "$NS_GEN" taskset -c 0 "$W/capture-gen" "$VG" "$MAC" 10.250.201.1 10.250.200.1 27960 "$1" "$2" "$SOURCES"; }
field() { sed -n "s/.*\"$1\":\([0-9.]*\).*/\1/p" | tail -1; }
cpu_ticks() { sed 's/.*) //' "/proc/$1/stat" | awk '{print $12 + $13}'; }   # utime + stime, in USER_HZ

printf "mode\toffered_pps\tachieved_pps\treached\tseen\tloss_pct\tkernel_drops\thandoff_drops\n" | tee "$W/throughput.tsv"
for mode in "${MODES[@]}"; do
  for rate in $RATES; do
    if [ "$mode" = fastnetmon ]; then
      fnm_start; sleep 2; r0=$(mon_rx); s0=$(fnm_seen)
      achieved=$(gen "$rate" "$DURATION" | field pps)
      sleep 2; r1=$(mon_rx); s1=$(fnm_seen); kill "$PROBE_PID"; wait "$PROBE_PID" 2>/dev/null || true
      seen=$(awk -v a="$s0" -v b="$s1" 'BEGIN { printf "%d", b - a }'); reached=$((r1 - r0))
      loss=$(awk -v s="$seen" -v r="$reached" 'BEGIN { printf "%.3f", (r > 0 ? 100 * (r - s) / r : 0) }')
      printf "%s\t%s\t%s\t%s\t%s\t%s\t-\t-\n" "$mode" "$rate" "$achieved" "$reached" "$seen" "$loss" | tee -a "$W/throughput.tsv"
      continue
    fi
    probe "$mode" 600
    sleep 2; r0=$(mon_rx)
    achieved=$(gen "$rate" "$DURATION" | field pps)
    sleep 2; r1=$(mon_rx); touch "$STOP"; wait "$PROBE_PID" || true   # 2 s: the last second is harvested
    last=$(grep '"final"' "$PROBE_OUT")
    seen=$(echo "$last" | field service_packets); reached=$((r1 - r0))
    loss=$(awk -v s="$seen" -v r="$reached" 'BEGIN { printf "%.3f", (r > 0 ? 100 * (r - s) / r : 0) }')
    printf "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n" "$mode" "$rate" "$achieved" "$reached" "$seen" "$loss" \
        "$(echo "$last" | field kernel_drops)" "$(echo "$last" | field handoff_drops)" | tee -a "$W/throughput.tsv"
  done
done

printf "\nmode\tpps\tcpu_pct_of_one_core\trss_peak_mib\n" | tee "$W/cpu.tsv"
for mode in "${MODES[@]}"; do
  if [ "$mode" = fastnetmon ]; then fnm_start; else probe "$mode" 6000 "--quiet true"; fi
  gen "$CPU_RATE" $((WARMUP + CPU_SECONDS + 2)) >/dev/null &
  GEN=$!; STARTED+=("$GEN")
  sleep "$WARMUP"; c0=$(cpu_ticks "$PROBE_PID")   # after JIT warm-up
  sleep "$CPU_SECONDS"; c1=$(cpu_ticks "$PROBE_PID")
  if [ "$mode" = fastnetmon ]; then
    hwm=$(fnm_hwm); wait "$GEN" || true; kill "$PROBE_PID"; wait "$PROBE_PID" 2>/dev/null || true
  else
    wait "$GEN" || true; touch "$STOP"; wait "$PROBE_PID" || true
    hwm=$(grep '"final"' "$PROBE_OUT" | field hwm_kib)
  fi
  printf "%s\t%s\t%s\t%s\n" "$mode" "$CPU_RATE" "$(awk -v a="$c0" -v b="$c1" -v s="$CPU_SECONDS" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.2f", 100 * (b - a) / hz / s }')" \
      $((hwm / 1024)) | tee -a "$W/cpu.tsv"
done
echo "raw output: $W"
