#!/bin/sh
# Prepares deploy/fleet: the server's certificates (tls/), its API token and the PostgreSQL password (.env).
# Agents' tokens come later: docker compose run --rm netwarden-server server add-agent ID --state-dir=/var/lib/netwarden
set -eu
cd "$(dirname "$0")"
host=${NETWARDEN_SERVER_HOST:-$(hostname -f)}
umask 077
mkdir -p secrets tls
[ -s secrets/api_token ] || head -c 32 /dev/urandom | base64 | tr -d '/+=\n' > secrets/api_token
if [ ! -s .env ]; then
    printf 'POSTGRES_PASSWORD=%s\nNETWARDEN_KAFKA=\nDISCORD_WEBHOOK_URL=\n' "$(head -c 24 /dev/urandom | base64 | tr -d '/+=\n')" > .env
fi
[ -s tls/ca.pem ] || ../../bin/netwarden tls init tls --hosts "$host,localhost,127.0.0.1" --agents "${NETWARDEN_AGENTS:-}"
echo "ready: docker compose up -d --build   (agents: docs/fleet.md)"
