#!/usr/bin/env bash
# Renaming the biggest theme at COUNT op-eds (« cloud souverain », on about three op-eds in ten of the synthetic
# archive bench/run.sh builds), through the back office, with the Dockerfile's JVM options (-Xmx256m):
#
#  1. embedded Lucene: a copy of the archive and its index; the time the editor waits for the rename (the op-eds
#     naming the theme are indexed again just after the commit, in the editor's request) and until a search for the
#     new name lists them all; the application's peak resident memory.
#  2. a search cluster (profile opensearch, one node from deploy/opensearch-node.sh, the same archive copied without
#     its index; the first start builds the cluster's index) with an outage: the node is stopped, the theme renamed
#     (the op-eds' indexing waits in the outbox), the events fail three times and are set aside, the node started
#     again; then the time until a search lists them all under the new name, with nobody clicking (each instance puts
#     the events set aside back in line every minute), and the peak resident memory.
#
#   bench/rename.sh 100000     # about 10 minutes on 2 cores, once the archive is built
#
# Environment: PORT (8097), SEARCH_PORT (59500), SEARCH_HEAP (1g), JVM_OPTS (as bench/run.sh), JAR (skips the
# build), KEEP=1 keeps the work directory. As root, OpenSearch runs as nobody: the work directory is under TMPDIR.
set -euo pipefail
cd "$(dirname "$0")/.."

count=${1:-100000}
case "$count" in *[!0-9]* | 0) echo "usage: bench/rename.sh [COUNT]" >&2; exit 2 ;; esac
port=${PORT:-8097}
search_port=${SEARCH_PORT:-59500}
search_heap=${SEARCH_HEAP:-1g}
data="target/bench-$count"
base="http://127.0.0.1:$port"

# shellcheck source=bench/lib.sh
. bench/lib.sh
need curl curl
need unzip unzip
need java default-jre-headless
port_and_jar "$port"
build_archive "$count" "$data"

work=$(mktemp -d "${TMPDIR:-/tmp}/tribunes-rename.XXXXXX")
# 755: as root, OpenSearch runs as nobody in $work/opensearch.
chmod 755 "$work"
app=
cleanup() {
  stop_and_clean "$work" "$app" > /dev/null
}
stop() {
  if [ -f "$work/opensearch/opensearch.pid" ]; then
    deploy/opensearch-node.sh stop "$work/opensearch" > /dev/null || true
  fi
  if [ "${KEEP:-0}" = 1 ]; then echo "kept: $work"; fi
  cleanup
}
trap stop EXIT
trap 'exit 130' INT TERM

cp "$JAR" "$work/tribunes.jar"
dockerfile_jvm
echo "== $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg); JVM: $jvm_opts"

