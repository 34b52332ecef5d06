#!/usr/bin/env bash
# The benchmark in one command: its own PostgreSQL 15 server (bench/postgres/bench.conf), Redis
# for the peer, the Chatwoot-like sink, the service jar, pgbench and every workload on both
# sides, one table.
#
#   bench/run.sh [--n 100000] [--pending 1000000] [--events 20000] [--cancels 2000]
#                [--punctuality-steps 6000] [--punctuality-seconds 60] [--threads 32] [--batch 100] [--workers 3]
#                [--pool 40] [--peer-concurrency 100] [--import-rows 200000] [--10m] [--skip-peer]
#                [--only pipeline,enrollment,import,punctuality,cancel,scale]  (no peer, no table)
#
# --10m sets --pending 10000000 (the goal's size; needs ~8 GB of disk and a long seeding).
# The table goes to stdout and bench/results/latest.md; logs to bench/results/*.log.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
RESULTS=${BENCH_RESULTS:-$ROOT/bench/results}
mkdir -p "$RESULTS"

N=100000 PENDING=1000000 EVENTS=20000 CANCELS=2000 PUNCT_STEPS=6000 PUNCT_SECONDS=60
THREADS=32 BATCH=100 WORKERS=3 POOL=40 PEER_CONCURRENCY=100 IMPORT_ROWS=200000 SKIP_PEER=0 ONLY=pipeline,enrollment,import,punctuality,cancel,scale
while [ $# -gt 0 ]; do
  case "$1" in
    --n) N=$2; shift 2 ;;
    --pending) PENDING=$2; shift 2 ;;
    --events) EVENTS=$2; shift 2 ;;
    --cancels) CANCELS=$2; shift 2 ;;
    --punctuality-steps) PUNCT_STEPS=$2; shift 2 ;;
    --punctuality-seconds) PUNCT_SECONDS=$2; shift 2 ;;
    --threads) THREADS=$2; shift 2 ;;
    --batch) BATCH=$2; shift 2 ;;
    --workers) WORKERS=$2; shift 2 ;;
    --pool) POOL=$2; shift 2 ;;
    --peer-concurrency) PEER_CONCURRENCY=$2; shift 2 ;;
    --import-rows) IMPORT_ROWS=$2; shift 2 ;;
    --10m) PENDING=10000000; shift ;;
    --skip-peer) SKIP_PEER=1; shift ;;
    --only) ONLY=$2; SKIP_PEER=1; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

# The benchmark's PostgreSQL server: a cluster of its own (initdb'd once, under BENCH_PGDATA),
# tuned as docs/operations.md says a production server should be, on its own port.
PGBIN=${BENCH_PGBIN:-/usr/lib/postgresql/15/bin}
PGDATA_DIR=${BENCH_PGDATA:-/var/tmp/nurture-bench-pg}
PG_PORT=${BENCH_PG_PORT:-15432}
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if [ ! -f "$PGDATA_DIR/PG_VERSION" ]; then
  mkdir -p "$PGDATA_DIR"
  [ "$(id -u)" = 0 ] && chown postgres "$PGDATA_DIR"
  as_postgres "$PGBIN/initdb" -D "$PGDATA_DIR" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  echo "include 'bench.conf'" >>"$PGDATA_DIR/postgresql.conf"
fi
if ! cmp -s bench/postgres/bench.conf "$PGDATA_DIR/bench.conf"; then
  as_postgres cp bench/postgres/bench.conf "$PGDATA_DIR/bench.conf"
  as_postgres "$PGBIN/pg_ctl" -D "$PGDATA_DIR" status >/dev/null 2>&1 && as_postgres "$PGBIN/pg_ctl" -D "$PGDATA_DIR" -m fast stop >/dev/null
fi
if ! as_postgres "$PGBIN/pg_ctl" -D "$PGDATA_DIR" status >/dev/null 2>&1; then
  as_postgres "$PGBIN/pg_ctl" -D "$PGDATA_DIR" -o "-p $PG_PORT -k /tmp" -l "$PGDATA_DIR/server.log" -w start >/dev/null
fi
command -v wrk >/dev/null || { [ "$(id -u)" = 0 ] && apt-get install -y -qq wrk >/dev/null; }

