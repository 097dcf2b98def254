#!/usr/bin/env bash
# Detection latency, netwarden vs FastNetMon, same traffic, same run (root).
#
# Two private namespaces joined by a veth pair; every address exists only inside them:
#   ns nwd-src-<pid>  veth nda<pid> 10.200.78.1/24   (traffic generator)
#   ns nwd-mon-<pid>  veth ndb<pid> 10.200.78.2/24   (victim: the monitor under test captures here)
# Each trial starts one monitor (fresh process), sends LEGIT_S seconds of "players" (8 x 25 pps to
# the game port), then a flood from one source to the game port, and waits for the monitor's
# notify script. Latency = notify time - first flood packet time (both wall clock, same host).
# Scenarios: 1.5x, 3x, 10x a THRESH pps threshold for FLOOD_S seconds, and a 2 s burst at 3x.
#   netwarden: `run --capture pcap` with a service udp/GAME_PORT, service pps floor THRESH (the other
#              floors off), a script notifier on attack_started; reports the incident's current_pps.
#   FastNetMon 1.2.4 (Debian): threshold_pps THRESH per host, AF_PACKET, the notify script it calls on ban.
# Usage: bench/detect-bench.sh        TRIALS=5 THRESH=2000 FLOOD_S=6 LEGIT_S=3 GAME_PORT=27015 TOOLS="netwarden fastnetmon"
# Output: one line per trial in $W/results.tsv and a p50/p95 summary per (tool, scenario).
# Only PIDs started here are signalled; the namespaces made here are deleted on exit.
set -u
[ "$(id -u)" = 0 ] || { echo "run as root" >&2; exit 1; }
cd "$(dirname "$0")/.."
TRIALS=${TRIALS:-5}; THRESH=${THRESH:-2000}; FLOOD_S=${FLOOD_S:-6}; LEGIT_S=${LEGIT_S:-3}; GAME_PORT=${GAME_PORT:-27015}
TOOLS=${TOOLS:-"netwarden fastnetmon"}
PY=/usr/bin/python3
TAG=$$; NS_SRC="nwd-src-$TAG"; NS_MON="nwd-mon-$TAG"; VA="nda$TAG"; VB="ndb$TAG"
SRC_IP=10.200.78.1; DST_IP=10.200.78.2
W=$(mktemp -d /tmp/netwarden-detect.XXXXXX)
[ -n "$W" ] && [ -d "$W" ] || { echo "mktemp failed" >&2; exit 1; }
STARTED=()

cleanup() {
  for p in "${STARTED[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null; done
  sleep 0.5
  for p in "${STARTED[@]:-}"; do [ -n "$p" ] && kill -9 "$p" 2>/dev/null; done
  ip netns del "$NS_SRC" 2>/dev/null; ip netns del "$NS_MON" 2>/dev/null
}
trap cleanup EXIT INT TERM

ip netns add "$NS_SRC" && ip netns add "$NS_MON" || exit 1
ip link add "$VA" type veth peer name "$VB" || exit 1
ip link set "$VA" netns "$NS_SRC"; ip link set "$VB" netns "$NS_MON"
ip -n "$NS_SRC" addr add $SRC_IP/24 dev "$VA"; ip -n "$NS_MON" addr add $DST_IP/24 dev "$VB"
for ns in "$NS_SRC" "$NS_MON"; do ip -n "$ns" link set lo up; done
ip -n "$NS_SRC" link set "$VA" up; ip -n "$NS_MON" link set "$VB" up
ip netns exec "$NS_SRC" ethtool -K "$VA" tso off gso off gro off >/dev/null 2>&1 || true
ip netns exec "$NS_MON" ethtool -K "$VB" tso off gso off gro off >/dev/null 2>&1 || true
if command -v ping >/dev/null; then ip netns exec "$NS_SRC" ping -c1 -W1 $DST_IP >/dev/null || { echo "veth not up" >&2; exit 1; }; else sleep 1; fi

