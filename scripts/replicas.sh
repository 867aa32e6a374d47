#!/usr/bin/env bash
# Read replicas behind nginx, on loopback: one ingesting node publishes index snapshots
# into a shared index folder, two replicas (guifan serve -no-ingest) serve them and pick
# up each new snapshot, nginx balances between them. While a load runs through nginx the
# ingester publishes a new snapshot; the script fails if any request failed.
#   usage: scripts/replicas.sh [seconds of load, default 20]
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-20}
scripts/install-deps.sh
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; [ -f "$work/run/nginx.pid" ] && kill "$(cat "$work/run/nginx.pid")" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT
mkdir -p "$work/run" "$work/library"
go build -o "$work/guifan" ./cmd/guifan
cp -r library/laws "$work/library/"
idx="$work/index"
echo "== ingesting node: first snapshot"
"$work/guifan" ingest -library "$work/library" -index "$idx" | sed -n 1,3p

port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
PORT_A=$(port); PORT_B=$(port); PORT_LB=$(port)
for p in $PORT_A $PORT_B; do
  "$work/guifan" serve -no-ingest -reload 500ms -addr "127.0.0.1:$p" -index "$idx" -log json >"$work/run/replica-$p.log" 2>&1 &
done
RUN="$work/run" PORT_A=$PORT_A PORT_B=$PORT_B PORT_LB=$PORT_LB envsubst '${RUN} ${PORT_A} ${PORT_B} ${PORT_LB}' <deploy/nginx.conf.tmpl >"$work/run/nginx.conf"
nginx=$(command -v nginx || echo /usr/sbin/nginx)
"$nginx" -c "$work/run/nginx.conf" -p "$work/run"
for p in $PORT_A $PORT_B $PORT_LB; do
  for _ in $(seq 100); do curl -fs "http://127.0.0.1:$p/readyz" >/dev/null && break; sleep 0.1; done
done
first=$(curl -fs "http://127.0.0.1:$PORT_LB/readyz")
echo "== through nginx: $first"

echo "== load through nginx for ${secs}s while the ingesting node publishes a new snapshot"
cat >"$work/run/mix.lua" <<'LUA'
local paths = {
  "/api/search?q=%E5%85%AC%E5%8F%B8%E6%B3%95",            -- 公司法
  "/api/search?q=%E5%A4%B1%E4%B8%9A%E9%87%91",            -- 失业金
  "/api/search?q=%E7%A4%BE%E4%BC%9A%E4%BF%9D%E9%99%A9&status=%E7%8E%B0%E8%A1%8C%E6%9C%89%E6%95%88",
  "/api/validity?q=%E5%85%AC%E5%8F%B8%E6%B3%95",
  "/readyz",
}
local i = 0
request = function() i = i + 1; return wrk.format("GET", paths[(i % #paths) + 1]) end
done = function(summary, latency, requests)
  io.write(string.format("wrk: requests=%d non2xx=%d errors(connect=%d read=%d write=%d timeout=%d) p50=%.2fms p99=%.2fms\n",
    summary.requests, summary.errors.status, summary.errors.connect, summary.errors.read, summary.errors.write,
    summary.errors.timeout, latency:percentile(50)/1000, latency:percentile(99)/1000))
end
LUA
wrk -t2 -c16 -d"${secs}s" -s "$work/run/mix.lua" "http://127.0.0.1:$PORT_LB" >"$work/run/wrk.out" 2>&1 &
wrkpid=$!
sleep 2
echo "人力资源和社会保障 补充文件" >"$work/library/新增通知.txt"
"$work/guifan" ingest -library "$work/library" -index "$idx" | sed -n 1,2p
wait $wrkpid
cat "$work/run/wrk.out" | tail -3
second=$(curl -fs "http://127.0.0.1:$PORT_LB/readyz")
echo "== after publishing: $second"
for p in $PORT_A $PORT_B; do
  echo "   replica :$p serves $(curl -fs "http://127.0.0.1:$p/readyz" | python3 -c 'import json,sys; print(json.load(sys.stdin)["snapshot"])')"
done
line=$(grep '^wrk:' "$work/run/wrk.out")
non2xx=$(echo "$line" | sed -E 's/.*non2xx=([0-9]+).*/\1/')
errs=$(echo "$line" | sed -E 's/.*connect=([0-9]+) read=([0-9]+) write=([0-9]+) timeout=([0-9]+).*/\1 \2 \3 \4/' | awk '{print $1+$2+$3+$4}')
if [ "$first" = "$second" ]; then echo "FAIL: the new snapshot was not picked up"; exit 1; fi
if [ "$non2xx" != "0" ] || [ "$errs" != "0" ]; then echo "FAIL: $non2xx non-2xx answers, $errs socket errors"; exit 1; fi
echo "OK: no failed request while a new snapshot was published"