PG="psql -h 127.0.0.1 -p $PG_PORT -U postgres -q -v ON_ERROR_STOP=1"
DB=${BENCH_DB:-nurture_bench}
PEER_DB=${DB}_peer
PORT=${BENCH_PORT:-18080}
SINK_PORT=${BENCH_SINK_PORT:-13999}
SECRET=bench-secret
TOKEN=bench-token
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  # The service stops before its database does.
  for pid in "${PIDS[@]}"; do while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done; done
  # The server's 6 GB of buffers are not left to the machine (BENCH_KEEP_PG=1 keeps it up).
  [ "${BENCH_KEEP_PG:-0}" = 1 ] || as_postgres "$PGBIN/pg_ctl" -D "$PGDATA_DIR" -m fast stop >/dev/null 2>&1 || true
}
trap cleanup EXIT

# Local services (the machine's own start commands when they are down).
redis-cli ping >/dev/null 2>&1 || redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" \
  --appendonly no --dir /var/lib/redis --logfile /var/log/redis/ci.log
for db in $DB $PEER_DB ${DB}_pgbench; do
  $PG -c "drop database if exists $db with (force)" -c "create database $db"
done

# The service jar and the driver's class path (the driver lives in the test sources).
if [ ! -f target/nurture.jar ] || [ ! -f target/test-classes/com/oshun/nurture/bench/BenchMain.class ]; then
  mvn -q -DskipTests package
fi
mvn -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
(cd bench/peer && npm install --no-audit --no-fund --loglevel=error >/dev/null)

node bench/sink/sink.js $SINK_PORT >"$RESULTS/sink.log" 2>&1 &
PIDS+=($!)

# Delivery: Chatwoot's API on the sink by default (BENCH_DELIVERY=outbox: the dry-run table, no
# HTTP hop). The seeded contacts are outside WhatsApp's 24 h window, so each objective goes out as
# its template; Chatwoot's client-side rate limits are lifted (the goal is with the sink unlimited).
DELIVERY=chatwoot-sink
DELIVERY_ARGS=()
if [ "${BENCH_DELIVERY:-chatwoot}" = outbox ]; then
  DELIVERY=outbox
else
  export CHATWOOT_BASE_URL=http://127.0.0.1:$SINK_PORT CHATWOOT_API_TOKEN=bench CHATWOOT_ACCOUNT_ID=1 \
    CHATWOOT_WHATSAPP_INBOX_ID=4
  DELIVERY_ARGS+=(--nurture.chatwoot.requests-per-minute=1000000000 --nurture.chatwoot.searches-per-minute=1000000000
    --nurture.chatwoot.conversation-messages-per-minute=1000000000)
  for objective in reschedule availability reassure nudge; do
    DELIVERY_ARGS+=(--nurture.whatsapp.templates.$objective.name=nurture_$objective
      --nurture.whatsapp.templates.$objective.language=en --nurture.whatsapp.templates.$objective.body=first_name)
  done
fi

# The peer first, alone on the machine.
if [ "$SKIP_PEER" = 0 ]; then
  echo "peer: BullMQ, n=$N pending=$PENDING concurrency=$PEER_CONCURRENCY" >&2
  node bench/peer/peer.js --db "postgres://postgres@127.0.0.1:$PG_PORT/$PEER_DB" --sink "http://127.0.0.1:$SINK_PORT" \
    --n "$N" --pending "$PENDING" --cancels "$CANCELS" --concurrency "$PEER_CONCURRENCY" \
    --out "$RESULTS/peer.json" 2>&1 | tee "$RESULTS/peer.log" >&2
  $PG -c "drop database if exists $PEER_DB with (force)"
  redis-cli flushall >/dev/null
else
  rm -f "$RESULTS/peer.json"
fi

# PostgreSQL's own pace on this box, in the same run: pgbench's simple-update (one update, one
# select, one insert, committed), 16 clients as the webhook workload, 30 s.
PGBENCH_TPS=0
if [ "$SKIP_PEER" = 0 ] || [[ ",$ONLY," == *,enrollment,* ]]; then
  "$PGBIN/pgbench" -h 127.0.0.1 -p $PG_PORT -U postgres -i -q -s 16 ${DB}_pgbench >"$RESULTS/pgbench.log" 2>&1
  "$PGBIN/pgbench" -h 127.0.0.1 -p $PG_PORT -U postgres -b simple-update -c 16 -j 2 -T 30 -n ${DB}_pgbench \
    >>"$RESULTS/pgbench.log" 2>&1
  PGBENCH_TPS=$(sed -n 's/^tps = \([0-9.]*\) (without initial connection time)$/\1/p' "$RESULTS/pgbench.log")
  echo "pgbench simple-update: $PGBENCH_TPS tps" >&2
  $PG -c "drop database if exists ${DB}_pgbench with (force)"
