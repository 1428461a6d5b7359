#!/usr/bin/env bash
# Performance benchmark (issue 8): builds the jar, builds a synthetic archive of COUNT op-eds in its own data
# directory (target/bench-COUNT) through the application's own code, starts the application on it with -Xmx256m,
# and measures with wrk (2 threads, 50 connections) an op-ed page, the same answered 304, the home page, the
# biggest theme's first and 500th page, the most prolific author's page, searches and the site's feed; and, in
# the same run, nginx serving a static copy of the op-ed page: the ceiling of this machine. Prints one table:
# requests per second, p50 and p99 latency, responses that were not 2xx or 3xx, the ratio to nginx, the issue's
# target and whether it is met; then the start-up time and the JVM's peak resident memory.
#
#   bench/run.sh            # 100,000 op-eds (building the archive the first time takes a while)
#   bench/run.sh --quick    # 10,000 op-eds; or bench/run.sh 25000
#
# Needs wrk, nginx and curl (apt-get install wrk nginx-light curl). Environment: DURATION of each measure
# (default 20s), WARMUP before each (default 10s), THREADS (2) and CONNECTIONS (50), PORT (8089) and NGINX_PORT
# (8090), TIMEOUT of a request (10s), JVM_OPTS (the JVM's options, see below), APP_ARGS (more arguments for the application, e.g.
# --tribunes.search.cache-mb=0), FRESH=1 to build the archive again from nothing. The logs and wrk's own outputs stay in target/bench-COUNT/run/.
set -euo pipefail
cd "$(dirname "$0")/.."

case "${1:-}" in
  "") count=100000 ;;
  --quick) count=10000 ;;
  *[!0-9]* | 0) echo "usage: bench/run.sh [--quick | COUNT]" >&2; exit 2 ;;
  *) count=$1 ;;
esac
port=${PORT:-8089}
nginx_port=${NGINX_PORT:-8090}
duration=${DURATION:-20s}
warmup=${WARMUP:-10s}
threads=${THREADS:-2}
connections=${CONNECTIONS:-50}
# wrk leaves a response slower than this out of the latencies and counts it as a socket error (timeout).
timeout=${TIMEOUT:-10s}
data="target/bench-$count"
run="$data/run"

# shellcheck source=bench/lib.sh
. bench/lib.sh
need wrk wrk
need nginx nginx-light
need curl curl
nginx=$(command -v nginx || echo /usr/sbin/nginx)
for p in "$port" "$nginx_port"; do
  if curl -s -o /dev/null "http://127.0.0.1:$p/"; then
    echo "port $p is already taken: set PORT or NGINX_PORT" >&2
    exit 1
  fi
done

if [ "${FRESH:-0}" = 1 ]; then rm -rf "$data"; fi
build_jar
build_archive "$count" "$data"

rm -rf "$run"
mkdir -p "$run/nginx/tmp"
# The static copy lives where nginx's workers can read it, even when they run as another user (started by root).
www=$(mktemp -d "${TMPDIR:-/tmp}/tribunes-bench.XXXXXX")
chmod 755 "$www"
app=
nginx_pid=
stop() {
  for pid in $app $nginx_pid; do
    kill "$pid" 2> /dev/null || true
    wait "$pid" 2> /dev/null || true
  done
  app=
  nginx_pid=
  rm -rf "$www"
}
trap stop EXIT
trap 'exit 130' INT TERM

# The JVM as deploy/README.md and the Dockerfile run it on a small machine: the heap the issue gives (-Xmx256m),
# started small; the serial collector, whose bookkeeping is a few MB where G1's is ~45 MB at this size; a young
# generation of 32 MB; smaller thread stacks and code cache; the C library's memory returned every few seconds; two
# malloc arenas instead of eight per core. Measured: G1 and glibc's defaults put the same run ~50 MB higher.
jvm_opts=${JVM_OPTS:--Xmx256m -Xms64m -Xmn32m -XX:+UseSerialGC -Xss512k -XX:ReservedCodeCacheSize=64m -XX:+UnlockExperimentalVMOptions -XX:TrimNativeHeapInterval=5000}
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
# Class data sharing, as Spring Boot documents it: the jar extracted, the classes a start loads written once to an
# archive by a training run that stops once the application is ready, then mapped at every start rather than read
# and verified again (a third less start-up time, measured). Done again whenever the jar changes.
jar=$(ls target/tribunes-*.jar)
cds=target/cds
if [ ! -f "$cds/app.jsa" ] || [ "$jar" -nt "$cds/app.jsa" ]; then
  echo "== class data sharing archive for $jar (training run)"
  rm -rf "$cds"
  java -Djarmode=tools -jar "$jar" extract --destination "$cds/app" > /dev/null
  # shellcheck disable=SC2086
  java $jvm_opts -XX:ArchiveClassesAtExit="$cds/app.jsa" -Dspring.context.exit=onRefresh -jar "$cds/app/$(basename "$jar")" \
    --tribunes.data-dir="$cds/training" --server.port=0 > "$cds/training.log" 2>&1 \
    || { echo "the training run failed; see $cds/training.log" >&2; exit 1; }
