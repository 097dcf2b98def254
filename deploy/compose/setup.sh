#!/usr/bin/env bash
# Prepares deploy/compose for `docker compose up`: .env, the bearer tokens, the TLS certificates
# and file ownership for the containers' users. Safe to run again: it keeps what exists.
#
#   ./setup.sh                     certificates made with the netwarden image (build it first:
#                                  docker compose build netwarden)
#   NETWARDEN_CLI=../../bin/netwarden ./setup.sh   ... or with a local build instead of Docker
set -euo pipefail
cd "$(dirname "$0")"
umask 077

note() { printf 'setup.sh: %s\n' "$*"; }

# Reads KEY from .env (the first KEY=value line; no quoting, as docker compose reads it).
env_get() { sed -n "s/^$1=//p" .env | head -n 1; }

# Rewrites .env (mode 0600): with a VALUE, KEY=VALUE replaces KEY's first line (or is appended);
# without one, KEY's lines are removed. The value reaches awk through the environment, so no
# backslash in it is taken for an escape.
env_write() {
    local tmp
    tmp=$(mktemp .env.XXXXXX)
    KEY=$1 VALUE=${2-} SET=$(($# > 1)) awk 'BEGIN { FS = OFS = "="; k = ENVIRON["KEY"]; set = ENVIRON["SET"] + 0 }
        $1 == k && (!set || !done) { if (set) print k "=" ENVIRON["VALUE"]; done = 1; next }
        { print }
        END { if (set && !done) print k "=" ENVIRON["VALUE"] }' .env > "$tmp"
    chmod 600 "$tmp"
    mv "$tmp" .env
}
env_set() { env_write "$1" "$2"; }
env_unset() { env_write "$1"; }

random_hex() { od -An -N24 -tx1 /dev/urandom | tr -d ' \n'; }

if [[ ! -f .env ]]; then
    cp .env.example .env
    chmod 600 .env
    note "created .env from .env.example: edit DISCORD_WEBHOOK_URL and the e-mail settings"
fi

mkdir -p secrets
for name in prometheus alertmanager; do
    if [[ ! -s secrets/${name}_token ]]; then
        random_hex > "secrets/${name}_token"
        note "made secrets/${name}_token"
    fi
done
[[ -e secrets/smtp_password ]] || : > secrets/smtp_password
# netwarden reads the tokens from the files (token-file); older set-ups also copied them into .env.
env_unset NETWARDEN_PROMETHEUS_TOKEN
env_unset NETWARDEN_ALERTMANAGER_TOKEN
if [[ -z $(env_get GRAFANA_ADMIN_PASSWORD) ]]; then
    env_set GRAFANA_ADMIN_PASSWORD "$(random_hex)"
    note "made a Grafana admin password (GRAFANA_ADMIN_PASSWORD in .env)"
fi

# The stack's certificates (tls init --stack) came after netwarden's: a tls/ from before has none,
# and without the CA key (offline/) none can be added, so say how to start over.
if [[ -f tls/server.pem && ! -f tls/prometheus.pem ]]; then
    note "tls/ has no certificates for Prometheus, Alertmanager, node-exporter and Grafana (made before they served HTTPS):"
    echo "  mv tls tls.old && ./setup.sh     (a new CA; netwarden clients elsewhere need the new ca.pem)" >&2
    exit 1
fi
if [[ ! -f tls/server.pem ]]; then
    hosts=$(env_get NETWARDEN_TLS_HOSTS)
    hosts=${hosts:-localhost,127.0.0.1}
    mkdir -p tls
    if [[ -n ${NETWARDEN_CLI:-} ]]; then
        $NETWARDEN_CLI tls init "$PWD/tls" --hosts "$hosts" --stack
    else
        docker run --rm -u "$(id -u):$(id -g)" -v "$PWD/tls:/tls" netwarden:local tls init /tls --hosts "$hosts" --stack
    fi
    # The CA key signs certificates netwarden would accept: keep it out of every container.
    mkdir -p offline
    mv tls/ca-key.pem offline/ca-key.pem
    note "certificates in tls/ for: $hosts; the CA key is in offline/ca-key.pem: move it off this machine"
fi

# Prometheus, Alertmanager and node-exporter run as nobody (65534) and read their keys, the client
# keys and their tokens; Grafana runs as 472 and reads its two keys;
# netwarden reads its key as root, or as 10001 when NETWARDEN_USER says so, and the tokens through
# its group (it runs without CAP_DAC_OVERRIDE, so even root needs the permission bits).
user=$(env_get NETWARDEN_USER)
group=${user:-0:0}
group=${group##*:}
if [[ $(id -u) -eq 0 ]]; then
    chown 65534:"$group" secrets/prometheus_token secrets/alertmanager_token
    chmod 640 secrets/prometheus_token secrets/alertmanager_token
    chown 65534:65534 secrets/smtp_password
    chgrp 65534 tls/client-key.pem && chmod 640 tls/client-key.pem
    chmod 755 tls
    for f in tls/*.pem; do [[ $f == *-key.pem ]] || chmod 644 "$f"; done
    chown 65534:65534 tls/prometheus-key.pem tls/alertmanager-key.pem tls/node-exporter-key.pem tls/alertmanager-client-key.pem
    chown 472:472 tls/grafana-key.pem tls/grafana-client-key.pem
    chmod 600 tls/*-key.pem && chmod 640 tls/client-key.pem
    # Unprivileged netwarden (proc mode) owns its server key and the client key its healthcheck presents;
    # the client key's group stays nobody's, for Prometheus.
    if [[ ${user:-0:0} != 0:0 ]]; then chown "${user%%:*}" tls/server-key.pem tls/client-key.pem; fi
    note "ownership set for the containers' users"
else
    note "not root: to let the containers read their files, run:"
    echo "  sudo chown 65534:$group secrets/prometheus_token secrets/alertmanager_token && sudo chmod 640 secrets/*_token"
    echo "  sudo chown 65534:65534 secrets/smtp_password"
    echo "  sudo chgrp 65534 tls/client-key.pem && sudo chmod 640 tls/client-key.pem && chmod 755 tls"
    echo "  sudo chown 65534:65534 tls/prometheus-key.pem tls/alertmanager-key.pem tls/node-exporter-key.pem tls/alertmanager-client-key.pem"
    echo "  sudo chown 472:472 tls/grafana-key.pem tls/grafana-client-key.pem"
    if [[ ${user:-0:0} != 0:0 ]]; then echo "  sudo chown ${user%%:*} tls/server-key.pem tls/client-key.pem"; fi
fi
note "done: docker compose up -d --build"