fi

# Quiet hours open all day: the benchmark measures the pipeline, not the clinic's hours.
DATA_DIR=$(mktemp -d)
SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:$PG_PORT/$DB SPRING_DATASOURCE_USERNAME=postgres \
  SPRING_DATASOURCE_PASSWORD= NURTURE_ADMIN_TOKEN=$TOKEN BOOKING_WEBHOOK_SECRET=$SECRET \
  NURTURE_DATA_DIR=$DATA_DIR SERVER_PORT=$PORT \
  java -Xms256m -Xmx512m -XX:+UseG1GC ${BENCH_JAVA_OPTS:-} -jar target/nurture.jar serve \
  --nurture.quiet-hours.start=00:00 --nurture.quiet-hours.end=23:59:59 \
  --nurture.quiet-hours.days=MON,TUE,WED,THU,FRI,SAT,SUN --nurture.holdout.default-percent=0 \
  --nurture.scheduler.threads=$THREADS --nurture.scheduler.batch-size=$BATCH \
  --nurture.scheduler.workers=$WORKERS --nurture.scheduler.polling-interval=PT0.1S \
  --spring.datasource.hikari.maximum-pool-size=$POOL "${DELIVERY_ARGS[@]}" \
  --logging.level.com.oshun=WARN >"$RESULTS/service.log" 2>&1 &
SERVICE=$!
PIDS+=($SERVICE)
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1 && break
  sleep 1
done
curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null

CONFIG="service -Xmx512m, step engine: $WORKERS workers claiming batches of $BATCH, $THREADS delivery threads, polling 0.1s, Hikari pool=$POOL; \
PostgreSQL $(psql -h 127.0.0.1 -p $PG_PORT -U postgres -tAc 'show server_version' | cut -d' ' -f1) (bench/postgres/bench.conf: shared_buffers 6GB, fsync on); \
n=$N, large pending=$PENDING, webhook clients=16 (cancels 4, as the peer); peer: BullMQ 6.7 concurrency=$PEER_CONCURRENCY, pg pool 40; \
other sessions may share the cores"
java -Xmx1g -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  -Dbench.base-url="http://127.0.0.1:$PORT" -Dbench.db-url="jdbc:postgresql://127.0.0.1:$PG_PORT/$DB" -Dbench.pgbench-tps="$PGBENCH_TPS" \
  -Dbench.wrk-script="$(command -v wrk >/dev/null && echo "$ROOT/bench/wrk/webhooks.lua")" \
  -Dbench.pid=$SERVICE -Dbench.only="$ONLY" -Dbench.n="$N" -Dbench.pending="$PENDING" -Dbench.events="$EVENTS" \
  -Dbench.import-rows="$IMPORT_ROWS" \
  -Dbench.cancels="$CANCELS" -Dbench.punctuality-steps="$PUNCT_STEPS" -Dbench.punctuality-seconds="$PUNCT_SECONDS" \
  -Dbench.secret=$SECRET -Dbench.token=$TOKEN -Dbench.delivery=$DELIVERY -Dbench.config="$CONFIG" \
  -Dbench.peer-json="$RESULTS/peer.json" -Dbench.out="$RESULTS/latest.md" \
  com.oshun.nurture.bench.BenchMain 2> >(tee "$RESULTS/driver.log" >&2)

# What the database says about the hot statements.
$PG -d $DB -c "create extension if not exists pg_stat_statements" -c "select calls, round(total_exec_time::numeric, 0) as total_ms, \
  round(mean_exec_time::numeric, 3) as mean_ms, rows, left(regexp_replace(query, '\s+', ' ', 'g'), 160) as query \
  from pg_stat_statements where dbid = (select oid from pg_database where datname = current_database()) \
  order by total_exec_time desc limit 40" > "$RESULTS/statements.txt" 2>&1 || true

$PG -d $DB -c "select relname, n_tup_ins, n_tup_upd, n_tup_del, n_dead_tup, autovacuum_count from pg_stat_user_tables \
  where relname in ('nurture_step_runs','messages','outbox','nurture_enrollments') order by relname" \
  > "$RESULTS/db-stats.txt" 2>&1 || true
