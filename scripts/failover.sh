#!/usr/bin/env bash
# A primary and a standby with automatic failover (pg_auto_failover, from Debian), the
# service on a multi-host JDBC URL (targetServerType=primary), and the primary killed
# (SIGKILL, its keeper and its postmaster) in the middle of a load of due steps. The counting
# is done by the suite's node-failure test against a stateful Chatwoot stub: every step
# delivered once, none lost, and the seconds without service.
#
# Usage: scripts/failover.sh [contacts]   (default 300 contacts = 1200 steps due at once)
#        FAILOVER_MODE=switchover scripts/failover.sh   (a planned switchover instead)
# Needs root (to install the packages and to run pg_autoctl as the postgres user).
# Figures: the line "reliability failover ..." printed at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
CONTACTS="${1:-300}"
MODE="${FAILOVER_MODE:-kill}"
BASE="${FAILOVER_DIR:-/tmp/nurture-failover}"
MONITOR_PORT=6500
PORTS=(6501 6502)
export PATH="/usr/lib/postgresql/15/bin:$PATH"

if ! command -v pg_autoctl >/dev/null 2>&1; then
  apt-get install -y -qq postgresql-15-auto-failover pg-auto-failover-cli
fi

# pg_autoctl keeps its state and configuration under XDG folders: inside $BASE, so a run
# starts from nothing.
as_postgres() {
  su postgres -s /bin/bash -c "export PATH=$PATH XDG_CONFIG_HOME=$BASE/xdg/config \
    XDG_DATA_HOME=$BASE/xdg/data XDG_RUNTIME_DIR=$BASE/xdg/run; $*"
}

# A node's keeper (pg_autoctl, the supervisor), its services and its postmaster, killed.
kill_node() {
  for pid in $(pgrep -u postgres -f "pg_autoctl.*$1" || true); do
    pkill -9 -P "$pid" 2>/dev/null || true
    kill -9 "$pid" 2>/dev/null || true
  done
  [ -f "$1/postmaster.pid" ] && kill -9 "$(head -1 "$1/postmaster.pid")" 2>/dev/null || true
  # Whatever else still works in the data directory (a postmaster's children).
  for pid in $(pgrep -u postgres || true); do
    [ "$(readlink "/proc/$pid/cwd" 2>/dev/null)" = "$1" ] && kill -9 "$pid" 2>/dev/null || true
  done
}

cleanup() {
  for dir in "$BASE"/node1 "$BASE"/node2 "$BASE"/monitor; do
    [ -d "$dir" ] && as_postgres "pg_autoctl stop --pgdata $dir" >/dev/null 2>&1 || true
  done
  sleep 2
  for dir in "$BASE"/node1 "$BASE"/node2 "$BASE"/monitor; do kill_node "$dir"; done
}
trap cleanup EXIT
cleanup
rm -rf "$BASE"
mkdir -p "$BASE"
chown postgres: "$BASE"

echo "monitor on $MONITOR_PORT ..."
as_postgres "pg_autoctl create monitor --pgdata $BASE/monitor --pgport $MONITOR_PORT --hostname localhost \
  --auth trust --no-ssl --run >$BASE/monitor.log 2>&1 &"
MONITOR="postgres://autoctl_node@localhost:$MONITOR_PORT/pg_auto_failover?sslmode=disable"
until as_postgres "psql -qAt '$MONITOR' -c 'select 1'" >/dev/null 2>&1; do sleep 1; done

state() { as_postgres "pg_autoctl show state --pgdata $BASE/monitor" 2>/dev/null || true; }

for i in 1 2; do
  port=${PORTS[$((i - 1))]}
  echo "node$i on $port ..."
  as_postgres "pg_autoctl create postgres --pgdata $BASE/node$i --pgport $port --hostname localhost \
    --name node$i --auth trust --no-ssl --dbname nurture --monitor '$MONITOR' --run >$BASE/node$i.log 2>&1 &"
  want=$([ "$i" = 1 ] && echo primary || echo secondary)
  for _ in $(seq 1 180); do
    state | grep -E "^ *node$i .*\| *$want *\| *$want *$" >/dev/null && break
    sleep 1
  done
done
state

URL="jdbc:postgresql://localhost:${PORTS[0]},localhost:${PORTS[1]}/nurture?targetServerType=primary"
if [ "$MODE" = switchover ]; then
  COMMAND="$(declare -f as_postgres); BASE=$BASE; as_postgres pg_autoctl perform failover --pgdata $BASE/monitor"
else
  # The primary's machine dies: its keeper first (so nothing restarts PostgreSQL), then its postmaster.
  COMMAND="$(declare -f kill_node); kill_node $BASE/node1"
fi

mvn -B -q verify -Dtest='NodeFailureIntegrationTests#failoverToTheStandbyMidLoad' \
  -Dsurefire.failIfNoSpecifiedTests=false \
  -Dnurture.failover.url="$URL" -Dnurture.failover.command="$COMMAND" \
  -Dnurture.reliability.contacts="$CONTACTS"
state
grep -h '^reliability' target/surefire-reports/com.oshun.nurture.scheduling.NodeFailureIntegrationTests-output.txt
