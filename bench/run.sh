#!/usr/bin/env bash
# Performance benchmark (issues 8 and 15): builds the jar, builds a synthetic archive of COUNT op-eds in its own data
# directory (target/bench-COUNT) through the application's own code, then runs the application on it with the
# Dockerfile's JVM options (-Xmx256m) twice:
#
#  1. page cache off (--tribunes.page-cache.max-mb=0): what each public page type costs to render, one client at a
#     time (wrk, 1 connection): an op-ed drawn among LONG_TAIL (5,000) taken from the sitemap, the home page, the
#     biggest theme's first and 500th page, the most prolific author, the biggest organisation, the biggest year,
#     the site's and the theme's feeds, the API's list (whole, and a theme's page 50) and an op-ed drawn at random,
#     a sitemap file. It also saves those op-eds' pages, and every theme's and author's, as static files for nginx.
#  2. as deployed (page cache on, in the heap and on disk): wrk (2 threads, 50 connections) on an op-ed page, the same
#     answered 304, the home page, the theme's first and 500th page, the author's page, searches, the site's feed;
#     the long tail: random op-eds among the LONG_TAIL, and random theme and author pages, each after one pass over
#     all its addresses (a crawler walking the sitemap); in the same run, nginx serving the static copy of one op-ed,
#     and the static copies of the same long tails: the machine's ceiling.
#     Then the first request for the home page, the theme and an op-ed just after each of EDITS corrections made
#     through the back office.
#
# Prints one table: requests per second, p50 and p99 latency, answers that were not 2xx or 3xx, socket errors, the
# ratio to nginx, the issues' targets and whether each is met; then the start-up time and the peak resident memory
# over both runs.
#
#   bench/run.sh            # 100,000 op-eds (building the archive the first time takes a few minutes)
#   bench/run.sh --quick    # 10,000 op-eds; or bench/run.sh 25000
#
# Needs wrk, nginx and curl (apt-get install wrk nginx-light curl). Environment: DURATION of each measure
# (default 20s), WARMUP before each (default 10s), RENDER_DURATION of each one-client measure (10s), LONG_TAIL (5000),
# EDITS (5), THREADS (2) and CONNECTIONS (50), PORT (8089) and NGINX_PORT (8090), TIMEOUT of a request (10s), JVM_OPTS
# (the JVM's options, see below), APP_ARGS (more arguments for the application), FRESH=1 to build the archive again
# from nothing. The logs, the collector's logs (gc-*.log), wrk's own outputs and the memory timeline (memory.tsv:
# resident memory each second, with what was being measured) stay in target/bench-COUNT/run/. The corrections are
# made to a synthetic op-ed of the benchmark's own (« Tribune synthétique n° 999999 … (données de test) »), created once.
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
render_duration=${RENDER_DURATION:-10s}
long_tail=${LONG_TAIL:-5000}
edits=${EDITS:-5}
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
# started small; the serial collector, whose bookkeeping is under 1 MB (the parallel one's ~19 MB, G1's ~50 MB at
# this size), with a young generation of 48 MB and the old one grown or shrunk to keep 20-50 % of it free (the
# parallel collector grew it to the whole heap: 568 MB resident); smaller thread stacks and code cache; the C
# library's memory returned every few seconds; two malloc arenas instead of eight per core; the client compiler only
# (C1: on two cores the optimising C2 took CPU from requests and ~80 MB of code, compiler arenas and profiles).
# Its full collections (~120 ms) are rare since renders promote little. Read from the Dockerfile, so that what is
# measured is what is shipped.
dockerfile_jvm
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
# The corrections are made through the back office by an editor of the benchmark's own: the archive's editors are
# removed while it is stopped, so that the first editor is created at start with this password.
java -cp "$(h2_jar)" org.h2.tools.Shell -url "jdbc:h2:file:$(pwd)/$data/tribunes" -user sa -password '' \
  -sql "delete from editor" > /dev/null
editor_name=redaction-mesure
editor_password="mesure-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
base="http://127.0.0.1:$port"
peak=0
peak_phase=

