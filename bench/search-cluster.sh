#!/usr/bin/env bash
# Search cluster benchmark (docs/adr/0010-search-cluster.md): what OpenSearch costs and gives against the embedded
# Lucene index, at COUNT op-eds, with the Dockerfile's JVM options (-Xmx256m) for every instance of the application.
#
#  1. Uncached searches: bench/search.lua over bench/queries.txt with `wrk --latency`, after a warm-up, with 1
#     connection then 50, on the synthetic archive bench/run.sh builds (target/bench-COUNT, built if missing, never
#     modified: each run works on a copy of it):
#       - embedded Lucene: a copy of the archive and its index, --tribunes.search.cache-mb=0;
#       - OpenSearch: a copy of the archive without its index, --spring.profiles.active=opensearch, one node
#         (deploy/opensearch-node.sh, heap SEARCH_HEAP); its first start builds the cluster's index of COUNT op-eds
#         (the time the application logs, and the start's whole time, are printed).
#     Then the resident memory (VmRSS, and the peak VmHWM, from /proc) of the application and of the node.
#  2. The delay between a publication and its first search hit on the other instance: PostgreSQL (a throwaway
#     server, as deploy/two-instances.sh starts it) filled with PG_COUNT op-eds by the same generator
#     (fr.tribunes.benchmark.SyntheticArchive, indexing into the node), two instances A and B (profiles
#     postgres,opensearch); PUBLICATIONS times, a synthetic op-ed (« … (données de test) ») holding a made-up word is
#     created and published through A's back office with curl, then B's /recherche?q=WORD is asked every ~20 ms
#     until it lists the op-ed. The delay runs from A's answer to the publication (the editor's acknowledgement) to
#     B's first answer listing it; min / median / p95 / max are printed.
# Ends with a summary table, and the count of WARN and ERROR lines in each application's log.
#
#   bench/search-cluster.sh 100000     # about 15 minutes on 2 cores
#   DURATION=5s WARMUP=5s PUBLICATIONS=5 bench/search-cluster.sh 2000   # a quick check
#
# Needs wrk, curl, unzip, Java, and Debian's PostgreSQL server binaries (apt-get install wrk curl unzip postgresql).
# Environment: DURATION of each wrk run (20s), WARMUP before each pair of runs (60s), SEARCH_HEAP of the node (1g),
# PG_COUNT op-eds in PostgreSQL (COUNT), PUBLICATIONS (20), ports PORT and PORT_B of the instances (8095, 8096),
# SEARCH_PORT of the node (59400; its transport port is SEARCH_PORT + 100), PG_PORT (55440), JVM_OPTS (as
# bench/run.sh), JAR (an application jar already built: skips the build; it is copied, so a rebuild meanwhile is
# harmless), KEEP=1 keeps the work directory (copies, logs, wrk's outputs) instead of deleting it at exit. Run as
# root, PostgreSQL runs as the postgres user and OpenSearch as nobody, so the work directory is under TMPDIR (/tmp).
set -euo pipefail
cd "$(dirname "$0")/.."

count=${1:-100000}
case "$count" in *[!0-9]* | 0) echo "usage: bench/search-cluster.sh [COUNT]" >&2; exit 2 ;; esac
pg_count=${PG_COUNT:-$count}
publications=${PUBLICATIONS:-20}
duration=${DURATION:-20s}
warmup=${WARMUP:-60s}
search_heap=${SEARCH_HEAP:-1g}
port_a=${PORT:-8095}
port_b=${PORT_B:-8096}
search_port=${SEARCH_PORT:-59400}
pg_port=${PG_PORT:-55440}
case "$pg_count$publications" in *[!0-9]*) echo "PG_COUNT and PUBLICATIONS: numbers" >&2; exit 2 ;; esac
data="target/bench-$count"
base_a="http://127.0.0.1:$port_a"
base_b="http://127.0.0.1:$port_b"

# shellcheck source=bench/lib.sh
. bench/lib.sh
need wrk wrk
need curl curl
need unzip unzip
need java default-jre-headless
pg_bin=$(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V | tail -1)
if [ ! -x "$pg_bin/initdb" ]; then
  echo "PostgreSQL's server binaries are needed: sudo apt-get install postgresql" >&2
  exit 1
fi
for port in "$port_b" "$search_port" $((search_port + 100)) "$pg_port"; do
  if (exec 3<> "/dev/tcp/127.0.0.1/$port") 2> /dev/null; then
    echo "port $port is already taken on 127.0.0.1: set PORT_B, SEARCH_PORT or PG_PORT" >&2
    exit 1
  fi
done
port_and_jar "$port_a"
build_archive "$count" "$data"

