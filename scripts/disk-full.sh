#!/usr/bin/env bash
# The default mode (embedded PostgreSQL) on a disk that fills up, by hand: the service on a
# small tmpfs, signed booking webhooks until PostgreSQL refuses writes, the disk grown again,
# the refused deliveries sent again, and every delivery answered 2xx checked to be stored.
#
#   sudo scripts/disk-full.sh [size-mb=200] [max-events=200000]
#
# Needs root (mount), Linux, Java 17, python3, curl and psql (any version). Everything it
# starts is stopped and the tmpfs unmounted at exit. Output: target/disk-full/.
set -euo pipefail

SIZE_MB=${1:-200}
MAX_EVENTS=${2:-200000}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
MNT=${NURTURE_DISK_FULL_MOUNT:-/mnt/nurture-disk-full}
OUT="$ROOT/target/disk-full"
PORT=${NURTURE_DISK_FULL_PORT:-18480}
SECRET=disk-full-test-secret
DATA="$MNT/data"
JAVA_PID=""

[ "$(id -u)" = 0 ] || { echo "run as root: it mounts a tmpfs" >&2; exit 2; }
for tool in java python3 curl psql mount; do
  command -v "$tool" >/dev/null || { echo "needs $tool" >&2; exit 2; }
done

cleanup() {
  if [ -n "$JAVA_PID" ] && kill -0 "$JAVA_PID" 2>/dev/null; then
    kill "$JAVA_PID"; wait "$JAVA_PID" 2>/dev/null || true
  fi
  if mountpoint -q "$MNT"; then umount "$MNT"; fi
}
trap cleanup EXIT