# What the benchmark is doing, for the memory timeline: run/memory.tsv has, each second, the time, the phase and the
# application's resident memory (MB), so that the peak can be told apart from the load that caused it.
phase() { echo "$1" > "$run/phase"; }
sample_memory() { # pid
  local rss
  while rss=$(awk '/^VmRSS:/ { printf "%d", $2 / 1024 }' "/proc/$1/status" 2> /dev/null); do
    printf '%s\t%s\t%s\n' "$(date +%s)" "$(cat "$run/phase")" "$rss" >> "$run/memory.tsv"
    sleep 1
  done
}

# Starts the application on the archive (a restart: the archive is built); sets app, started, reindexed, app_log.
start_app() { # log name, more arguments...
  local name=$1
  app_log="$run/app-$name.log"
  phase "start ($name)"
  shift
  # shellcheck disable=SC2086
  TRIBUNES_ADMIN_USERNAME=$editor_name TRIBUNES_ADMIN_PASSWORD=$editor_password \
    java $jvm_opts -Xlog:gc:file="$run/gc-$name.log" -XX:SharedArchiveFile="$cds/app.jsa" \
    -jar "$cds/app/$(basename "$jar")" --tribunes.data-dir="$data" --server.port="$port" ${APP_ARGS:-} "$@" \
    > "$app_log" 2>&1 &
  app=$!
  sample_memory "$app" &
  wait_for_app "$app" "$base" "$app_log"
  started=$(grep -o 'Started TribunesApplication in [0-9.]* seconds' "$app_log" | awk '{ print $4 }')
  # The search index is checked after "Started" (by an ApplicationRunner): when it is being rebuilt, measure after.
  if grep -q 'rebuilding it' "$app_log"; then
    reindexed=yes
    until grep -q 'Search index rebuilt' "$app_log"; do sleep 1; done
  else
    reindexed=no
  fi
}

# Stops the application, keeping the higher peak resident memory of the runs.
stop_app() {
  local hwm
  hwm=$(awk '/^VmHWM:/ { printf "%d", $2 / 1024 }' "/proc/$app/status")
  if [ "$hwm" -gt "$peak" ]; then
    peak=$hwm
    peak_phase=$(awk -F'\t' '$3 > max { max = $3; phase = $2 } END { print phase }' "$run/memory.tsv")
  fi
  resident=$(awk '/^(RssAnon|RssFile):/ { printf "%s%s %d MB", sep, $1, $2 / 1024; sep = ", " }' "/proc/$app/status")
  kill "$app"
  wait "$app" 2> /dev/null || true
  app=
}

gzip=(-H 'Accept-Encoding: gzip')
op_ed="/tribunes/$OP_ED"
theme_pages=$(((THEME_OP_EDS + 19) / 20))
deep=$((theme_pages < 500 ? theme_pages : 500))

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

# wrk's output as "req/s p50-ms p99-ms non-2xx/3xx socket-errors".
summary() { # wrk output file
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
    }' "$1"
}

# wrk's arguments for a target: a url, or "@file base" for addresses drawn at random from the file
# (bench/random-paths.lua), then more options.
wrk_target() { # url-or-@file [base] [options...]
  if [[ $1 == @* ]]; then
    target=(-s bench/random-paths.lua "$2" "${@:3}" -- "${1#@}")
  else
    target=("$@")
  fi
}

# One wrk run per target, after a warm-up; prints its summary. The warm-up of a long tail is one pass over all its
# addresses, as a crawler walking the sitemap makes: then comes the traffic measured.
measure() { # name url-or-@file [base] [wrk options...]
  local name=$1
  shift
  wrk_target "$@"
  echo "-- $name: $*" >&2
  phase "idle before $name"
  idle
  phase "$name"
  if [[ $1 == @* ]]; then
    xargs -a "${1#@}" -P 10 -I '{}' curl -s -o /dev/null "${gzip[@]}" "$2{}"
  else
    wrk -t2 -c10 -d"$warmup" --timeout "$timeout" "${gzip[@]}" "${target[@]}" > /dev/null
  fi
  wrk -t"$threads" -c"$connections" -d"$duration" --timeout "$timeout" --latency "${gzip[@]}" "${target[@]}" \
    > "$run/wrk-$name.txt"
  summary "$run/wrk-$name.txt"
}