# Bounded, rate-controlled UDP generator: legit phase (8 clients), then the flood from one socket.
cat >"$W/gen.py" <<'GEN_PY'
import socket, sys, time
dst, port, legit_s, legit_pps, flood_pps, flood_s = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), float(sys.argv[6])
payload = b"\xff\xff\xff\xffTSource Engine Query\x00" + b"x" * 40
def run(socks, pps, dur):
    sent = 0; t0 = time.time(); end = t0 + dur
    while time.time() < end:
        due = int((time.time() - t0) * pps)
        while sent < due:
            try: socks[sent % len(socks)].sendto(payload, (dst, port))
            except BlockingIOError: pass
            sent += 1
        time.sleep(0.0005)
    return t0, sent
clients = [socket.socket(socket.AF_INET, socket.SOCK_DGRAM) for _ in range(8)]
for c in clients: c.setblocking(False)
if legit_s > 0: run(clients, legit_pps * 8, legit_s)
flood = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); flood.setblocking(False)
flood.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 4 << 20)
t, n = run([flood], flood_pps, flood_s)
print(f"flood_start={t:.6f} flood_sent={n} flood_end={time.time():.6f}", flush=True)
GEN_PY

# netwarden's notify script: wall-clock time and the incident's current_pps from the event JSON.
cat >"$W/nw-notify.sh" <<NW_NOTIFY
#!/bin/sh
t=\$(date +%s.%N)
pps=\$($PY -c 'import json,sys; e=json.load(sys.stdin); i=e.get("incident") or {}; print(i.get("current_pps","NA"))')
echo "\$t \$pps" >> "$W/nw-notify.log"
NW_NOTIFY
cat >"$W/fnm-notify.sh" <<FNM_NOTIFY
#!/bin/sh
echo "\$(date +%s.%N) \$3 \$4" >> "$W/fnm-notify.log"
cat > /dev/null
FNM_NOTIFY
chmod +x "$W/nw-notify.sh" "$W/fnm-notify.sh"

cat >"$W/netwarden.yaml" <<NW_YAML
http: {listen: "127.0.0.1:9420"}
services:
  - {name: game, address: $DST_IP, proto: udp, port: $GAME_PORT}
detection:
  baselines: false
  service: {floors: {pps: $THRESH, bps: off, sources: off, new-sources: off, syn: off, ack-rst: off, reflection: off, non-player: off, new-sources-10s: off, tcp-reflection: off}}
  host: {enabled: false}
  network: {enabled: false}
notify:
  channels: [{name: probe, type: script, command: [$W/nw-notify.sh]}]
  routes: [{name: starts, kinds: [attack_started], channels: [probe]}]
NW_YAML

echo "$DST_IP/32" > "$W/networks_list"; : > "$W/whitelist"
fnm_conf() {
  cat >"$W/fnm.conf" <<FNM_CONF
logging_level = info
logging_local_syslog_logging = off
logging_remote_syslog_logging = off
disable_usage_report = on
enable_ban = on
enable_ban_ipv6 = off
process_incoming_traffic = on
process_outgoing_traffic = on
ban_details_records_count = 20
ban_time = 60
unban_only_if_attack_finished = on
networks_list_path = $W/networks_list
white_list_path = $W/whitelist
check_period = 1
enable_connection_tracking = on
ban_for_pps = on
ban_for_bandwidth = off
ban_for_flows = off
threshold_pps = $THRESH
threshold_mbps = 100000
threshold_flows = 100000
mirror_afpacket = on
mirror_af_packet_fanout_mode = cpu
mirror_afxdp = off
pcap = off
netflow = off
sflow = off
interfaces = $VB
average_calculation_time = 5
speed_calculation_delay = 1
notify_script_path = $W/fnm-notify.sh
monitor_local_ip_addresses = off
pid_path = $W/fnm.pid
cli_stats_file_path = $W/fastnetmon.dat
cli_stats_ipv6_file_path = $W/fastnetmon_ipv6.dat
enable_api = off
prometheus = off
redis_enabled = off
mongodb_enabled = off
exabgp = off
gobgp = off
influxdb = off
graphite = off
FNM_CONF
}