[ -f "$ROOT/target/nurture.jar" ] || (cd "$ROOT" && mvn -q -DskipTests package)
mkdir -p "$OUT" "$MNT"
rm -f "$OUT"/*.txt
mountpoint -q "$MNT" && { echo "$MNT is already mounted" >&2; exit 2; }
mount -t tmpfs -o "size=${SIZE_MB}m" tmpfs "$MNT"

NURTURE_DATA_DIR="$DATA" SERVER_PORT=$PORT NURTURE_CLOCK=system BOOKING_WEBHOOK_SECRET=$SECRET \
  java -Xmx384m -jar "$ROOT/target/nurture.jar" serve >"$OUT/service.log" 2>&1 &
JAVA_PID=$!
for _ in $(seq 1 120); do
  curl -sf "localhost:$PORT/actuator/health/liveness" >/dev/null && break
  sleep 1
done

health() {
  curl -s -m 60 -o "$OUT/health.json" -w '%{http_code}' "localhost:$PORT/actuator/health" || true
  python3 - "$OUT/health.json" <<'EOF'
import json, sys
try:
    d = json.load(open(sys.argv[1]))
except Exception:
    print(" (no answer)"); sys.exit()
pg = d["components"].get("embeddedPostgres", {})
print(f" {d['status']}: db {d['components']['db']['status']}, embeddedPostgres {pg.get('status')}"
      f" ({pg.get('details', {}).get('state')}, free {pg.get('details', {}).get('free', 0) // 1048576} MB)")
EOF
}

# send.py FILE-OF-IDS-OR-COUNT PREFIX: posts signed booking.noShow events, 4 at a time; with
# a count, stops after 300 refusals in a row (the disk is full). One line per delivery:
# "id status retry-after millis".
cat >"$OUT/send.py" <<'EOF'
import hashlib, hmac, json, sys, threading, time, urllib.error, urllib.request
base, secret, source, out = sys.argv[1], sys.argv[2].encode(), sys.argv[3], open(sys.argv[4], "w")
ids = [line.strip() for line in open(source)] if not source.isdigit() else None
total = len(ids) if ids is not None else int(source)
lock, state = threading.Lock(), {"next": 0, "refusedInARow": 0}
def body(event):
    n = int(event.split("-")[-1])
    return json.dumps({"id": event, "type": "booking.noShow", "occurredAt": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "booking": {"id": "bk-" + event, "startsAt": "2026-11-30T14:00:00Z", "service": "Botox consultation", "procedure": "botox"},
        "contact": {"externalId": "c-" + event, "name": "Patient " + event, "phone": f"+55119{n % 100000000:08d}",
                    "email": event + "@example.com", "timezone": "America/Sao_Paulo", "locale": "pt-BR"}}).encode()
def post(event):
    raw, ts = body(event), str(int(time.time()))
    signature = "sha256=" + hmac.new(secret, ts.encode() + b"." + raw, hashlib.sha256).hexdigest()
    request = urllib.request.Request(base + "/webhooks/booking", data=raw, method="POST", headers={
        "Content-Type": "application/json", "X-Nurture-Timestamp": ts, "X-Nurture-Signature": signature})
    started = time.time()
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            status, retry = response.status, response.headers.get("Retry-After")
    except urllib.error.HTTPError as error:
        status, retry = error.code, error.headers.get("Retry-After")
    except Exception:
        status, retry = -1, None
    return status, retry, int((time.time() - started) * 1000)
def work():
    while True:
        with lock:
            i = state["next"]; state["next"] += 1
            if i >= total or (ids is None and state["refusedInARow"] >= 300):
                return
        event = ids[i] if ids is not None else f"full-{i}"
        status, retry, millis = post(event)
        with lock:
            state["refusedInARow"] = 0 if 200 <= status < 300 else state["refusedInARow"] + 1
            out.write(f"{event} {status} {retry} {millis}\n"); out.flush()
threads = [threading.Thread(target=work) for _ in range(4)]
[t.start() for t in threads]; [t.join() for t in threads]
EOF

echo "service on port $PORT, data on a ${SIZE_MB} MB tmpfs at $MNT; health$(health)"
touch "$OUT/first.txt"
python3 "$OUT/send.py" "http://localhost:$PORT" $SECRET "$MAX_EVENTS" "$OUT/first.txt" &
SENDER=$!
while kill -0 $SENDER 2>/dev/null; do
  echo "  $(date +%T) disk used $(df -m "$MNT" | awk 'NR==2 {print $3 "/" $2}') MB, $(wc -l <"$OUT/first.txt") sent; health$(health)"
  sleep 10
done
echo "answers while filling: $(awk '{print $2}' "$OUT/first.txt" | sort | uniq -c | tr -s ' \n' ' ')"
echo "Retry-After on 503: $(awk '$2 == 503 {print $3}' "$OUT/first.txt" | sort | uniq -c | tr -s ' \n' ' ')"
echo "service log: $(wc -c <"$OUT/service.log") bytes; PANIC lines: $(grep -c PANIC "$OUT/service.log" || true)"
echo "disk full, health$(health)"

mount -o "remount,size=$((SIZE_MB * 2))m" "$MNT"
sleep 15
echo "disk grown to $((SIZE_MB * 2)) MB, health$(health)"
awk '$2 < 200 || $2 >= 300 {print $1}' "$OUT/first.txt" >"$OUT/refused-ids.txt"
python3 "$OUT/send.py" "http://localhost:$PORT" $SECRET "$OUT/refused-ids.txt" "$OUT/again.txt"
echo "the $(wc -l <"$OUT/refused-ids.txt") refused sent again: $(awk '{print $2}' "$OUT/again.txt" | sort | uniq -c | tr -s ' \n' ' ')"

export PGPASSWORD; PGPASSWORD=$(cat "$DATA/postgres-password")
PG_PORT=$(sed -n 4p "$DATA/postgres/postmaster.pid")
psql -h localhost -p "$PG_PORT" -U postgres -tAc "select event_id from webhook_events" | sort >"$OUT/stored.txt"
cat "$OUT/first.txt" "$OUT/again.txt" | awk '$2 >= 200 && $2 < 300 {print $1}' | sort -u >"$OUT/accepted.txt"
echo "accepted $(wc -l <"$OUT/accepted.txt"), stored $(wc -l <"$OUT/stored.txt"), accepted but not stored:" \
  "$(comm -23 "$OUT/accepted.txt" "$OUT/stored.txt" | wc -l)"
psql -h localhost -p "$PG_PORT" -U postgres -tAc \
  "select 'contacts ' || count(*) || ', database ' || pg_size_pretty(pg_database_size('postgres')) from contacts"
echo "pg_wal: $(du -sm "$DATA/postgres/pg_wal" | cut -f1) MB"