# What a page costs to render: one request at a time for RENDER_DURATION, after WARMUP of the same on two connections
# (the JIT compiles what the page runs: a server's steady state); prints its summary.
render() { # name url-or-@file [base]
  local name=$1
  shift
  wrk_target "$@"
  echo "-- rendered: $name: $*" >&2
  phase "rendered: $name"
  wrk -t1 -c2 -d"$warmup" --timeout "$timeout" "${gzip[@]}" "${target[@]}" > /dev/null
  wrk -t1 -c1 -d"$render_duration" --timeout "$timeout" --latency "${gzip[@]}" "${target[@]}" \
    > "$run/wrk-rendered-$name.txt"
  summary "$run/wrk-rendered-$name.txt"
}

echo "== 1. page cache off: what each page type costs to render ($jvm_opts)"
start_app rendered --tribunes.page-cache.max-mb=0
rendered_start=$started
# LONG_TAIL op-eds drawn from the sitemap (the same each run: a fixed random source), every theme and author page.
for file in $(curl -fsS "$base/sitemap.xml" | grep -o 'sitemaps/tribunes-[0-9]*\.xml'); do
  curl -fsS "$base/$file" | grep -o '<loc>[^<]*</loc>' | sed 's|<loc>[a-z]*://[^/]*||; s|</loc>||'
done | shuf -n "$long_tail" --random-source=<(yes) > "$run/op-eds.txt"
curl -fsS "$base/sitemaps/pages.xml" | grep -o '<loc>[^<]*</loc>' | sed 's|<loc>[a-z]*://[^/]*||; s|</loc>||' \
  | grep -E '^/(themes|auteurs)/' > "$run/facets.txt"
sed 's|^/tribunes/|/api/tribunes/|' "$run/op-eds.txt" > "$run/api.txt"
echo "   $(wc -l < "$run/op-eds.txt") op-eds, $(wc -l < "$run/facets.txt") theme and author pages"
renders=()
rendered_row() { # label, name, url-or-@file [base]
  local label=$1
  shift
  local rps p50 p99 bad err
  read -r rps p50 p99 bad err <<< "$(render "$@")"
  renders+=("$label|$rps|$p50|$p99|$bad|$err")
}
rendered_row "op-ed (random, $(wc -l < "$run/op-eds.txt"))" op-ed "@$run/op-eds.txt" "$base"
rendered_row "home page" home "$base/"
rendered_row "theme page 1" theme-1 "$base/themes/$THEME"
rendered_row "theme page $deep of $theme_pages" theme-deep "$base/themes/$THEME?page=$deep"
rendered_row "author page" author "$base/auteurs/$AUTHOR"
rendered_row "organisation page" organisation "$base/organisations/$ORGANISATION"
rendered_row "year page ($YEAR)" year "$base/archives/$YEAR"
rendered_row "feed /flux.atom" feed "$base/flux.atom"
rendered_row "theme feed" theme-feed "$base/themes/$THEME/flux.atom"
rendered_row "API list" api-list "$base/api/tribunes"
rendered_row "API list, theme, page 50" api-theme "$base/api/tribunes?theme=$THEME&page=50"
rendered_row "API op-ed (random)" api-op-ed "@$run/api.txt" "$base"
rendered_row "sitemap file" sitemap "$base/sitemaps/tribunes-1.xml"

# nginx's copies: the op-ed page measured, and every page of the long tails, at the same addresses, as rendered.
echo "-- static copies for nginx"
phase "static copies for nginx"
curl -fsS -o "$www/tribune.html" "$base$op_ed"
cat "$run/op-eds.txt" "$run/facets.txt" | while read -r path; do
  mkdir -p "$www$(dirname "$path")"
  curl -fsS -o "$www$path" "$base$path"
