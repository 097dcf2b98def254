#!/bin/sh
# Renders alertmanager.yml with the settings from the environment (.env), then starts Alertmanager.
# Alertmanager reads no environment variables itself, and its Discord receiver takes the webhook URL
# only inline, so the example values in the file are replaced here; nothing secret is written to
# the repository. Busybox sh and sed are enough (the prom/alertmanager image has both).
#
# Environment: DISCORD_WEBHOOK_URL (required), ALERT_EMAIL_TO, ALERT_EMAIL_FROM, SMTP_SMARTHOST,
# SMTP_USERNAME (optional; e-mail goes nowhere useful until they are set), and for tests
# AM_CONFIG_IN, AM_CONFIG_OUT, ALERTMANAGER_BIN. Arguments are passed to Alertmanager.
set -eu

in=${AM_CONFIG_IN:-/etc/alertmanager/alertmanager.yml}
out=${AM_CONFIG_OUT:-/tmp/alertmanager.yml}
bin=${ALERTMANAGER_BIN:-/bin/alertmanager}

if [ -z "${DISCORD_WEBHOOK_URL:-}" ]; then
    echo "entrypoint.sh: DISCORD_WEBHOOK_URL is not set; put it in .env (see .env.example)" >&2
    exit 2
fi
case $DISCORD_WEBHOOK_URL in
    https://*) ;;
    *) echo "entrypoint.sh: DISCORD_WEBHOOK_URL must start with https://" >&2; exit 2 ;;
esac

# Escapes a value for the replacement side of a sed s||| command.
esc() { printf '%s' "$1" | sed -e 's/[\\|&]/\\&/g'; }

umask 077
sed -e "s|https://discord.com/api/webhooks/DISCORD_WEBHOOK_ID/DISCORD_WEBHOOK_TOKEN|$(esc "$DISCORD_WEBHOOK_URL")|" \
    -e "s|^\(  *to: \)alerts@example.org\$|\1$(esc "${ALERT_EMAIL_TO:-alerts@example.org}")|" \
    -e "s|^\(  smtp_from: \)netwarden@example.org\$|\1$(esc "${ALERT_EMAIL_FROM:-netwarden@example.org}")|" \
    -e "s|^\(  smtp_smarthost: \)smtp.example.org:587\$|\1$(esc "${SMTP_SMARTHOST:-smtp.example.org:587}")|" \
    -e "s|^\(  smtp_auth_username: \)alerts@example.org\$|\1$(esc "${SMTP_USERNAME:-alerts@example.org}")|" \
    "$in" > "$out"

exec "$bin" --config.file="$out" "$@"
