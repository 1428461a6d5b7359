#!/usr/bin/env bash
# Backup, export, restore and import at scale (issue 16): on the synthetic archive bench/run.sh builds
# (target/bench-COUNT, 100,000 op-eds by default; built here if missing), with the Dockerfile's JVM options, runs
# each command as an operator would and measures its time, its peak resident memory (VmHWM) and what it reports:
#
#  1. backup   java -jar tribunes.jar backup <folder>   (the application stopped: H2 is one process's file)
#  2. export   java -jar tribunes.jar export <folder>
#  3. restore  java -jar tribunes.jar restore <backup>  into a new data directory (the index is rebuilt)
#  4. import   java -jar tribunes.jar import <export>   into a new data directory (IMPORT=0 skips it: the slowest)
#  5. the back office's « Sauvegarder maintenant », the site serving, until the page says it is done
#
# Then checks what came out: the backup's manifest against its files (sha256sum -c), the counts of the backup, the
# export, the restored and the imported archives against the archive's own.
#
#   bench/exchange.sh            # 100,000 op-eds
#   bench/exchange.sh 10000
#
# Environment: JVM_OPTS (as bench/run.sh), PORT (8089), IMPORT (1), KEEP=1 to keep the copies in
# target/bench-COUNT/exchange/ (they are deleted at the end otherwise: several GB at 100,000 op-eds).
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-100000}
case "$count" in *[!0-9]* | 0) echo "usage: bench/exchange.sh [COUNT]" >&2; exit 2 ;; esac
port=${PORT:-8089}
data="target/bench-$count"
work="$data/exchange"
# shellcheck source=bench/lib.sh
. bench/lib.sh
need curl curl
need sha256sum coreutils

dockerfile_jvm
build_jar
build_archive "$count" "$data"
jar=$(ls target/tribunes-*.jar)
rm -rf "$work"
mkdir -p "$work"
rows=()

# Runs a command of the application, sampling its peak resident memory; sets seconds, peak_mb, output.
measure() { # name, arguments...
  local name=$1 start end pid hwm=0 now status
  shift
  start=$(date +%s.%N)
  # shellcheck disable=SC2086
  java $jvm_opts -jar "$jar" "$@" > "$work/$name.out" 2> "$work/$name.err" &
  pid=$!
  while kill -0 "$pid" 2> /dev/null; do
    now=$(awk '/^VmHWM:/ { print int($2 / 1024) }' "/proc/$pid/status" 2> /dev/null || echo 0)
    if [ "${now:-0}" -gt "$hwm" ]; then hwm=$now; fi
    sleep 0.2
  done
  status=0
  wait "$pid" || status=$?
  end=$(date +%s.%N)
  seconds=$(echo "$end - $start" | bc)
  peak_mb=$hwm
  # What the command says, without the log lines (Flyway's warning about H2's version, say).
  output=$(cat "$work/$name.out" "$work/$name.err" | grep -v -E '^[0-9]{4}-[0-9]{2}-[0-9]{2}T' | tr '\n' ' ')
  rows+=("$(printf '%-9s %8.1f s %6d MB  exit %d  %s' "$name" "$seconds" "$peak_mb" "$status" "$output")")
  echo "${rows[-1]}"
}

published() { # data directory
  java -cp "$(h2_jar)" org.h2.tools.Shell -url "jdbc:h2:file:$(pwd)/$1/tribunes" -user sa -password '' \
    -sql "select count(*) from article where status = 'PUBLISHED'" | sed -n 2p | tr -d ' '
}

expected=$(published "$data")
echo "== $count op-eds in $data ($expected published), JVM: $jvm_opts"
measure backup backup "$work/backup" --tribunes.data-dir="$data"
measure export export "$work/export" --tribunes.data-dir="$data"
measure restore restore "$work/backup" --tribunes.data-dir="$work/restored"
if [ "${IMPORT:-1}" = 1 ]; then
  measure import import "$work/export" --tribunes.data-dir="$work/imported"