done
find "$www" -type f -exec gzip -9 -k {} +
find "$www" -type d -exec chmod 755 {} +
find "$www" -type f -exec chmod 644 {} +
stop_app

echo "== 2. as deployed: page cache on ($jvm_opts)"
start_app served
etag=$(curl -fsS "${gzip[@]}" -D - -o /dev/null "$base$op_ed" | tr -d '\r' | awk 'tolower($1) == "etag:" { print $2 }')
status=$(curl -s "${gzip[@]}" -H "If-None-Match: $etag" -o /dev/null -w '%{http_code}' "$base$op_ed")
[ "$status" = 304 ] || echo "warning: If-None-Match: $etag answered $status, not 304" >&2

# nginx on loopback, its own configuration, pid and logs in $run/nginx: the same pages, as static files.
here=$(cd "$run/nginx" && pwd)
cat > "$run/nginx/nginx.conf" << NGINX
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
  default_type text/html;
  server {
    listen 127.0.0.1:$nginx_port;
    root $www;
  }
}
NGINX
"$nginx" -p "$here" -e "$here/error.log" -c "$here/nginx.conf" &
nginx_pid=$!
until curl -fs -o /dev/null "http://127.0.0.1:$nginx_port/tribune.html"; do
  kill -0 "$nginx_pid" 2> /dev/null || { echo "nginx did not start; see $here/error.log" >&2; exit 1; }
  sleep 0.2
done
nginx_base="http://127.0.0.1:$nginx_port"

echo "== measuring: $threads threads, $connections connections, $duration each after $warmup of warm-up"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
results=()
declare -A ceiling
add() { # label, target text, check (awk condition on rps p50 p99 bad err ratio p1), nginx reference, wrk name, target...
  local label=$1 target_text=$2 check=$3 reference=$4 name=$5
  shift 5
  local rps p50 p99 bad err
  read -r rps p50 p99 bad err <<< "$(measure "$name" "$@")"
  results+=("$label|$rps|$p50|$p99|$bad|$err|$target_text|$check|$reference")
  if [ "$name" = theme-1 ]; then theme_one=$rps; fi
  if [ "$name" = "$reference" ]; then ceiling[$reference]=$rps; fi
  return 0
}
theme_one=0
add "nginx, static copy of the op-ed" "the machine's ceiling" "1" nginx nginx "$nginx_base/tribune.html"
add "nginx, long tail of op-eds" "the machine's ceiling" "1" nginx-tail nginx-tail "@$run/op-eds.txt" "$nginx_base"
add "nginx, theme and author pages" "the machine's ceiling" "1" nginx-facets nginx-facets "@$run/facets.txt" \
  "$nginx_base"
add "op-ed page" "≥ 25 % of nginx, p99 ≤ 25 ms" "ratio >= 25 && p99 <= 25" nginx op-ed "$base$op_ed"
add "op-ed page, 304" "≥ 40 % of nginx" "ratio >= 40" nginx op-ed-304 "$base$op_ed" -H "If-None-Match: $etag"
add "home page" "≥ 10 % of nginx, p99 ≤ 50 ms" "ratio >= 10 && p99 <= 50" nginx home "$base/"
add "theme page 1" "≥ 10 % of nginx, p99 ≤ 50 ms" "ratio >= 10 && p99 <= 50" nginx theme-1 "$base/themes/$THEME"
add "theme page $deep of $theme_pages" "≥ 10 %, p99 ≤ 50 ms, ≥ 90 % of page 1" \
  "ratio >= 10 && p99 <= 50 && rps >= 0.9 * p1" nginx theme-deep "$base/themes/$THEME?page=$deep"
add "author page" "≥ 10 % of nginx, p99 ≤ 50 ms" "ratio >= 10 && p99 <= 50" nginx author "$base/auteurs/$AUTHOR"
add "search (bench/queries.txt)" "≥ 1,000 req/s, p99 ≤ 100 ms" "rps >= 1000 && p99 <= 100" nginx search "$base" \
  -s bench/search.lua