now_ms() { date +%s%3N; }
peak_mb() { awk '/^VmHWM:/ { printf "%d", $2 / 1024 }' "/proc/$1/status"; }
h2() { # data directory, SQL: prints the result's rows
  java -cp "$(h2_jar)" org.h2.tools.Shell -url "jdbc:h2:file:$1/tribunes" -user sa -password '' -sql "$2"
}
# A copy of the archive (with its index or not), its editors replaced by one this script signs in as.
copy_archive() { # directory, with index (1/0)
  mkdir "$1"
  cp "$data/tribunes.mv.db" "$1/"
  if [ "$2" = 1 ]; then cp -r "$data/index" "$1/"; fi
  h2 "$1" "delete from editor" > /dev/null
}
password="renommage-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
start() { # log, arguments...
  local log=$1
  shift
  # shellcheck disable=SC2086
  TRIBUNES_ADMIN_USERNAME=redaction-renommage TRIBUNES_ADMIN_PASSWORD=$password \
    java $jvm_opts -jar "$work/tribunes.jar" --server.port="$port" "$@" > "$log" 2>&1 &
  app=$!
  local began=$SECONDS
  until curl -fs -o /dev/null "$base/actuator/health/readiness"; do
    kill -0 "$app" 2> /dev/null || { echo "the application stopped; see $log" >&2; tail -20 "$log" >&2; exit 1; }
    [ $((SECONDS - began)) -lt 1800 ] || { echo "not ready within 30 minutes; see $log" >&2; exit 1; }
    sleep 0.5
  done
  sign_in "$base" "$work/cookies" redaction-renommage "$password" || { echo "cannot sign in; see $log" >&2; exit 1; }
}
browse() { curl -fsS -b "$work/cookies" -c "$work/cookies" "$@"; }
# How many op-eds a search for these words lists (0 for none; digits only, whatever the thousands separator).
hits() { # words
  local found
  # The count is written « 28 905 », with a narrow no-break space (or a no-break space): removed first.
  found=$(curl -fsS "$base/recherche?q=$1" | sed 's/\xe2\x80\xaf//g; s/\xc2\xa0//g' \
    | grep -o '[0-9]* tribunes\? trouvées\?' | head -1 || true)
  found=${found//[!0-9]/}
  echo "${found:-0}"
}
# Renames theme ID to NAME through its form; prints how long the editor waited, in ms.
rename() { # id, new name
  local form csrf slug sent
  form=$(browse "$base/admin/facettes/themes/$1")
  csrf=$(csrf_of <<< "$form")
  slug=$(input_value slug <<< "$form")
  sent=$(now_ms)
  browse -o /dev/null --data-urlencode "name=$2" --data-urlencode "slug=$slug" --data-urlencode "description=" \
    --data-urlencode "_csrf=$csrf" "$base/admin/facettes/themes/$1"
  echo $(($(now_ms) - sent))
}
# Waits until a search for WORD lists EXPECTED op-eds; prints how long that took after START (ms), or fails.
until_found() { # word, expected, start in ms, limit in s
  local found
  while :; do
    found=$(hits "$1")
    [ "$found" = "$2" ] && break
    if [ $(($(now_ms) - $3)) -gt $(($4 * 1000)) ]; then
      echo "a search for '$1' lists $found op-eds, not $2, after $4 s" >&2
      exit 1
    fi
    sleep 0.5
  done
  echo $(($(now_ms) - $3))
}

echo
echo "== 1. embedded Lucene: a copy of $data and its index"
copy_archive "$work/lucene" 1
theme_id=$(h2 "$work/lucene" "select id from topic where slug = '$THEME'" | sed -n '2p' | tr -dc 0-9)
[ -n "$theme_id" ] || { echo "no theme $THEME in $data" >&2; exit 1; }
echo "theme $THEME (id $theme_id): $THEME_OP_EDS op-eds"
start "$work/app-lucene.log" --tribunes.data-dir="$work/lucene" --tribunes.search.cache-mb=0
word=zorglubien
sent=$(now_ms)
lucene_wait=$(rename "$theme_id" "Cloud souverain $word")
lucene_found=$(until_found "$word" "$THEME_OP_EDS" "$sent" 600)
lucene_peak=$(peak_mb "$app")
echo "renamed: the editor waited $lucene_wait ms; a search lists the $THEME_OP_EDS op-eds $lucene_found ms after the click"
echo "application VmHWM $lucene_peak MB; $(grep -c ' ERROR ' "$work/app-lucene.log" || true) ERROR lines"
kill "$app"
wait "$app" 2> /dev/null || true
app=

echo
echo "== 2. OpenSearch (heap $search_heap), an outage during the rename"
search_url=$(deploy/opensearch-node.sh start "$work/opensearch" "$search_port" "$search_heap")
copy_archive "$work/cluster" 0
began=$(now_ms)
TRIBUNES_SEARCH_URL=$search_url start "$work/app-cluster.log" --spring.profiles.active=opensearch \
  --tribunes.data-dir="$work/cluster" --tribunes.search.index-prefix=bench-rename-
echo "first start (the cluster's index built): $(($(now_ms) - began)) ms"
deploy/opensearch-node.sh stop "$work/opensearch" > /dev/null
echo "node stopped"
word=zorglubique
sent=$(now_ms)
cluster_wait=$(rename "$theme_id" "Cloud souverain $word")
echo "renamed: the editor waited $cluster_wait ms"
[ "$(curl -s -o /dev/null -w '%{http_code}' "$base/recherche?q=$word")" = 503 ] || { echo "search did not answer 503" >&2; exit 1; }
# Three tries, 10 s apart (the profile's retry_delay), then set aside; the banner counts the op-eds waiting.
sleep 40
banner=$(browse "$base/admin/tribunes" | grep -o 'en retard[^<]*' | head -1 || true)
echo "40 s later, the back office: « ${banner:-no banner} »"
search_url=$(deploy/opensearch-node.sh start "$work/opensearch" "$search_port" "$search_heap")
back=$(now_ms)
echo "node started again"
cluster_found=$(until_found "$word" "$THEME_OP_EDS" "$back" 900)
cluster_peak=$(peak_mb "$app")
echo "a search lists the $THEME_OP_EDS op-eds $cluster_found ms after the node answered again (nobody clicked)"
until ! browse "$base/admin/tribunes" | grep -q 'en retard'; do sleep 1; done
echo "banner gone $(($(now_ms) - back)) ms after the node answered again"
echo "application VmHWM $cluster_peak MB; $(grep -c ' ERROR ' "$work/app-cluster.log" || true) ERROR lines"

echo
echo "== summary: renaming a theme of $THEME_OP_EDS op-eds ($count in all), $(nproc) cores, $(date -u +%Y-%m-%d)"
echo "embedded Lucene: editor waited $lucene_wait ms, all found after $lucene_found ms, VmHWM $lucene_peak MB"
echo "OpenSearch, node away: editor waited $cluster_wait ms; node back: all found after $cluster_found ms," \
  "VmHWM $cluster_peak MB"
