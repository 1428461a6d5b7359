#!/usr/bin/env bash
# Kill -9 the moment a write is acknowledged (issue 9): the most demanding timing for "what the server acknowledged
# is on disk". Starts the application on a fresh data directory; each round, signs in, writes and publishes three
# synthetic op-eds through the back office's forms, sends SIGKILL to the JVM as soon as the third publication is
# answered, copies the database as the kill left it and reads that op-ed's status in the copy with H2's shell, then
# starts the application again on the same directory for the next round. Prints each round and the counts; exits 1
# if any acknowledged publication is missing from the file.
#
#   bench/kill-on-ack.sh               # 10 rounds
#   ROUNDS=20 bench/kill-on-ack.sh
#
# Needs curl and java. Environment: ROUNDS (10), PORT (8093), JAR (an application jar already built: skips the
# build), KEEP=1 keeps the temporary directory (the log, and the copy of the database after each kill), as does any
# failure.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/lib.sh
. bench/lib.sh
need curl curl
need java default-jre-headless

rounds=${ROUNDS:-10}
port=${PORT:-8093}
base="http://127.0.0.1:$port"
port_and_jar "$port"
h2_jar=$(h2_jar)

work=$(mktemp -d "${TMPDIR:-/tmp}/tribunes-kill-on-ack.XXXXXX")
data="$work/data"
user=redaction-kill
password="kill-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
app=
stop() { # exit status
  if [ -n "$app" ]; then
    kill "$app" 2> /dev/null || true
    wait "$app" 2> /dev/null || true
  fi
  # Kept after a failure too, to see why.
  if [ "${KEEP:-0}" = 1 ] || [ "$1" != 0 ]; then echo "kept: $work"; else rm -rf "$work"; fi
}
trap 'stop $?' EXIT
trap 'exit 130' INT TERM

# Creates a synthetic op-ed through the back office; prints its id.
create() { # cookie jar, label
  local csrf location
  csrf=$(curl -fsS -b "$1" -c "$1" "$base/admin/tribunes/nouvelle" | csrf_of)
  location=$(curl -sS -b "$1" -c "$1" -o /dev/null -w '%{redirect_url}' \
    --data-urlencode "title=Tribune synthétique $2, écrite pour le test d’arrêt à l’accusé de réception (données de test)" \
    --data-urlencode "text=Paragraphe synthétique $2." --data-urlencode "date=2024-05" \
    --data-urlencode "bylines[0].author=Auteur synthétique du test" --data-urlencode "themes=Thème synthétique du test" \
    --data-urlencode "_csrf=$csrf" "$base/admin/tribunes/nouvelle")
  case "$location" in */admin/tribunes/[0-9]*) echo "${location##*/}" ;; *) return 1 ;; esac
}

# Asks for the publication of op-ed ID; prints the HTTP status.
publish() { # cookie jar, id
  local csrf
  csrf=$(curl -fsS -b "$1" -c "$1" "$base/admin/tribunes/$2" | csrf_of)
  curl -sS -o /dev/null -w '%{http_code}' -b "$1" -c "$1" --data-urlencode "_csrf=$csrf" "$base/admin/tribunes/$2/publication"
}

lost=0
for round in $(seq 1 "$rounds"); do
  TRIBUNES_ADMIN_USERNAME=$user TRIBUNES_ADMIN_PASSWORD=$password java -Xmx256m -jar "$JAR" \
    --tribunes.data-dir="$data" --server.port="$port" >> "$work/app.log" 2>&1 &
  app=$!
  wait_for_app "$app" "$base" "$work/app.log"
  jar="$work/cookies"
  rm -f "$jar"
  sign_in "$base" "$jar" "$user" "$password" || { echo "cannot sign in; see $work/app.log" >&2; exit 1; }
  for n in 1 2 3; do
    id=$(create "$jar" "$round-$n") || { echo "round $round: creating an op-ed failed; see $work/app.log" >&2; exit 1; }
    code=$(publish "$jar" "$id")
    [ "$code" = 302 ] || { echo "round $round: publishing op-ed $id answered $code" >&2; exit 1; }
  done
  # The third publication was acknowledged: kill now.
  kill -9 "$app"
  wait "$app" 2> /dev/null || true
  app=
  # Read in a copy, so that H2's shell (which recovers and closes the file) leaves the data directory as the kill
  # left it for the application's own recovery at the next start.
  cp -a "$data" "$work/after-kill-$round"
  status=$(java -cp "$h2_jar" org.h2.tools.Shell -url "jdbc:h2:file:$work/after-kill-$round/tribunes" \
    -user sa -password '' -sql "select status from article where id = $id" | awk 'NR == 2 && !/^\(/ { print $1 }')
  if [ "$status" = PUBLISHED ]; then
    echo "round $round: op-ed $id, publication acknowledged, then kill -9: published in the file"
    [ "${KEEP:-0}" = 1 ] || rm -rf "$work/after-kill-$round"
  else
    echo "round $round: op-ed $id, publication acknowledged, then kill -9: LOST (in the file: '${status:-no such op-ed}')" >&2
    lost=$((lost + 1))
  fi
done

echo
echo "faults injected (kill -9 right after an acknowledged publication): $rounds"
echo "acknowledged publications lost: $lost"
[ "$lost" = 0 ]
