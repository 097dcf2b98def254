#!/usr/bin/env bash
# router-bench.sh — the router profile under load: conntrack connections per second through `netwarden run`
# (DNS correlation and anomaly scoring on), with the API's answer times measured while it runs (root).
#
# Three namespaces: lan (the device 10.98.1.2) — router (forwarding, conntrack accounting, UDP timeouts of 1 s so
# connections end quickly, an NFLOG drop rule) — wan (32 addresses 10.98.2.2..33). A Python generator in lan opens
# RATE new UDP connections a second (a new destination port each), spread over the 32 WAN addresses; a second
# writer appends dnsmasq reply lines naming those addresses to the DNS log netwarden tails. netwarden runs the
# shaded jar (app/target/netwarden.jar) with the router profile pointed at the router namespace. While the load
# runs, a probe asks /api/v1/connections, /api/v1/devices and /api/v1/anomalies every 200 ms and records each
# answer's time (loopback: client time = server time plus a little). At the end the script prints connections per
# second as netwarden stored them, drops, overruns, CPU and RSS, and the probe's p50/p95/max.
#
# Usage: sudo bench/router-bench.sh      RATE=5000 SECONDS_LOAD=60 BUFFER=67108864 (router.conntrack.receive-buffer) VERBOSE=
set -uo pipefail
RATE=${RATE:-5000}; SECONDS_LOAD=${SECONDS_LOAD:-60}
cd "$(dirname "$0")/.."
JAR=app/target/netwarden.jar
[ "$(id -u)" = 0 ] || { echo "needs root (namespaces, nft, conntrack)" >&2; exit 1; }
[ -f "$JAR" ] || { echo "build first: ./mvnw -B -q -pl app -am package -DskipTests" >&2; exit 1; }
for t in nft python3 curl; do command -v $t >/dev/null || { echo "needs $t" >&2; exit 1; }; done
TAG=$$; LAN="nwb$TAG-lan"; RTR="nwb$TAG-rtr"; WAN="nwb$TAG-wan"
W=$(mktemp -d /tmp/netwarden-router-bench.XXXXXX); [ -d "$W" ] || exit 1
TOKEN=router-bench-token-0123456789abcdef; PORT=$((20000 + TAG % 20000))
PIDS=()
cleanup() {
  for p in "${PIDS[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null; done
  sleep 1
  for p in "${PIDS[@]:-}"; do [ -n "$p" ] && kill -9 "$p" 2>/dev/null; done
  for ns in "$LAN" "$RTR" "$WAN"; do ip netns del "$ns" 2>/dev/null; done
}
trap cleanup EXIT INT TERM

for ns in "$LAN" "$RTR" "$WAN"; do ip netns add "$ns" && ip -n "$ns" link set lo up || exit 1; done
ip link add "nwb${TAG}l" netns "$LAN" type veth peer name "nwb${TAG}rl" netns "$RTR"
ip link add "nwb${TAG}w" netns "$WAN" type veth peer name "nwb${TAG}rw" netns "$RTR"
ip -n "$LAN" addr add 10.98.1.2/24 dev "nwb${TAG}l"; ip -n "$RTR" addr add 10.98.1.1/24 dev "nwb${TAG}rl"
ip -n "$RTR" addr add 10.98.2.1/24 dev "nwb${TAG}rw"
for i in $(seq 2 33); do ip -n "$WAN" addr add 10.98.2.$i/24 dev "nwb${TAG}w"; done
ip -n "$LAN" link set "nwb${TAG}l" up; ip -n "$RTR" link set "nwb${TAG}rl" up; ip -n "$RTR" link set "nwb${TAG}rw" up; ip -n "$WAN" link set "nwb${TAG}w" up
ip -n "$LAN" route add default via 10.98.1.1; ip -n "$WAN" route add default via 10.98.2.1
ip netns exec "$RTR" sysctl -q net.ipv4.ip_forward=1 net.netfilter.nf_conntrack_acct=1 \
  net.netfilter.nf_conntrack_udp_timeout=1 net.netfilter.nf_conntrack_udp_timeout_stream=1