add "feed /flux.atom" "(none)" "1" nginx feed "$base/flux.atom"
add "long tail: op-eds at random" "≥ 1,000 req/s, p99 ≤ 200 ms" "rps >= 1000 && p99 <= 200" nginx-tail tail \
  "@$run/op-eds.txt" "$base"
add "long tail: theme, author pages" "≥ 1,000 req/s, p99 ≤ 200 ms" "rps >= 1000 && p99 <= 200" nginx-facets \
  tail-facets "@$run/facets.txt" "$base"
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

# The first request for the home page, the theme and the op-ed right after each correction (made through the back
# office, acknowledged), to an op-ed of the benchmark's own in the theme, dated today: on all three pages.
echo "-- first requests after an edit ($edits corrections)"
phase "first requests after an edit"
idle
cookies="$run/cookies"
sign_in "$base" "$cookies" "$editor_name" "$editor_password" || { echo "cannot sign in; see $app_log" >&2; exit 1; }
title="Tribune synthétique n° 999999, corrigée pendant la mesure (données de test)"
measured_slug=tribune-synthetique-999999-mesure
theme_name=$(curl -fsS "$base/api/themes" | grep -o "\"slug\":\"$THEME\",\"name\":\"[^\"]*\"" | sed 's/.*"name":"//; s/"$//')
correction() { # number, CSRF token, version
  curl -sS -b "$cookies" -c "$cookies" -o /dev/null -w '%{http_code}' \
    --data-urlencode "title=$title" --data-urlencode "slug=$measured_slug" \
    --data-urlencode "text=Paragraphe synthétique, version $1." --data-urlencode "date=$(date +%Y-%m-%d)" \
    --data-urlencode "bylines[0].author=Auteur synthétique de la mesure" --data-urlencode "themes=$theme_name" \
    --data-urlencode "version=$3" --data-urlencode "reason=Correction synthétique n° $1 pendant la mesure" \
    --data-urlencode "_csrf=$2" "$base/admin/tribunes/$id"
}
id=$(curl -fsS -b "$cookies" -c "$cookies" "$base/admin/tribunes?q=999999" | { grep -o '/admin/tribunes/[0-9][0-9]*' || true; } \
  | head -1 | sed 's|.*/||')
