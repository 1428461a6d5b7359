#!/usr/bin/env bash
# Load with edits (issue 9): the public site under wrk's load (2 threads, 50 connections, 60 s by default) over op-ed
# pages, the home page, a theme, an author, searches and the feed, while an editor corrects op-eds through the back
# office's forms, one correction every 2 seconds. Passes when wrk saw no answer other than 2xx or 3xx and no socket
# error, every correction was acknowledged, and every correction acknowledged is on the public pages afterwards:
# the op-ed shows its latest text and its public history lists every correction. Prints the counts.
#
#   bench/load-with-edits.sh                  # 60 s on a synthetic archive of 2,000 op-eds
#   DURATION=20 bench/load-with-edits.sh      # shorter
#
# Needs wrk and curl (sudo apt-get install wrk curl). Environment: COUNT of op-eds in the synthetic archive (2000;
# built in target/bench-COUNT as bench/run.sh builds it, shared with it, and copied before it is edited), DURATION
# in seconds (60), CONNECTIONS (50), THREADS (2), EDIT_EVERY seconds (2), EDITED op-eds corrected in turn (5),
# PORT (8092), JAR (an application jar already built: skips the build), KEEP=1 keeps the copy and the logs.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/lib.sh
. bench/lib.sh
need wrk wrk
need curl curl

count=${COUNT:-2000}
duration=${DURATION:-60}
connections=${CONNECTIONS:-50}
threads=${THREADS:-2}
edit_every=${EDIT_EVERY:-2}
edited=${EDITED:-5}
port=${PORT:-8092}
base="http://127.0.0.1:$port"
port_and_jar "$port"
build_archive "$count" "target/bench-$count"

work=$(mktemp -d "${TMPDIR:-/tmp}/tribunes-load.XXXXXX")
app=
editor=
stop() { stop_and_clean "$work" "$editor" "$app"; }
trap stop EXIT
trap 'exit 130' INT TERM

# The edits go to a copy: the shared archive stays as bench/run.sh measures it.
cp -r "target/bench-$count" "$work/data"
rm -rf "$work/data/run"
# The copy's editors (a run of the application on the shared archive created one, with a password logged then)
# are removed, so that the first editor is created again with a password this script knows.
java -cp "$(h2_jar)" org.h2.tools.Shell -url "jdbc:h2:file:$work/data/tribunes" -user sa -password '' \
  -sql "delete from editor" > /dev/null
user=redaction-charge
password="charge-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
echo "== starting the application (-Xmx256m)"
TRIBUNES_ADMIN_USERNAME=$user TRIBUNES_ADMIN_PASSWORD=$password java -Xmx256m -jar "$JAR" \
  --tribunes.data-dir="$work/data" --server.port="$port" > "$work/app.log" 2>&1 &
app=$!
wait_for_app "$app" "$base" "$work/app.log"
jar="$work/cookies"
if ! sign_in "$base" "$jar" "$user" "$password"; then
  echo "cannot sign in as $user: an editor already existed in the archive copied? see $work/app.log" >&2
  exit 1
fi

