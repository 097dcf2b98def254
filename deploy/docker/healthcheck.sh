#!/bin/sh
# Docker health check: exit 0 when netwarden's /healthz answers 200.
# Over HTTPS it presents the deployment's client certificate, because the stack's web config
# requires one (mTLS) before any request is read.
#   NETWARDEN_HEALTH_URL  default https://localhost:9420/healthz
#   NETWARDEN_TLS_DIR     default /etc/netwarden/tls (ca.pem, client.pem, client-key.pem)
set -eu
url=${NETWARDEN_HEALTH_URL:-https://localhost:9420/healthz}
tls=${NETWARDEN_TLS_DIR:-/etc/netwarden/tls}
case $url in
    https:*)
        if [ -r "$tls/client-key.pem" ]; then
            exec curl -fsS --max-time 4 -o /dev/null --cacert "$tls/ca.pem" \
                --cert "$tls/client.pem" --key "$tls/client-key.pem" "$url"
        fi
        exec curl -fsS --max-time 4 -o /dev/null --cacert "$tls/ca.pem" "$url" ;;
    *)
        exec curl -fsS --max-time 4 -o /dev/null "$url" ;;
esac
