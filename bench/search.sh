#!/usr/bin/env bash
# Search benchmark: builds a synthetic archive of COUNT op-eds (« Tribune synthétique n° N ») in its own data
# directory, shared with bench/run.sh, indexes it (timed), starts the archive on it, and measures /recherche with wrk for the queries in
# bench/queries.txt: one connection (single user), then 50 connections. It does so twice: with the results
# cache off (every search runs against the index) and on (the default).
#
#   bench/search.sh 100000        # needs wrk: apt-get install wrk
#
# Environment: PORT (default 8089), DURATION of each wrk run (default 20s), WARMUP (default 90s).
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-10000}
port=${PORT:-8089}
duration=${DURATION:-20s}
data="target/bench-$count"

command -v wrk > /dev/null || { echo "wrk is needed: apt-get install wrk"; exit 1; }

./mvnw -B -q -DskipTests package
echo "== synthetic archive of $count op-eds in $data"
./mvnw -B -q exec:java -Dexec.classpathScope=test -Dexec.mainClass=fr.tribunes.benchmark.SyntheticArchive \
  -Dexec.args="$data $count" 2>&1 | grep -E '^(generated|indexed|index already|.*already holds|.*delete the directory)'

server=
stop() { if [ -n "$server" ]; then kill "$server" 2> /dev/null || true; wait "$server" 2> /dev/null || true; fi; server=; }
trap stop EXIT

measure() { # $1: results cache, in MB (0: off)
  java -Xmx2g -jar target/tribunes-*.jar --tribunes.data-dir="$data" --server.port="$port" \
    --tribunes.search.cache-mb="$1" > "$data/server.log" 2>&1 &
  server=$!
  for _ in $(seq 1 120); do curl -fs -o /dev/null "http://localhost:$port/" && break; sleep 1; done
  grep -o 'Started TribunesApplication in [0-9.]* seconds' "$data/server.log" || true
  # Warm-up: the JIT needs thousands of searches before Lucene runs at full speed.
  wrk -t2 -c4 -d"${WARMUP:-90s}" -s bench/search.lua "http://localhost:$port" > /dev/null
  echo "-- single user (1 connection, $duration)"
  wrk -t1 -c1 -d"$duration" -s bench/search.lua "http://localhost:$port" | tail -2
  echo "-- 50 concurrent users (50 connections, $duration)"
  wrk -t2 -c50 -d"$duration" -s bench/search.lua "http://localhost:$port" | tail -2
  stop
}

echo "== results cache off: every search runs against the index"
measure 0
echo "== results cache on (default)"
measure 64