if [ -z "$id" ]; then
  csrf=$(curl -fsS -b "$cookies" -c "$cookies" "$base/admin/tribunes/nouvelle" | csrf_of)
  location=$(curl -sS -b "$cookies" -c "$cookies" -o /dev/null -w '%{redirect_url}' \
    --data-urlencode "title=$title" --data-urlencode "slug=$measured_slug" \
    --data-urlencode "text=Paragraphe synthétique, version 0." --data-urlencode "date=$(date +%Y-%m-%d)" \
    --data-urlencode "bylines[0].author=Auteur synthétique de la mesure" --data-urlencode "themes=$theme_name" \
    --data-urlencode "_csrf=$csrf" "$base/admin/tribunes/nouvelle")
  id=${location##*/}
  page=$(curl -fsS -b "$cookies" -c "$cookies" "$base/admin/tribunes/$id")
  curl -fsS -b "$cookies" -c "$cookies" -o /dev/null --data-urlencode "_csrf=$(csrf_of <<< "$page")" \
    "$base/admin/tribunes/$id/publication"
fi
for n in $(seq 1 "$edits"); do
  page=$(curl -fsS -b "$cookies" -c "$cookies" "$base/admin/tribunes/$id")
  # Each page asked for once before the correction, so that what follows is the first request after it.
  for path in / "/themes/$THEME" "/tribunes/$measured_slug"; do curl -fsS -o /dev/null "${gzip[@]}" "$base$path"; done
  code=$(correction "$n $(date +%s%N)" "$(csrf_of <<< "$page")" "$(input_value version <<< "$page")")
  [ "$code" = 302 ] || { echo "correction $n answered $code" >&2; exit 1; }
  for path in / "/themes/$THEME" "/tribunes/$measured_slug"; do
    curl -fsS -o /dev/null "${gzip[@]}" -w "$path %{time_total}\n" "$base$path"
  done
  sleep 1
done > "$run/after-edit.txt"
after_edit=()
for path in / "/themes/$THEME" "/tribunes/$measured_slug"; do
  after_edit+=("$(awk -v p="$path" '$1 == p { print $2 * 1000 }' "$run/after-edit.txt" | sort -n \
    | awk -v p="$path" '{ a[NR] = $1 } END { printf "%s %.1f %.1f", p, a[int((NR + 1) / 2)], a[NR] }')")
done
ooms=$(cat "$run"/app-*.log | grep -c 'OutOfMemoryError' || true)
stop_app
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
  echo "Rendered, page cache off, one client, $render_duration each (target: p50 ≤ 20 ms, p99 ≤ 50 ms)"
  row "page" req/s "p50 ms" "p99 ms" non-2xx/3xx sock.err "" " " ""
  for result in "${renders[@]}"; do
    IFS='|' read -r label rps p50 p99 bad err <<< "$result"
    ok=$(verdict "p50 <= 20 && p99 <= 50 && bad == 0 && err == 0" p50="${p50/-/999}" p99="${p99/-/999}" bad="$bad" \
      err="$err")
    row "$label" "$rps" "$p50" "$p99" "$bad" "$err" "" "$ok" ""
  done
  echo
  echo "Served as deployed, page cache on"
  row target req/s "p50 ms" "p99 ms" non-2xx/3xx sock.err "% nginx" " " "issue's target"
  for result in "${results[@]}"; do
    IFS='|' read -r label rps p50 p99 bad err target_text check reference <<< "$result"
    ratio=$(awk -v a="$rps" -v b="${ceiling[$reference]:-0}" 'BEGIN { printf "%.1f", (b > 0 ? 100 * a / b : 0) }')
    ok=$(verdict "($check) && rps > 0 && bad == 0 && err == 0" rps="$rps" p50="${p50/-/99999}" p99="${p99/-/99999}" \
      bad="$bad" err="$err" ratio="$ratio" p1="$theme_one")
    row "$label" "$rps" "$p50" "$p99" "$bad" "$err" "$ratio" "$ok" "$target_text"
  done
  echo
  line() { printf '%-34s %s  %s\n' "$@"; }
  for result in "${after_edit[@]}"; do
    read -r path median max <<< "$result"
    line "first request after an edit" "$(verdict 'm <= 50' m="$max")" \
      "$path: median $median ms, slowest $max ms of $edits (target ≤ 50 ms)"
  done
  line "start-up (restart, archive built)" "$(verdict 's <= 10 && r == "no"' s="${started:-99}" r="$reindexed")" \
    "Started in ${started:-?} s (the page-cache-off run: $rendered_start s), index rebuilt: $reindexed (target ≤ 10 s)"
  line "peak resident memory (VmHWM)" "$(verdict 'm <= 450' m="$peak")" \
    "$peak MB with -Xmx256m, the higher of the two runs (sampled highest during: $peak_phase); at the end $resident \
(target ≤ 450 MB)"
  line "OutOfMemoryError in the logs" "$(verdict 'n == 0' n="$ooms")" "$ooms (target: none)"
  echo
  echo "Theme: /themes/$THEME ($THEME_OP_EDS op-eds, $theme_pages pages); author: /auteurs/$AUTHOR ($AUTHOR_OP_EDS op-eds);"
  echo "organisation: /organisations/$ORGANISATION ($ORGANISATION_OP_EDS op-eds); year: /archives/$YEAR ($YEAR_OP_EDS op-eds)."
  echo "Long tails: $(wc -l < "$run/op-eds.txt") op-eds drawn from the sitemap; $(wc -l < "$run/facets.txt") theme and author pages."
  echo "Figures from a machine shared with other work are indicative only: compare runs made on the same machine, alike loaded."
} | tee "$data/results-$(date -u +%Y%m%dT%H%M%SZ).txt"