fi

# The back office: the site serving, an editor of the benchmark's own.
editor=redaction-mesure
password="mesure-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
java -cp "$(h2_jar)" org.h2.tools.Shell -url "jdbc:h2:file:$(pwd)/$data/tribunes" -user sa -password '' \
  -sql "delete from editor" > /dev/null
base="http://127.0.0.1:$port"
# shellcheck disable=SC2086
TRIBUNES_ADMIN_USERNAME=$editor TRIBUNES_ADMIN_PASSWORD=$password java $jvm_opts -jar "$jar" \
  --tribunes.data-dir="$data" --tribunes.backups-dir="$(pwd)/$work/office" --server.port="$port" \
  > "$work/office.log" 2>&1 &
app=$!
trap 'kill $app 2> /dev/null || true' EXIT
wait_for_app "$app" "$base" "$work/office.log"
jar_cookies="$work/cookies"
sign_in "$base" "$jar_cookies" "$editor" "$password" || { echo "could not sign in; see $work/office.log" >&2; exit 1; }
csrf=$(curl -fsS -c "$jar_cookies" -b "$jar_cookies" "$base/admin/sauvegardes" | csrf_of)
start=$(date +%s.%N)
answer=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -c "$jar_cookies" -b "$jar_cookies" \
  --data-urlencode "_csrf=$csrf" "$base/admin/sauvegardes")
longest_page=0
while :; do
  page=$(curl -s -w '\n%{time_total}' -b "$jar_cookies" -c "$jar_cookies" "$base/admin/sauvegardes")
  longest_page=$(echo "$page" | tail -1 | awk -v m="$longest_page" '{ print ($1 > m ? $1 : m) }')
  # No pipe into grep -q here: it stops reading at the first match, and with pipefail the writer's SIGPIPE would
  # end the loop while the task runs.
  [[ $page == *"En cours"* ]] || break
  sleep 1
done
end=$(date +%s.%N)
hwm=$(awk '/^VmHWM:/ { print int($2 / 1024) }' "/proc/$app/status")
done_line=$(echo "$page" | grep -o 'Sauvegarde écrite dans[^<]*\|Sauvegarde refusée[^<]*' || true)
rows+=("$(printf '%-9s %8.1f s %6d MB  POST %s, slowest page while it ran %.3f s  %s' office \
  "$(echo "$end - $start" | bc)" "$hwm" "$answer" "$longest_page" "$done_line")")
echo "${rows[-1]}"
kill "$app"
wait "$app" 2> /dev/null || true
trap - EXIT

echo
echo "== checks"
(cd "$work/backup" && sha256sum -c --quiet SHA256SUMS && echo "backup: sha256sum -c SHA256SUMS: every file OK")
office=$(ls -d "$work"/office/*/ | head -1)
(cd "$office" && sha256sum -c --quiet SHA256SUMS && echo "back-office backup: sha256sum -c SHA256SUMS: every file OK")
echo "published: archive $expected, restored $(published "$work/restored")$([ "${IMPORT:-1}" = 1 ] \
  && echo ", imported $(published "$work/imported")")"
echo "export: $(find "$work/export" -name '*.md' | wc -l) files; backup's export: $(find "$work/backup/export" \
  -name '*.md' | wc -l) files; sizes: backup $(du -sh "$work/backup" | cut -f1), export $(du -sh "$work/export" \
  | cut -f1)"
echo "permissions: backup $(stat -c %A "$work/backup"), its dump $(stat -c %A "$work/backup/base/tribunes.sql.gz"),"\
  "data directory $(stat -c %A "$data"), database $(stat -c %A "$data/tribunes.mv.db")"

echo
echo "== $count op-eds, $(nproc) cores, JVM: $jvm_opts"
printf '%s\n' "${rows[@]}"
if [ "${KEEP:-0}" != 1 ]; then rm -rf "$work"; fi