fi
echo "== starting the application ($jvm_opts) on the archive already built: a restart"
began=$(date +%s%N)
# shellcheck disable=SC2086
java $jvm_opts -XX:SharedArchiveFile="$cds/app.jsa" -jar "$cds/app/$(basename "$jar")" --tribunes.data-dir="$data" --server.port="$port" ${APP_ARGS:-} \
  > "$run/app.log" 2>&1 &
app=$!
base="http://127.0.0.1:$port"
until curl -fs -o /dev/null "$base/"; do
  if ! kill -0 "$app" 2> /dev/null; then
    echo "the application stopped; see $run/app.log" >&2
    exit 1
  fi
  if [ $(($(date +%s%N) - began)) -gt 300000000000 ]; then
    echo "the application did not answer within 5 minutes; see $run/app.log" >&2
    exit 1
  fi
  sleep 0.2
done
first_page=$(awk -v ns=$(($(date +%s%N) - began)) 'BEGIN { printf "%.1f", ns / 1e9 }')
started=$(grep -o 'Started TribunesApplication in [0-9.]* seconds' "$run/app.log" | awk '{ print $4 }')
# The search index is checked after "Started" (by an ApplicationRunner): when it is being rebuilt, measure after.
if grep -q 'rebuilding it' "$run/app.log"; then
  reindexed=yes
  until grep -q 'Search index rebuilt' "$run/app.log"; do sleep 1; done
else
  reindexed=no
fi

gzip=(-H 'Accept-Encoding: gzip')
op_ed="/tribunes/$OP_ED"
theme_pages=$(((THEME_OP_EDS + 19) / 20))
deep=$((theme_pages < 500 ? theme_pages : 500))
etag=$(curl -fsS "${gzip[@]}" -D - -o /dev/null "$base$op_ed" | tr -d '\r' | awk 'tolower($1) == "etag:" { print $2 }')
status=$(curl -s "${gzip[@]}" -H "If-None-Match: $etag" -o /dev/null -w '%{http_code}' "$base$op_ed")
[ "$status" = 304 ] || echo "warning: If-None-Match: $etag answered $status, not 304" >&2