work=$(mktemp -d "${TMPDIR:-/tmp}/tribunes-cluster.XXXXXX")
# 755: as root, OpenSearch runs as nobody in $work/opensearch.
chmod 755 "$work"
as_pg=()
if [ "$(id -u)" = 0 ]; then as_pg=(runuser -u postgres --); fi
apps=()
stop() {
  local pid
  for pid in "${apps[@]}"; do kill "$pid" 2> /dev/null || true; done
  for pid in "${apps[@]}"; do wait "$pid" 2> /dev/null || true; done
  if [ -f "$work/opensearch/opensearch.pid" ]; then
    deploy/opensearch-node.sh stop "$work/opensearch" > /dev/null || true
  fi
  if [ -f "$work/pg/postmaster.pid" ]; then
    "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$work/pg" -m fast stop > /dev/null || true
  fi
  stop_and_clean "$work"
}
trap stop EXIT
trap 'exit 130' INT TERM

cp "$JAR" "$work/tribunes.jar"
dockerfile_jvm
echo "== $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg); JVM: $jvm_opts"

now_ms() { date +%s%3N; }
# Resident memory of a process, in MB: "VmRSS VmHWM".
memory() { # pid
  awk '/^VmRSS:/ { rss = $2 } /^VmHWM:/ { hwm = $2 } END { printf "%d %d\n", rss / 1024, hwm / 1024 }' "/proc/$1/status"
}

# Starts the application in the background with the Dockerfile's JVM options; sets app to its pid. The environment
# given before the call (TRIBUNES_…) is the application's.
start_app() { # log, arguments...
  local log=$1
  shift
  # shellcheck disable=SC2086
  java $jvm_opts -jar "$work/tribunes.jar" "$@" > "$log" 2>&1 &
  app=$!
  apps+=("$app")
}
# As wait_for_app, with no limit but LIMIT seconds (building a cluster's index takes longer than 5 minutes).
wait_ready() { # pid, base, log, limit in seconds
  local began=$SECONDS
  until curl -fs -o /dev/null "$2/actuator/health/readiness"; do
    kill -0 "$1" 2> /dev/null || { echo "the application stopped; see $3:" >&2; tail -30 "$3" >&2; exit 1; }
    [ $((SECONDS - began)) -lt "$4" ] || { echo "the application was not ready within $4 s; see $3" >&2; exit 1; }
    sleep 0.5
  done
}
stop_app() { # pid
  kill "$1" 2> /dev/null || true
  wait "$1" 2> /dev/null || true
}

# wrk over bench/queries.txt: a warm-up, then 1 connection and 50; each run's requests/s, p50 and p99 (ms) are
# appended to $work/results as "LABEL CONNECTIONS RPS P50 P99 ERRORS".
measure() { # label, base
  echo "-- warm-up ($warmup, 4 connections)"
  wrk -t2 -c4 -d"$warmup" --timeout 10s -s bench/search.lua "$2" > "$work/wrk-$1-warmup.txt"
  local connections threads out
  for connections in 1 50; do
    threads=$((connections == 1 ? 1 : 2))
    out="$work/wrk-$1-$connections.txt"
    echo "-- $connections connection(s), $duration"
    wrk --latency -t"$threads" -c"$connections" -d"$duration" --timeout 10s -s bench/search.lua "$2" > "$out"
    tail -2 "$out" | sed 's/^/   /'
    awk -v label="$1" -v c="$connections" '
      /^requests [0-9]+, errors/ { gsub(",", ""); errors = $4; non2xx = $6; gsub("\\)", "", non2xx); rps = $7 }
      /^latency p50/ { p50 = $3; p99 = $9; gsub(",", "", p50); gsub(",", "", p99) }
      END { print label, c, rps, p50, p99, errors + non2xx }' "$out" >> "$work/results"
  done
}

: > "$work/results"
echo
echo "== 1a. embedded Lucene: a copy of $data and its index, results cache off"
mkdir "$work/lucene"
cp "$data/tribunes.mv.db" "$work/lucene/"
cp -r "$data/index" "$work/lucene/"
began=$(now_ms)
start_app "$work/app-lucene.log" --tribunes.data-dir="$work/lucene" --server.port="$port_a" --tribunes.search.cache-mb=0
wait_ready "$app" "$base_a" "$work/app-lucene.log" 600
echo "ready in $(($(now_ms) - began)) ms"
if grep -q 'Search index rebuilt' "$work/app-lucene.log"; then
  echo "(the copy's Lucene index was rebuilt at start: $(grep -o 'Search index rebuilt.*' "$work/app-lucene.log"))"
fi
measure lucene "$base_a"
read -r lucene_rss lucene_hwm < <(memory "$app")
echo "application: VmRSS $lucene_rss MB, VmHWM $lucene_hwm MB"
stop_app "$app"

