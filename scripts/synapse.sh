#!/usr/bin/env bash
# A throwaway Synapse homeserver on 127.0.0.1, for brug's Matrix tests and
# benchmarks. Installs Synapse from PyPI into a virtualenv on first use.
#
#   scripts/synapse.sh install            # venv only (idempotent)
#   scripts/synapse.sh start DIR PORT [WATCH_PID]
#                                         # fresh server in DIR; stops by itself
#                                         # when process WATCH_PID exits
#   scripts/synapse.sh stop DIR
#
# The registration shared secret is "brug-test-secret"; server name "localhost".
# Requests are logged to DIR/homeserver.log unless BRUG_SYNAPSE_ACCESS_LOG=WARNING.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
venv="${BRUG_SYNAPSE_VENV:-$here/target/synapse-venv}"
version="${BRUG_SYNAPSE_VERSION:-1.163.2}"

install() {
  if [ -x "$venv/bin/python" ] && "$venv/bin/python" -c "import synapse" 2>/dev/null; then
    return
  fi
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "matrix-synapse==$version"
}

config() {
  local dir="$1" port="$2"
  cat > "$dir/homeserver.yaml" <<YAML
server_name: "localhost"
public_baseurl: "http://127.0.0.1:$port/"
pid_file: "$dir/homeserver.pid"
listeners:
  - port: $port
    bind_addresses: ["127.0.0.1"]
    type: http
    tls: false
    x_forwarded: false
    resources:
      - names: [client]
        compress: false
database:
  name: sqlite3
  args:
    database: "$dir/homeserver.db"
media_store_path: "$dir/media"
signing_key_path: "$dir/signing.key"
registration_shared_secret: "brug-test-secret"
report_stats: false
enable_registration: false
presence:
  enabled: false
url_preview_enabled: false
federation_domain_whitelist: []
trusted_key_servers: []
suppress_key_server_warning: true
caches:
  sync_response_cache_duration: 0
# Every rate limit out of the way (the tests and the benchmark are the only users).
rc_message: &unlimited {per_second: 10000, burst_count: 10000}
rc_registration: *unlimited
rc_login:
  address: *unlimited
  account: *unlimited
  failed_attempts: *unlimited
rc_admin_redaction: *unlimited
rc_joins:
  local: *unlimited
  remote: *unlimited
rc_joins_per_room: *unlimited
rc_invites:
  per_room: *unlimited
  per_user: *unlimited
  per_issuer: *unlimited
rc_room_creation: *unlimited
rc_3pid_validation: *unlimited
rc_delayed_event_mgmt: *unlimited
rc_presence:
  per_user: *unlimited
rc_key_requests: *unlimited
rc_media_create: *unlimited
rc_reports: *unlimited
log_config: "$dir/log.yaml"
YAML
  cat > "$dir/log.yaml" <<YAML
version: 1
formatters:
  plain: {format: "%(asctime)s %(levelname)s %(name)s %(message)s"}
handlers:
  file: {class: logging.FileHandler, filename: "$dir/homeserver.log", formatter: plain}
root: {level: WARNING, handlers: [file]}
# Every request with its status (tests look for the 429s of rate limits);
# the benchmark turns it off (BRUG_SYNAPSE_ACCESS_LOG=WARNING).
loggers: {synapse.access: {level: ${BRUG_SYNAPSE_ACCESS_LOG:-INFO}}}
disable_existing_loggers: false
YAML
}

start() {
  local dir="$1" port="$2" watch="${3:-}"
  install
  mkdir -p "$dir"
  [ -f "$dir/homeserver.yaml" ] || config "$dir" "$port"
  [ -f "$dir/signing.key" ] || "$venv/bin/python" -m synapse.app.homeserver \
      --config-path "$dir/homeserver.yaml" --generate-keys >/dev/null
  "$venv/bin/python" -m synapse.app.homeserver --config-path "$dir/homeserver.yaml" \
      >"$dir/stdout.log" 2>&1 &
  local pid=$!
  echo "$pid" > "$dir/run.pid"
  if [ -n "$watch" ]; then
    # Stop the server when the process that asked for it is gone.
    ( while kill -0 "$watch" 2>/dev/null && kill -0 "$pid" 2>/dev/null; do sleep 1; done
      kill "$pid" 2>/dev/null || true ) </dev/null >/dev/null 2>&1 &
  fi
  for _ in $(seq 1 120); do
    if "$venv/bin/python" -c "import urllib.request,sys; urllib.request.urlopen(sys.argv[1], timeout=2)" \
        "http://127.0.0.1:$port/_matrix/client/versions" >/dev/null 2>&1; then
      return 0
    fi
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "synapse exited; see $dir/stdout.log and $dir/homeserver.log" >&2
      tail -20 "$dir/stdout.log" >&2 || true
      return 1
    fi
    sleep 0.5
  done
  echo "synapse did not answer on 127.0.0.1:$port within 60 s" >&2
  return 1
}

stop() {
  local dir="$1"
  [ -f "$dir/run.pid" ] || return 0
  local pid; pid="$(cat "$dir/run.pid")"
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.25; done
  kill -9 "$pid" 2>/dev/null || true
}

case "${1:-}" in
  install) install ;;
  start) start "$2" "$3" "${4:-}" ;;
  stop) stop "$2" ;;
  *) echo "usage: $0 install | start DIR PORT [WATCH_PID] | stop DIR" >&2; exit 2 ;;
esac
