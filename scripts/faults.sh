#!/usr/bin/env bash
# Fault tests on the real binary: a kill -9 in the middle of an ingest, a full disk
# during an ingest, a corrupt index folder at start-up. Each must leave the service
# serving the last good snapshot (or failing with a clear message), and no library file
# may change. Prints one line per check; exits non-zero on the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
cleanup() {
  kill $(jobs -p) 2>/dev/null || true
  wait 2>/dev/null || true
  mountpoint -q "$work/small" 2>/dev/null && umount "$work/small" || true
  rm -rf "$work"
}
trap cleanup EXIT
go build -o "$work/guifan" ./cmd/guifan
g="$work/guifan"
lib="$work/library"; idx="$work/index"
mkdir -p "$lib"
cp -r library/laws library/seeds "$lib/"
sums() { (cd "$lib" && find . -type f -print0 | sort -z | xargs -0 sha256sum); }
before=$(sums)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
ok() { echo "ok   $*"; }
fail() { echo "FAIL $*"; exit 1; }

"$g" ingest -library "$lib" -index "$idx" >/dev/null
good=$(cat "$idx/CURRENT")
"$g" serve -no-ingest -reload 300ms -addr "127.0.0.1:$port" -index "$idx" >"$work/serve.log" 2>&1 &
for _ in $(seq 100); do curl -fs "127.0.0.1:$port/readyz" >/dev/null && break; sleep 0.1; done
q="127.0.0.1:$port/api/search?q=%E5%85%AC%E5%8F%B8%E6%B3%95"
curl -fs "$q" | grep '"total"' >/dev/null || fail "search before faults"

# 1. kill -9 during an ingest, at several points.
for delay in 0.5 1.5 3; do
  "$g" ingest -force -library "$lib" -index "$idx" >/dev/null 2>&1 &
  pid=$!
  sleep "$delay"
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  [ "$(cat "$idx/CURRENT")" = "$good" ] || [ -d "$idx/snapshots/$(cat "$idx/CURRENT")/fulltext" ] || fail "kill -9 after ${delay}s left CURRENT pointing nowhere"
  curl -fs "$q" | grep '"total":[1-9]' >/dev/null || fail "search after kill -9 at ${delay}s"
done
ok "kill -9 during ingest (after 0.5 s, 1.5 s, 3 s): published snapshot intact, searches answered"
"$g" ingest -library "$lib" -index "$idx" >/dev/null || fail "ingest after kills (stale lock or debris?)"
ok "ingest after the kills succeeds (no stale lock)"

# 2. disk full during an ingest: an index folder on a small tmpfs.
mkdir -p "$work/small"
if mount -t tmpfs -o size=24m tmpfs "$work/small" 2>/dev/null; then
  small="$work/small/index"
  mkdir -p "$work/tiny"; cp library/seeds/*.txt "$work/tiny/"
  "$g" ingest -library "$work/tiny" -index "$small" >/dev/null || fail "small ingest on tmpfs"
  tiny=$(cat "$small/CURRENT")
  cp -r library/laws "$work/tiny/"
  if out=$("$g" ingest -library "$work/tiny" -index "$small" 2>&1); then fail "ingest into a full disk reported success"; fi
  echo "$out" | grep -i "no space left" >/dev/null || fail "disk-full error is not clear: $out"
  [ "$(cat "$small/CURRENT")" = "$tiny" ] || fail "disk full changed CURRENT"
  [ "$(ls "$small/snapshots" | wc -l)" = 1 ] || fail "disk full left a partial snapshot behind"
  "$g" check -index "$small" -asof 2022-12-01 抚县政公领发〔2022〕3号 | grep 现行有效 >/dev/null || fail "index unusable after disk full"
  ok "disk full during ingest: clear error ($(echo "$out" | grep -oi 'no space left on device' | sed -n 1p)), snapshot unchanged, debris removed"
  umount "$work/small"
else
  echo "skip disk-full check: cannot mount a tmpfs here (needs root)"
fi

# 3. a corrupt current snapshot at start-up: the previous snapshot is served.
cp library/seeds/*.txt "$lib/added-notice.txt"
before=$(sums)
"$g" ingest -library "$lib" -index "$idx" >/dev/null
newest=$(cat "$idx/CURRENT")
printf 'garbage' >"$idx/snapshots/$newest/manifest.gob.gz"
port2=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
"$g" serve -no-ingest -addr "127.0.0.1:$port2" -index "$idx" >"$work/serve2.log" 2>&1 &
for _ in $(seq 100); do curl -fs "127.0.0.1:$port2/readyz" >/dev/null && break; sleep 0.1; done
serving=$(curl -fs "127.0.0.1:$port2/readyz" | python3 -c 'import json,sys; print(json.load(sys.stdin)["snapshot"])')
[ "$serving" != "$newest" ] || fail "served the corrupt snapshot"
grep -q "current snapshot unreadable; serving an older one" "$work/serve2.log" || fail "no clear log line about the corrupt snapshot"
ok "corrupt current snapshot at start-up: serving $serving, logged why"

# 4. nothing readable at all: a clear message, not a crash.
broken="$work/broken"; mkdir -p "$broken"; echo "../../etc" >"$broken/CURRENT"
if out=$("$g" check -index "$broken" 公司法 2>&1); then fail "check on a broken index folder succeeded"; fi
echo "$out" | grep "CURRENT is corrupt" >/dev/null || fail "unclear message for a broken index folder: $out"
ok "broken index folder: clear message ($out)"

[ "$(sums)" = "$before" ] || fail "a library file changed"
ok "no library file was modified"