echo
echo "== 1b. OpenSearch: one node (heap $search_heap), a copy of $data without its index"
search_url=$(deploy/opensearch-node.sh start "$work/opensearch" "$search_port" "$search_heap")
node=$(cat "$work/opensearch/opensearch.pid")
echo "node $search_url, version $(curl -fsS "$search_url/" | sed -n 's/.*"number" *: *"\([^"]*\)".*/\1/p')"
mkdir "$work/opensearch-h2"
cp "$data/tribunes.mv.db" "$work/opensearch-h2/"
began=$(now_ms)
TRIBUNES_SEARCH_URL=$search_url start_app "$work/app-opensearch.log" --spring.profiles.active=opensearch \
  --tribunes.data-dir="$work/opensearch-h2" --server.port="$port_a" --tribunes.search.index-prefix=bench-h2-
wait_ready "$app" "$base_a" "$work/app-opensearch.log" 7200
first_start_ms=$(($(now_ms) - began))
index_line=$(grep -o 'Search index rebuilt: .*' "$work/app-opensearch.log" || echo "no index build logged")
echo "first start: ready in $first_start_ms ms; $index_line"
echo "on the node: $(curl -fsS "$search_url/_cat/indices/bench-h2-*?h=index,docs.count,store.size" | tr '\n' ' ')"
measure opensearch "$base_a"
read -r cluster_rss cluster_hwm < <(memory "$app")
read -r node_rss node_hwm < <(memory "$node")
echo "application: VmRSS $cluster_rss MB, VmHWM $cluster_hwm MB; OpenSearch node: VmRSS $node_rss MB, VmHWM $node_hwm MB"
stop_app "$app"
# The H2 copy's index goes: the node serves PostgreSQL's next.
for index in $(curl -fsS "$search_url/_cat/indices/bench-h2-*?h=index"); do
  curl -fsS -o /dev/null -X DELETE "$search_url/$index"
done

echo
echo "== 2. publication on A -> first hit on B: PostgreSQL on 127.0.0.1:$pg_port, $pg_count op-eds, the same node"
mkdir "$work/pg"
[ "$(id -u)" = 0 ] && chown postgres "$work/pg"
"${as_pg[@]}" "$pg_bin/initdb" -D "$work/pg" -U tribunes --auth=trust -E UTF8 --locale=C.UTF-8 > "$work/initdb.log"
"${as_pg[@]}" "$pg_bin/pg_ctl" -D "$work/pg" -l "$work/pg/server.log" -w \
  -o "-p $pg_port -k $work/pg -c listen_addresses=127.0.0.1" start > /dev/null
"$pg_bin/createdb" -h 127.0.0.1 -p "$pg_port" -U tribunes tribunes
db_url=jdbc:postgresql://127.0.0.1:$pg_port/tribunes
password="grappe-mesure-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
# The generator is the database's first start: it creates the editor, with this password.
cluster_args=("--spring.profiles.active=postgres,opensearch" --TRIBUNES_DB_URL="$db_url" --TRIBUNES_DB_USER=tribunes
  --TRIBUNES_DB_PASSWORD=trust --TRIBUNES_SEARCH_URL="$search_url" --tribunes.search.index-prefix=bench-pg-)
began=$SECONDS
if ! ./mvnw -B -q exec:java -Dexec.classpathScope=test -Dexec.mainClass=fr.tribunes.benchmark.SyntheticArchive \
  -Dexec.args="$work/pg-archive $pg_count ${cluster_args[*]} --tribunes.admin.password=$password" \
  > "$work/generator-pg.log" 2>&1; then
  grep -E 'ERROR|Exception' "$work/generator-pg.log" | head -5 >&2
  echo "PostgreSQL's synthetic archive was not built; see $work/generator-pg.log" >&2
  exit 1
fi
grep -E '^(generated|listed|indexed|index already|.*already holds)' "$work/generator-pg.log" | sed 's/^/   /'
echo "PostgreSQL filled and OpenSearch's index built in $((SECONDS - began)) s (the generator, in Maven's JVM)"
echo "on the node: $(curl -fsS "$search_url/_cat/indices/bench-pg-*?h=index,docs.count,store.size" | tr '\n' ' ')"

instance() { # name, port
  TRIBUNES_SEARCH_URL=$search_url TRIBUNES_DB_URL=$db_url TRIBUNES_DB_USER=tribunes TRIBUNES_DB_PASSWORD=trust \
    TRIBUNES_SITE_URL=http://127.0.0.1:$port_a start_app "$work/app-$1.log" --spring.profiles.active=postgres,opensearch --tribunes.search.index-prefix=bench-pg- \
    --tribunes.data-dir="$work/instance-$1" --server.port="$2"
  wait_ready "$app" "http://127.0.0.1:$2" "$work/app-$1.log" 1800
}
instance a "$port_a"
instance b "$port_b"
cookies="$work/cookies"
sign_in "$base_a" "$cookies" redaction "$password" || { echo "cannot sign in on A; see $work/app-a.log" >&2; exit 1; }
browse() { curl -fsS -b "$cookies" -c "$cookies" "$@"; }
# A word no dictionary has, letters only: the search finds it in this op-ed and nowhere else.
made_up() { printf 'grappe%s' "$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n' | tr 0-9 g-p)"; }
: > "$work/delays"
: > "$work/acknowledgements"
for i in $(seq 1 "$publications"); do
  word=$(made_up)
  csrf=$(browse "$base_a/admin/tribunes/nouvelle" | csrf_of)
  location=$(browse -o /dev/null -w '%{redirect_url}' \
    --data-urlencode "title=Tribune synthétique n° $((700000 + i)), publiée pour mesurer la recherche (données de test)" \
    --data-urlencode "text=Paragraphe synthétique où figure le mot inventé $word." \
    --data-urlencode "date=2025-01" --data-urlencode "bylines[0].author=Auteur synthétique de la mesure" \
    --data-urlencode "_csrf=$csrf" "$base_a/admin/tribunes/nouvelle")
  id=${location##*/}
  case "$id" in *[!0-9]* | "") echo "creating draft $i on A: redirected to '$location'" >&2; exit 1 ;; esac
  page=$(browse "$base_a/admin/tribunes/$id")
  slug=$(input_value slug <<< "$page")
  sent=$(now_ms)
  browse -o /dev/null --data-urlencode "_csrf=$(csrf_of <<< "$page")" "$base_a/admin/tribunes/$id/publication"
  published=$(now_ms)
  echo $((published - sent)) >> "$work/acknowledgements"
  until [[ $(curl -fsS "$base_b/recherche?q=$word") == *"href=\"/tribunes/$slug\""* ]]; do
    if [ $(($(now_ms) - published)) -gt 60000 ]; then
      echo "publication $i: B's search did not find /tribunes/$slug by '$word' within 60 s" >&2
      exit 1
    fi
    sleep 0.02
  done
  delay=$(($(now_ms) - published))
  echo "$delay" >> "$work/delays"
  echo "   publication $i: acknowledged by A in $((published - sent)) ms; found by B's search $delay ms later"
  sleep 0.$((RANDOM % 10))
done
read -r app_a_rss app_a_hwm < <(memory "${apps[-2]}")
read -r app_b_rss app_b_hwm < <(memory "${apps[-1]}")
read -r node2_rss node2_hwm < <(memory "$node")
# Nearest-rank percentiles of a file of numbers.
distribution() { # file
  sort -n "$1" | awk '{ v[NR] = $1 } END {
    p95 = int(NR * 0.95); if (p95 < NR * 0.95) p95++
    printf "min %d ms, median %d ms, p95 %d ms, max %d ms (%d publications)", v[1],
      (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2), v[p95], v[NR], NR }'
}

echo
echo "== summary: $count op-eds, $(nproc) cores, $(date -u +%Y-%m-%d), JVM $jvm_opts, OpenSearch heap $search_heap"
printf '%-28s %-18s %-18s\n' "uncached searches" "embedded Lucene" "OpenSearch"
for c in 1 50; do
  for what in rps p50 p99; do
    printf '%-28s' "$c connection(s): $what"
    for label in lucene opensearch; do
      awk -v l="$label" -v c="$c" -v w="$what" '$1 == l && $2 == c {
        v = (w == "rps" ? $3 : w == "p50" ? $4 : $5); u = (w == "rps" ? " /s" : " ms")
        printf " %-18s", v u ($6 > 0 && w == "rps" ? " (" $6 " errors)" : "") }' "$work/results"
    done
    echo
  done
done
printf '%-28s %-18s %-18s\n' "index build" "(built by bench)" "$(sed -n 's/.* in \([0-9]*\) ms/\1 ms/p' <<< "$index_line")"
printf '%-28s %-18s %-18s\n' "first start, index built" "-" "$first_start_ms ms"
printf '%-28s %-18s %-18s\n' "app VmRSS / VmHWM" "$lucene_rss / $lucene_hwm MB" "$cluster_rss / $cluster_hwm MB"
printf '%-28s %-18s %-18s\n' "node VmRSS / VmHWM" "-" "$node_rss / $node_hwm MB"
echo "publication on A -> first hit on B ($pg_count op-eds in PostgreSQL): $(distribution "$work/delays")"
echo "publication acknowledged by A in: $(distribution "$work/acknowledgements")"
echo "instances A / B VmRSS $app_a_rss / $app_b_rss MB (VmHWM $app_a_hwm / $app_b_hwm MB); node VmRSS $node2_rss MB (VmHWM $node2_hwm MB)"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
for log in "$work"/app-*.log "$work/generator-pg.log"; do
  echo "$(basename "$log"): $(grep -c ' WARN ' "$log" || true) WARN, $(grep -c ' ERROR ' "$log" || true) ERROR lines"
done