start_monitor() { # tool -> pid on stdout
  case $1 in
    netwarden)
      : > "$W/nw-notify.log"
      STATE_DIRECTORY="$W/state" NETWARDEN_AOT=0 ip netns exec "$NS_MON" bin/netwarden run --config "$W/netwarden.yaml" \
          --capture pcap --interface "$VB" > "$W/nw.log" 2>&1 &
      echo $! ;;
    fastnetmon)
      : > "$W/fnm-notify.log"; fnm_conf
      ip netns exec "$NS_MON" fastnetmon --configuration_file "$W/fnm.conf" --log_file "$W/fnm.log" --disable_pid_logic > "$W/fnm.out" 2>&1 &
      echo $! ;;
  esac
}

notify_log() { if [ "$1" = netwarden ]; then echo "$W/nw-notify.log"; else echo "$W/fnm-notify.log"; fi; }

trial() { # tool label flood_pps flood_s
  local tool=$1 label=$2 fpps=$3 fs=$4 pid gpid fstart fsent notify lat pps
  pid=$(start_monitor "$tool"); STARTED+=("$pid")
  # Start-up: netwarden is waited for until it serves (a JVM on a loaded machine can take many
  # seconds), then both tools get the same head start for attaching to the interface.
  if [ "$tool" = netwarden ]; then for _ in $(seq 1 600); do grep -aq "serving http" "$W/nw.log" && break; sleep 0.1; done; fi
  sleep 4
  ip netns exec "$NS_SRC" "$PY" "$W/gen.py" $DST_IP "$GAME_PORT" "$LEGIT_S" 25 "$fpps" "$fs" > "$W/gen.out" 2>&1 &
  gpid=$!; STARTED+=("$gpid"); wait "$gpid"
  for _ in $(seq 1 60); do [ -s "$(notify_log "$tool")" ] && break; sleep 0.1; done
  kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
  fstart=$(sed -n 's/.*flood_start=\([0-9.]*\).*/\1/p' "$W/gen.out")
  fsent=$(sed -n 's/.*flood_sent=\([0-9]*\).*/\1/p' "$W/gen.out")
  notify=$(awk 'NR==1 {print $1}' "$(notify_log "$tool")")
  pps=$(awk 'NR==1 {print $2}' "$(notify_log "$tool")")
  if [ -n "$notify" ] && [ -n "$fstart" ]; then lat=$(awk -v a="$notify" -v b="$fstart" 'BEGIN {printf "%.3f", a - b}'); else lat=NA; fi
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$tool" "$label" "$fpps" "$fs" "${fsent:-NA}" "$lat" "${pps:-NA}" | tee -a "$W/results.tsv"
}

printf 'tool\tscenario\tflood_pps\tflood_s\tsent\tlatency_s\treported_pps\n' | tee "$W/results.tsv"
for n in $(seq 1 "$TRIALS"); do
  for tool in $TOOLS; do
    trial "$tool" "1.5x" $((THRESH * 3 / 2)) "$FLOOD_S"
    trial "$tool" "3x" $((THRESH * 3)) "$FLOOD_S"
    trial "$tool" "10x" $((THRESH * 10)) "$FLOOD_S"
    trial "$tool" "burst-2s-3x" $((THRESH * 3)) 2
  done
done

echo
echo "summary (latency p50/p95 in s over detected trials; detected/trials; reported pps median vs generator rate):"
"$PY" - "$W/results.tsv" <<'SUMMARY_PY'
import csv, statistics, sys
rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
groups = {}
for r in rows: groups.setdefault((r["tool"], r["scenario"]), []).append(r)
def pct(v, q):
    v = sorted(v); return v[min(len(v) - 1, int(round(q * (len(v) - 1))))]
for (tool, sc), rs in sorted(groups.items()):
    lats = [float(r["latency_s"]) for r in rs if r["latency_s"] != "NA"]
    pps = [float(r["reported_pps"]) for r in rs if r["reported_pps"] not in ("NA", "")]
    rate = float(rs[0]["flood_pps"])
    rep = f"{statistics.median(pps):.0f} ({100 * statistics.median(pps) / rate:.0f}% of {rate:.0f})" if pps else "NA"
    p = f"p50 {pct(lats, .5):.2f} p95 {pct(lats, .95):.2f}" if lats else "never"
    print(f"{tool:10s} {sc:12s} {p:22s} detected {len(lats)}/{len(rs)}  reported {rep}")
SUMMARY_PY
echo "raw: $W/results.tsv"