cat >"$W/rules.nft" <<'NFT'
table inet nwb {
  chain nwbfwd {
    type filter hook forward priority 0; policy accept;
    ct state established,related accept
    tcp dport 23 log group 5 prefix "nw-drop" drop
  }
}
NFT
ip netns exec "$RTR" nft -f "$W/rules.nft" || exit 1
python3 - "$W/empty.pcap" <<'PY'
import struct, sys; open(sys.argv[1], "wb").write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1))
PY
: >"$W/dnsmasq.log"
cat >"$W/config.yaml" <<YAML
http: {listen: "127.0.0.1:$PORT"}
api: {tokens: [{name: bench, token: $TOKEN}]}
state: {dir: "$W/state"}
router:
  lan: [10.98.1.0/24]
  netns: /run/netns/$RTR
  conntrack: {receive-buffer: ${BUFFER:-67108864}}
  dns: {log: "$W/dnsmasq.log", poll-interval: 100ms}
  nflog: [{group: 5, action: drop}]
YAML
NETWARDEN_JAVA_OPTS="-Xmx1g" bin/netwarden run --config "$W/config.yaml" --pcap "$W/empty.pcap" >"$W/netwarden.log" 2>&1 &
NW=$!; PIDS+=("$NW")
for _ in $(seq 1 200); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break; sleep 0.1; done
sleep 2
grep -q "router profile" "$W/netwarden.log" || { echo "netwarden did not start the router profile:" >&2; tail -20 "$W/netwarden.log" >&2; exit 1; }