# The op-eds the editor corrects: new synthetic ones, written and published through the forms.
title() { echo "Tribune synthétique n° $((900000 + $1)), corrigée sous charge (données de test)"; }
ids=()
slugs=()
for i in $(seq 1 "$edited"); do
  csrf=$(curl -fsS -b "$jar" -c "$jar" "$base/admin/tribunes/nouvelle" | csrf_of)
  location=$(curl -sS -b "$jar" -c "$jar" -o /dev/null -w '%{redirect_url}' \
    --data-urlencode "title=$(title "$i")" --data-urlencode "text=Paragraphe synthétique, version 0." \
    --data-urlencode "date=2025-01" --data-urlencode "bylines[0].author=Auteur synthétique de la charge" \
    --data-urlencode "_csrf=$csrf" "$base/admin/tribunes/nouvelle")
  id=${location##*/}
  page=$(curl -fsS -b "$jar" -c "$jar" "$base/admin/tribunes/$id")
  curl -fsS -b "$jar" -c "$jar" -o /dev/null --data-urlencode "_csrf=$(csrf_of <<< "$page")" "$base/admin/tribunes/$id/publication"
  ids+=("$id")
  slugs+=("$(input_value slug <<< "$page")")
done

{
  for slug in "${slugs[@]}"; do echo "/tribunes/$slug"; done
  echo "/tribunes/$OP_ED"
  echo "/"
  echo "/themes/$THEME"
  echo "/auteurs/$AUTHOR"
  echo "/recherche?q=cloud+souverain"
  echo "/recherche?q=corrig%C3%A9e+sous+charge"
  echo "/flux.atom"
  echo "/archives"
} > "$work/paths"

# One correction every EDIT_EVERY seconds, op-eds in turn; each acknowledged one (the redirect after the post) is
# recorded: op-ed number, correction number.
correct() {
  local n=0 i id page
  # Stops between two corrections when asked, so that no correction is left half-way (sent, not acknowledged).
  while [ ! -e "$work/stop" ]; do
    n=$((n + 1))
    i=$(((n - 1) % edited))
    id=${ids[$i]}
    page=$(curl -fsS -b "$jar" -c "$jar" "$base/admin/tribunes/$id") || { echo "failed $n" >> "$work/edits"; continue; }
    if [ "$(curl -sS -b "$jar" -c "$jar" -o /dev/null -w '%{http_code}' \
      --data-urlencode "title=$(title $((i + 1)))" --data-urlencode "slug=${slugs[$i]}" \
      --data-urlencode "text=Paragraphe synthétique, version ${n}qv." \
      --data-urlencode "date=2025-01" --data-urlencode "bylines[0].author=Auteur synthétique de la charge" \
      --data-urlencode "version=$(input_value version <<< "$page")" \
      --data-urlencode "reason=Correction synthétique n° $n sous charge" \
      --data-urlencode "_csrf=$(csrf_of <<< "$page")" "$base/admin/tribunes/$id")" = 302 ]; then
      echo "ok $i $n" >> "$work/edits"
    else
      echo "failed $n" >> "$work/edits"
    fi
    sleep "$edit_every"
  done
}

echo "== wrk: $threads threads, $connections connections, ${duration}s over $(wc -l < "$work/paths") addresses, one correction every ${edit_every}s"
uptime
: > "$work/edits"
correct &
editor=$!
wrk -t"$threads" -c"$connections" -d"${duration}s" --timeout 10s -s bench/load-with-edits.lua "$base" -- "$work/paths" \
  | tee "$work/wrk.txt"
touch "$work/stop"
wait "$editor" 2> /dev/null || true
editor=

requests=$(awk '/requests in/ { print $1 }' "$work/wrk.txt")
non2xx=$(awk '/Non-2xx or 3xx responses:/ { print $NF }' "$work/wrk.txt")
# No socket error: wrk prints no such line (grep finding nothing must not end the script).
socket=$({ grep 'Socket errors:' "$work/wrk.txt" || true; } | { grep -o '[0-9]\+' || true; } | awk '{ s += $1 } END { print s + 0 }')
non2xx=${non2xx:-0}
socket=${socket:-0}
acknowledged=$(grep -c '^ok' "$work/edits" || true)
failed=$(grep -c '^failed' "$work/edits" || true)

# Every acknowledged correction on the public pages: the latest text of each op-ed, each reason in its history.
missing=0
for i in $(seq 0 $((edited - 1))); do
  latest=$(awk -v i="$i" '$1 == "ok" && $2 == i { n = $3 } END { print n }' "$work/edits")
  [ -n "$latest" ] || continue
  page=$(curl -fsS "$base/tribunes/${slugs[$i]}")
  grep -qF "version ${latest}qv" <<< "$page" || { echo "not on the page: ${slugs[$i]} version $latest" >&2; missing=$((missing + 1)); }
  history=$(curl -fsS "$base/tribunes/${slugs[$i]}/historique")
  for n in $(awk -v i="$i" '$1 == "ok" && $2 == i { print $3 }' "$work/edits"); do
    grep -qF "Correction synthétique n° $n sous charge" <<< "$history" \
      || grep -qF "Correction synthétique n°$(printf '\u00a0')$n sous charge" <<< "$history" \
      || { echo "not in the history: ${slugs[$i]} correction $n" >&2; missing=$((missing + 1)); }
  done
done

echo
echo "requests served under load:     $requests"
echo "non-2xx/3xx answers:            $non2xx"
echo "socket errors:                  $socket"
echo "corrections acknowledged:       $acknowledged"
echo "corrections refused or failed:  $failed"
echo "acknowledged, not public after: $missing"
[ "$non2xx" = 0 ] && [ "$socket" = 0 ] && [ "$failed" = 0 ] && [ "$missing" = 0 ] && [ "$acknowledged" -gt 0 ]