# nginx on loopback, its own configuration, pid and logs in $run/nginx: the same op-ed page, as a static file.
curl -fsS -o "$www/tribune.html" "$base$op_ed"
gzip -9 -k "$www/tribune.html"
chmod 644 "$www"/*
here=$(cd "$run/nginx" && pwd)
cat > "$run/nginx/nginx.conf" << EOF
worker_processes auto;
daemon off;
pid $here/nginx.pid;
error_log $here/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  tcp_nodelay on;
  keepalive_timeout 65s;
  keepalive_requests 1000000;
  gzip_static on;
  client_body_temp_path $here/tmp/body;
  proxy_temp_path $here/tmp/proxy;
  fastcgi_temp_path $here/tmp/fastcgi;
  uwsgi_temp_path $here/tmp/uwsgi;
  scgi_temp_path $here/tmp/scgi;
  types { text/html html; }
  server {
    listen 127.0.0.1:$nginx_port;
    root $www;
  }
}
EOF
"$nginx" -p "$here" -e "$here/error.log" -c "$here/nginx.conf" &
nginx_pid=$!
until curl -fs -o /dev/null "http://127.0.0.1:$nginx_port/tribune.html"; do
  kill -0 "$nginx_pid" 2> /dev/null || { echo "nginx did not start; see $here/error.log" >&2; exit 1; }
  sleep 0.2
done

# Requests wrk abandons at the end of a run are still served, and a slow page can leave minutes of them: wait until
# the application has used less than a tenth of a core for two seconds in a row (at most 5 minutes), so that one
# measure's backlog does not slow the next.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$app/stat"; }
idle() {
  local quiet=0 before after
  before=$(cpu_ticks)
  for _ in $(seq 1 300); do
    sleep 1
    after=$(cpu_ticks)
    if [ $((after - before)) -lt $(($(getconf CLK_TCK) / 10)) ]; then
      quiet=$((quiet + 1))
      [ "$quiet" -ge 2 ] && return
    else
      quiet=0
    fi
    before=$after
  done
  echo "   (still busy after 5 minutes: measuring anyway)" >&2
}

# One wrk run per target, after a warm-up; prints "req/s p50-ms p99-ms non-2xx/3xx socket-errors".
measure() { # name url [wrk options...]
  local name=$1 url=$2
  shift 2
  echo "-- $name: $url" >&2
  idle
  wrk -t2 -c10 -d"$warmup" --timeout "$timeout" "${gzip[@]}" "$@" "$url" > /dev/null
  wrk -t"$threads" -c"$connections" -d"$duration" --timeout "$timeout" --latency "${gzip[@]}" "$@" "$url" \
    > "$run/wrk-$name.txt"
  awk '
    function ms(v) {
      if (v ~ /us$/) return substr(v, 1, length(v) - 2) / 1000
      if (v ~ /ms$/) return substr(v, 1, length(v) - 2) + 0
      if (v ~ /s$/) return substr(v, 1, length(v) - 1) * 1000
      if (v ~ /m$/) return substr(v, 1, length(v) - 1) * 60000
      return v + 0
    }
    $1 == "50%" { p50 = ms($2) }
    $1 == "99%" { p99 = ms($2) }
    / requests in / { requests = $1 }
    /^Requests\/sec:/ { rps = $2 }
    /Non-2xx or 3xx responses:/ { bad = $NF }
    /Socket errors:/ { errors = $4 + $6 + $8 + $10 }
    # No answer within the measure, or only later than TIMEOUT (which wrk leaves out of its latencies): no latency
    # to show (wrk then shows zeros).
    END {
      if (requests > 0 && p99 > 0) printf "%.0f %.1f %.1f %d %d\n", rps, p50, p99, bad, errors
      else printf "%.0f - - %d %d\n", rps, bad, errors
    }' "$run/wrk-$name.txt"
}

echo "== measuring: $threads threads, $connections connections, $duration each after $warmup of warm-up"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
read -r n_rps n_p50 n_p99 n_bad n_err <<< "$(measure nginx "http://127.0.0.1:$nginx_port/tribune.html")"
results=()
add() { # label, target text, check (awk condition on rps p50 p99 bad err ratio n p1), wrk name, url, options...
  local label=$1 target=$2 check=$3 name=$4 url=$5
  shift 5
  local rps p50 p99 bad err
  read -r rps p50 p99 bad err <<< "$(measure "$name" "$url" "$@")"
  results+=("$label|$rps|$p50|$p99|$bad|$err|$target|$check")
  [ "$name" = theme-1 ] && theme_one=$rps
  return 0
}
theme_one=0
add "op-ed page" "≥ 25 % of nginx, p99 ≤ 25 ms" "ratio >= 25 && p99 <= 25" op-ed "$base$op_ed"
add "op-ed page, 304" "≥ 40 % of nginx" "ratio >= 40" op-ed-304 "$base$op_ed" -H "If-None-Match: $etag"
add "home page" "≥ 10 % of nginx, p99 ≤ 50 ms" "ratio >= 10 && p99 <= 50" home "$base/"
add "theme page 1" "≥ 10 % of nginx, p99 ≤ 50 ms" "ratio >= 10 && p99 <= 50" theme-1 "$base/themes/$THEME"
add "theme page $deep of $theme_pages" "≥ 10 %, p99 ≤ 50 ms, ≥ 90 % of page 1" \
  "ratio >= 10 && p99 <= 50 && rps >= 0.9 * p1" theme-deep "$base/themes/$THEME?page=$deep"
add "author page" "≥ 10 % of nginx, p99 ≤ 50 ms" "ratio >= 10 && p99 <= 50" author "$base/auteurs/$AUTHOR"
add "search (bench/queries.txt)" "≥ 1,000 req/s, p99 ≤ 100 ms" "rps >= 1000 && p99 <= 100" search "$base" \
  -s bench/search.lua
add "feed /flux.atom" "(none)" "1" feed "$base/flux.atom"
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

# What a page costs when it is not in the page cache (after an edit, or one nobody asked for lately): a request
# carrying a session cookie is always rendered (an unknown session id opens no session); the median of 5, alone.
render_ms() { # url
  for _ in 1 2 3 4 5; do
    curl -s -o /dev/null "${gzip[@]}" -H 'Cookie: JSESSIONID=bench' -w '%{time_total}\n' "$1"
  done | sort -n | awk 'NR == 3 { printf "%.0f", $1 * 1000 }'
}
idle
rendered="op-ed $(render_ms "$base$op_ed") ms, home $(render_ms "$base/") ms"
rendered+=", theme page 1 $(render_ms "$base/themes/$THEME") ms, page $deep $(render_ms "$base/themes/$THEME?page=$deep") ms"
rendered+=", author $(render_ms "$base/auteurs/$AUTHOR") ms, feed $(render_ms "$base/flux.atom") ms"

peak=$(awk '/^VmHWM:/ { printf "%d", $2 / 1024 }' "/proc/$app/status")
# What the resident memory is made of, at the end: the JVM's own (heap, metaspace, code, threads) and mapped files
# (Lucene's index, jars).
resident=$(awk '/^(RssAnon|RssFile):/ { printf "%s%s %d MB", sep, $1, $2 / 1024; sep = ", " }' "/proc/$app/status")
ooms=$(grep -c 'OutOfMemoryError' "$run/app.log" || true)
stop

verdict() { # awk condition [name=value...]
  local condition=$1
  shift
  local assignments=()
  for a in "$@"; do assignments+=(-v "$a"); done
  if awk "${assignments[@]}" "BEGIN { exit !($condition) }"; then echo "✓"; else echo "✗"; fi
}
{
  echo
  echo "Tribunes, $count op-eds ($OP_EDS in the archive), $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src pom.xml || echo '+changes'), $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "$(nproc) cores; load average $load_before before, $load_after after; wrk: $threads threads, $connections connections, $duration each (timeout $timeout), Accept-Encoding: gzip"
  echo
  # Text with ≥, ≤ or ✓ last on each line: printf pads by bytes, not characters.
  row() { printf '%-34s %9s %8s %8s %11s %9s %8s  %s  %s\n' "$@"; }
  row target req/s "p50 ms" "p99 ms" non-2xx/3xx sock.err "% nginx" " " "issue's target"
  row "nginx, static copy of the op-ed" "$n_rps" "$n_p50" "$n_p99" "$n_bad" "$n_err" 100 " " "the machine's ceiling"
  for result in "${results[@]}"; do
    IFS='|' read -r label rps p50 p99 bad err target check <<< "$result"
    ratio=$(awk -v a="$rps" -v b="$n_rps" 'BEGIN { printf "%.1f", (b > 0 ? 100 * a / b : 0) }')
    ok=$(verdict "($check) && rps > 0 && bad == 0 && err == 0" rps="$rps" p50="$p50" p99="$p99" bad="$bad" err="$err" \
      ratio="$ratio" p1="$theme_one")
    row "$label" "$rps" "$p50" "$p99" "$bad" "$err" "$ratio" "$ok" "$target"
  done
  echo
  line() { printf '%-34s %s  %s\n' "$@"; }
  line "start-up (restart, archive built)" "$(verdict 's <= 10 && r == "no"' s="${started:-99}" r="$reindexed")" \
    "Started in ${started:-?} s, first page after $first_page s, index rebuilt: $reindexed (target ≤ 10 s, no re-indexing)"
  line "peak resident memory (VmHWM)" "$(verdict 'm <= 450' m="$peak")" \
    "$peak MB with -Xmx256m; at the end $resident (target ≤ 450 MB)"
  line "rendered, not from the page cache" " " "$rendered (median of 5, one at a time)"
  line "OutOfMemoryError in the log" "$(verdict 'n == 0' n="$ooms")" "$ooms (target: none)"
  echo
  echo "Theme: /themes/$THEME ($THEME_OP_EDS op-eds, $theme_pages pages); author: /auteurs/$AUTHOR ($AUTHOR_OP_EDS op-eds)."
  echo "Figures from a machine shared with other work are indicative only: compare runs made on the same machine, alike loaded."
} | tee "$data/results-$(date -u +%Y%m%dT%H%M%SZ).txt"