metric() { curl -s -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/metrics" | awk -v s="$1" 'index($0, s" ") == 1 { print $2; f=1 } END { if (!f) print 0 }'; }

# DNS: reply lines naming the WAN addresses, 200 a second
python3 - "$W/dnsmasq.log" "$SECONDS_LOAD" >/dev/null 2>&1 <<'PY' &
import sys, time
log, secs = sys.argv[1], float(sys.argv[2]); end = time.time() + secs + 5; n = 0
with open(log, "a", buffering=1) as f:
    while time.time() < end:
        for _ in range(20):
            a = 2 + n % 32; n += 1
            f.write(time.strftime("%b %e %H:%M:%S") + f" dnsmasq[1]: reply host{a}.bench.example is 10.98.2.{a}\n")
        time.sleep(0.1)
PY
PIDS+=("$!")

# Load: RATE new UDP connections a second from the LAN device
ip netns exec "$LAN" python3 - "$RATE" "$SECONDS_LOAD" >"$W/gen.out" 2>&1 <<'PY' &
import socket, sys, time
rate, secs = int(sys.argv[1]), float(sys.argv[2])
socks = [socket.socket(socket.AF_INET, socket.SOCK_DGRAM) for _ in range(8)]
for s in socks: s.setblocking(False)
sent = 0; t0 = time.time(); end = t0 + secs
while time.time() < end:
    due = int((time.time() - t0) * rate)
    while sent < due:
        s = socks[sent % 8]
        try: s.sendto(b"x" * 32, (f"10.98.2.{2 + sent % 32}", 20000 + (sent // 8) % 40000))
        except BlockingIOError: pass
        sent += 1
    time.sleep(0.0005)
print(f"sent={sent} seconds={time.time() - t0:.2f}", flush=True)
PY
GEN=$!; PIDS+=("$GEN")

# Probe: the API's answer times while the load runs
python3 - "$PORT" "$TOKEN" "$SECONDS_LOAD" >"$W/probe.out" 2>&1 <<'PY' &
import sys, time, urllib.request
port, token, secs = sys.argv[1], sys.argv[2], float(sys.argv[3])
paths = ["/api/v1/connections?limit=100", "/api/v1/devices", "/api/v1/anomalies?limit=100", "/api/v1/connections?device=10.98.1.2&remote=10.98.2.7&limit=100"]
times = []; per = {p: [] for p in paths}; errors = 0; end = time.time() + secs; i = 0
while time.time() < end:
    p = paths[i % len(paths)]; i += 1
    req = urllib.request.Request(f"http://127.0.0.1:{port}{p}", headers={"Authorization": f"Bearer {token}"})
    t = time.perf_counter()
    try:
        urllib.request.urlopen(req, timeout=10).read()
        ms = (time.perf_counter() - t) * 1000
        times.append(ms); per[p].append(ms)
    except Exception:
        errors += 1
    time.sleep(0.2)
def q(v, f):
    v = sorted(v)
    return v[min(len(v) - 1, int(f * len(v)))] if v else float("nan")
print(f"requests={len(times)} errors={errors} p50_ms={q(times, 0.5):.1f} p95_ms={q(times, 0.95):.1f} max_ms={max(times) if times else float('nan'):.1f}")
for p, v in per.items(): print(f"  {p}: p50_ms={q(v, 0.5):.1f} p95_ms={q(v, 0.95):.1f}")
PY
PROBE=$!; PIDS+=("$PROBE")

sleep 5
NEW='netwarden_router_events_total{kind="new",source="conntrack"}'; STORED='netwarden_router_station_total{kind="connection"}'
n0=$(metric "$NEW"); c0=$(metric "$STORED"); t0=$(date +%s.%N); cpu0=$(awk '{print $14+$15}' /proc/$NW/stat)
sleep $((SECONDS_LOAD - 10))
n1=$(metric "$NEW"); c1=$(metric "$STORED"); t1=$(date +%s.%N); cpu1=$(awk '{print $14+$15}' /proc/$NW/stat)
wait "$GEN" "$PROBE"
sleep 5
HZ=$(getconf CLK_TCK)
echo "router-bench: RATE=$RATE/s for ${SECONDS_LOAD}s; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "generator: $(cat "$W/gen.out")"
python3 - "$n0" "$n1" "$c0" "$c1" "$t0" "$t1" "$cpu0" "$cpu1" "$HZ" <<'PY'
import sys
n0, n1, c0, c1, t0, t1, u0, u1, hz = map(float, sys.argv[1:])
d = t1 - t0
print(f"steady window {d:.0f} s: new connections scored/s {(n1 - n0) / d:.0f}, ended connections stored/s {(c1 - c0) / d:.0f}"
      f" (the kernel reports ends when its GC expires them); netwarden CPU {(u1 - u0) / hz / d * 100:.0f}% of one core")
PY
echo "conntrack events: new=$(metric 'netwarden_router_events_total{kind="new",source="conntrack"}') destroy=$(metric 'netwarden_router_events_total{kind="destroy",source="conntrack"}') overruns=$(metric 'netwarden_router_overruns_total{source="conntrack"}') resyncs=$(metric 'netwarden_router_resyncs_total{source="conntrack"}')"
echo "station: connection_lost=$(metric 'netwarden_router_station_total{kind="connection_lost"}') queue_full=$(metric 'netwarden_router_station_total{kind="queue_full"}') hits=$(metric 'netwarden_router_station_total{kind="hit"}') duplicates=$(metric 'netwarden_router_station_total{kind="hit_duplicate"}'); dns replies=$(metric 'netwarden_router_events_total{kind="reply",source="dnsmasq"}')"
echo "store: router_connections rows=$(metric 'netwarden_store_rows_total{table="router_connections"}') dropped=$(metric 'netwarden_store_dropped_rows_total{reason="queue_full",table="router_connections"}'); sink dropped (store)=$(metric 'netwarden_sink_dropped_total{sink="store"}')"
echo "RSS: $(awk '/VmRSS/ {print $2/1024 " MiB"}' /proc/$NW/status)"
echo "API during load: $(cat "$W/probe.out")"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
curl -s -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/api/v1/connections?limit=1" | head -c 400; echo
[ -n "${VERBOSE:-}" ] && curl -s -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/metrics" | grep -E '^netwarden_(router|store_rows|sink_dropped)'
