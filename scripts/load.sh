#!/usr/bin/env bash
# Load test on loopback: wrk sends a mix of searches and document pages, first with the
# service idle, then while an ingest (at low CPU priority, as operators run it) rebuilds
# and publishes a new snapshot. Reports throughput, latency percentiles, errors and the
# server's memory; fails on any error, or when the p99 under ingest exceeds twice the idle p99.
#   usage: scripts/load.sh [seconds per phase, default 20]
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-20}
scripts/install-deps.sh
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT
go build -o "$work/guifan" ./cmd/guifan
g="$work/guifan"
mkdir -p "$work/library"
cp -r library/laws library/seeds "$work/library/"
"$g" ingest -library "$work/library" -index "$work/index" >/dev/null
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
"$g" serve -no-ingest -reload 500ms -addr "127.0.0.1:$port" -index "$work/index" -log json >"$work/serve.log" 2>&1 &
spid=$!
for _ in $(seq 100); do curl -fs "127.0.0.1:$port/readyz" >/dev/null && break; sleep 0.1; done
work_id=$(curl -fs "127.0.0.1:$port/api/search?q=%E5%8A%B3%E5%8A%A8%E5%90%88%E5%90%8C%E6%B3%95&size=1" | python3 -c 'import json,sys,urllib.parse; print(urllib.parse.quote(json.load(sys.stdin)["hits"][0]["work_id"], safe=""))')
cat >"$work/mix.lua" <<LUA
local paths = {
  "/api/search?q=%E7%A4%BE%E4%BC%9A%E4%BF%9D%E9%99%A9",                 -- 社会保险
  "/api/search?q=%E5%A4%B1%E4%B8%9A%E9%87%91%E6%80%8E%E4%B9%88%E9%A2%86", -- 失业金怎么领
  "/api/search?q=%E5%85%AC%E5%8F%B8%E6%B3%95&asof=2020-01-01",          -- 公司法 as of 2020
  "/api/search?status=%E7%8E%B0%E8%A1%8C%E6%9C%89%E6%95%88&level=%E6%B3%95%E5%BE%8B",
  "/search?q=%E5%8C%BB%E4%BF%9D",                                        -- 医保 (page)
  "/works/$work_id",                                                     -- a document page
  "/api/works/$work_id",
  "/api/validity?q=%E5%85%AC%E5%8F%B8%E6%B3%95",
}
local i = 0
request = function() i = i + 1; return wrk.format("GET", paths[(i % #paths) + 1]) end
done = function(s, latency, requests)
  io.write(string.format("RESULT requests=%d rps=%.0f errors=%d p50=%.2f p95=%.2f p99=%.2f max=%.2f\n",
    s.requests, s.requests / (s.duration / 1e6), s.errors.status + s.errors.connect + s.errors.read + s.errors.write + s.errors.timeout,
    latency:percentile(50)/1000, latency:percentile(95)/1000, latency:percentile(99)/1000, latency.max/1000))
end
LUA
rss() { awk '/VmRSS|VmHWM/ {printf "%s %d MB  ", $1, $2/1024}' "/proc/$spid/status"; }
phase() { wrk -t2 -c8 -d"${secs}s" -s "$work/mix.lua" "http://127.0.0.1:$port" | grep '^RESULT'; }
echo "== idle ($secs s, 8 connections)"
idle=$(phase); echo "$idle"; echo "   server memory: $(rss)"
echo "== while an ingest rebuilds the index (nice 19, one CPU) and publishes it"
before=$(cat "$work/index/CURRENT")
( GOMAXPROCS=1 nice -n 19 "$g" ingest -force -library "$work/library" -index "$work/index" >"$work/ingest.out" 2>&1; echo "ingest exit $?" >>"$work/ingest.out" ) &
ipid=$!
cp library/seeds/*.txt "$work/library/added.txt"   # a real change, so a snapshot is published
busy=$(phase); echo "$busy"; echo "   server memory: $(rss)"
wait $ipid || true
tail -1 "$work/ingest.out"
sleep 1
after=$(curl -fs "127.0.0.1:$port/readyz" | python3 -c 'import json,sys; print(json.load(sys.stdin)["snapshot"])')
echo "   snapshot before: $before, serving after: $after"
get() { echo "$1" | sed -E "s/.* $2=([0-9.]+).*/\1/"; }
e1=$(get "$idle" errors); e2=$(get "$busy" errors); p1=$(get "$idle" p99); p2=$(get "$busy" p99)
python3 - "$e1" "$e2" "$p1" "$p2" <<'PY'
import sys
e1, e2, p1, p2 = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
ratio = p2 / p1 if p1 else float("inf")
print(f"== errors idle {e1}, under ingest {e2}; p99 idle {p1:.2f} ms, under ingest {p2:.2f} ms ({ratio:.2f}x)")
if e1 or e2:
    sys.exit("FAIL: requests failed")
if ratio > 2:
    sys.exit("FAIL: p99 under ingest is more than twice the idle p99")
print("OK")
PY
