#!/usr/bin/env bash
# Kill -9 during writes (issue 9): starts the application on a fresh data directory, runs a stream of edits through
# the back office's forms (create a synthetic op-ed, publish it, correct every second one, comment on each) and
# records every write the server acknowledged, kills the JVM with SIGKILL at a random moment, then checks the
# database as it was left (no op-ed without its text or its signatures, through H2's shell), restarts the
# application and checks every write acknowledged so far: the op-ed's exact title and text, the correction, the
# comment in the moderation queue, and the search index finding each op-ed by the words of its latest text.
# Prints the counts; exits 1 if anything acknowledged was lost, half-written or missing from the index.
#
#   bench/crash.sh                 # 5 kills
#   ROUNDS=2 bench/crash.sh        # fewer
#   COMPACT_AT='*/2 * * * * *' bench/crash.sh   # kills during online compactions too
#
# Needs curl and java (apt-get install curl). Environment: ROUNDS (5), PORT (8091), MIN_WAIT and MAX_WAIT, the
# seconds of writes before each kill, from the round's first acknowledged write (3 and 12), JAR (an application jar already built: skips the build), KEEP=1
# keeps the data directory and logs (printed at the end), COMPACT_AT (a cron for H2's online compaction, e.g.
# COMPACT_AT='*/2 * * * * *' compacts the file every 2 s when half of it is dead, so that kills land during
# compactions too; the application's default is once a day).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/lib.sh
. bench/lib.sh
need curl curl
need java default-jre-headless

rounds=${ROUNDS:-5}
port=${PORT:-8091}
min_wait=${MIN_WAIT:-3}
max_wait=${MAX_WAIT:-12}
base="http://127.0.0.1:$port"
port_and_jar "$port"
h2_jar=$(h2_jar)

work=$(mktemp -d "${TMPDIR:-/tmp}/tribunes-crash.XXXXXX")
data="$work/data"
acks="$work/acknowledged" # one line a write: kind, op-ed id, slug, the words that prove it
: > "$acks"
: > "$work/lost"
user=redaction-crash
password="crash-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
app=
writer=
stop() { stop_and_clean "$work" "$writer" "$app"; }
trap stop EXIT
trap 'exit 130' INT TERM

start_app() {
  TRIBUNES_ADMIN_USERNAME=$user TRIBUNES_ADMIN_PASSWORD=$password java -Xmx256m -jar "$JAR" \
    --tribunes.data-dir="$data" --server.port="$port" \
    --tribunes.comments.min-delay=0s --tribunes.comments.max-per-address=1000000 \
    ${COMPACT_AT:+"--tribunes.h2.compact-at=$COMPACT_AT" --logging.level.fr.tribunes.storage.H2Compaction=info} \
    >> "$work/app.log" 2>&1 &
  app=$!
  wait_for_app "$app" "$base" "$work/app.log"
}

code() { # curl's arguments: prints the HTTP status (000 when nothing answered)
  curl -sS -o /dev/null -w '%{http_code}' "$@" 2> /dev/null || true
}

# Writes until the server stops answering; appends each acknowledged write to $acks.
write_stream() { # round
  local jar="$work/cookies-$1" n=0 number slug id csrf location page version marker
  sign_in "$base" "$jar" "$user" "$password" || return 0
  while true; do
    n=$((n + 1))
    number=$(($1 * 10000 + n))
    marker="zqk${1}x${n}"
    csrf=$(curl -fsS -b "$jar" -c "$jar" "$base/admin/tribunes/nouvelle" 2> /dev/null | csrf_of) || return 0
    location=$(curl -sS -b "$jar" -c "$jar" -o /dev/null -w '%{http_code} %{redirect_url}' \
      --data-urlencode "title=Tribune synthétique n° $number, écrite pendant le test d’arrêt brutal (données de test)" \
      --data-urlencode "text=Paragraphe synthétique $marker, écrit pour le test d’arrêt brutal.

Second paragraphe synthétique du test." \
      --data-urlencode "date=2024-05" --data-urlencode "bylines[0].author=Auteur synthétique du test" \
      --data-urlencode "themes=Thème synthétique du test" --data-urlencode "_csrf=$csrf" \
      "$base/admin/tribunes/nouvelle" 2> /dev/null) || return 0
    case "$location" in 302\ */admin/tribunes/[0-9]*) id=${location##*/} ;; *) return 0 ;; esac
    page=$(curl -fsS -b "$jar" -c "$jar" "$base/admin/tribunes/$id" 2> /dev/null) || return 0
    slug=$(input_value slug <<< "$page")
    printf 'draft\t%s\t%s\t%s\n' "$id" "$slug" "$marker" >> "$acks"
    csrf=$(csrf_of <<< "$page")
    [ "$(code -b "$jar" -c "$jar" --data-urlencode "_csrf=$csrf" "$base/admin/tribunes/$id/publication")" = 302 ] || return 0
    printf 'published\t%s\t%s\t%s\n' "$id" "$slug" "$marker" >> "$acks"
    if [ $((n % 2)) = 0 ]; then
      page=$(curl -fsS -b "$jar" -c "$jar" "$base/admin/tribunes/$id" 2> /dev/null) || return 0
      version=$(input_value version <<< "$page")
      csrf=$(csrf_of <<< "$page")
      [ "$(code -b "$jar" -c "$jar" \
        --data-urlencode "title=Tribune synthétique n° $number, écrite pendant le test d’arrêt brutal (données de test)" \
        --data-urlencode "slug=$slug" \
        --data-urlencode "text=Paragraphe synthétique ${marker}c, corrigé pendant le test d’arrêt brutal." \
        --data-urlencode "date=2024-05" --data-urlencode "bylines[0].author=Auteur synthétique du test" \
        --data-urlencode "themes=Thème synthétique du test" --data-urlencode "version=$version" \
        --data-urlencode "reason=Correction synthétique du test" --data-urlencode "_csrf=$csrf" \
        "$base/admin/tribunes/$id")" = 302 ] || return 0
      printf 'corrected\t%s\t%s\t%s\n' "$id" "$slug" "${marker}c" >> "$acks"
    fi
    page=$(curl -fsS "$base/tribunes/$slug" 2> /dev/null) || return 0
    [ "$(code -H "Origin: $base" --data-urlencode "comment=Commentaire synthétique ${marker}m du test." \
      --data-urlencode "name=Lecteur synthétique" --data-urlencode "email=lecteur@example.org" \
      --data-urlencode "website=" --data-urlencode "subject=" \
      --data-urlencode "token=$(input_value token <<< "$page")" \
      "$base/tribunes/$slug/commentaires")" = 200 ] || return 0
    printf 'comment\t%s\t%s\t%s\n' "$id" "$slug" "${marker}m" >> "$acks"
  done
}

# On the database as the kill left it, before the application opens it again: op-eds without a paragraph or a
# signature (an op-ed is written in one transaction with its blocks and bylines, so there must be none).
half_written() {
  java -cp "$h2_jar" org.h2.tools.Shell -url "jdbc:h2:file:$data/tribunes" -user sa -password '' -sql \
    "select count(*) as half from article a where not exists (select 1 from article_block b where b.article_id = a.id)
       or not exists (select 1 from article_author s where s.article_id = a.id)" | awk 'NR == 2 { print $1 }'
}

# Whether the page (curl's arguments) holds TEXT; read whole first, so that grep stopping early fails nothing.
has() { # text, curl's arguments
  local text=$1 body
  shift
  body=$(curl -fsS "$@" 2> /dev/null) || return 1
  grep -qF -- "$text" <<< "$body"
}
# A write acknowledged and not found: reported once, however many restarts check it again.
missed() {
  grep -qxF -- "$1" "$work/lost" || echo "lost: $1" >&2
  echo "$1" >> "$work/lost"
  sort -u -o "$work/lost" "$work/lost"
  lost=$(wc -l < "$work/lost")
}

kills=0
half=0
lost=0
checked=0
unindexed=0
start_app
for round in $(seq 1 "$rounds"); do
  before=$(wc -l < "$acks")
  write_stream "$round" &
  writer=$!
  # The random delay runs from the round's first acknowledged write: a JVM just started answers its first back-office
  # pages slowly, and a round ended before any write would test nothing.
  for _ in $(seq 1 600); do
    [ "$(wc -l < "$acks")" -gt "$before" ] && break
    kill -0 "$writer" 2> /dev/null || { echo "round $round: the writer stopped before any write; see $work/app.log" >&2; exit 1; }
    sleep 0.2
  done
  sleep $((min_wait + RANDOM % (max_wait - min_wait + 1))).$((RANDOM % 10))
  kill -9 "$app"
  wait "$app" 2> /dev/null || true
  app=
  kills=$((kills + 1))
  # With KEEP=1, the data directory as the kill left it, before anything opens it again: to look at after a loss.
  if [ "${KEEP:-0}" = 1 ]; then cp -a "$data" "$work/data-after-kill-$round"; fi
  wait "$writer" || true
  writer=
  # What the database holds as the kill left it, beside what was acknowledged: says where a loss happened.
  java -cp "$h2_jar" org.h2.tools.Shell -url "jdbc:h2:file:$data/tribunes" -user sa -password '' -sql \
    "select (select count(*) from article) - 1 as op_eds, (select count(*) from comment) as comments" \
    | awk -v a="$(grep -c '^draft' "$acks" || true)" -v c="$(grep -c '^comment' "$acks" || true)" \
      'NR == 2 { print "  after the kill, in the database: " $1 " op-eds (" a " acknowledged), " $3 " comments (" c " acknowledged)" }'
  found=$(half_written)
  if [ "$found" != 0 ]; then
    echo "round $round: $found half-written op-eds (or the check failed: '$found')" >&2
    half=$((half + ${found:-1}))
  fi
  start_app
  # Everything acknowledged since the first round, read back after this restart.
  jar="$work/cookies-check"
  rm -f "$jar"
  sign_in "$base" "$jar" "$user" "$password" || { echo "cannot sign in after restart" >&2; exit 1; }
  declare -A acked=()
  while IFS=$'\t' read -r kind id slug marker; do
    checked=$((checked + 1))
    case "$kind" in
      draft) has "$marker" -b "$jar" -c "$jar" "$base/admin/tribunes/$id" || missed "draft $id ($marker)" ;;
      comment) has "${marker}" -b "$jar" -c "$jar" "$base/admin/commentaires?tribune=$id" || missed "comment on $slug ($marker)" ;;
      # Checked below, once per op-ed: its latest text.
      published | corrected) acked[$slug]="$kind $marker" ;;
    esac
  done < "$acks"
  for slug in "${!acked[@]}"; do
    read -r kind marker <<< "${acked[$slug]}"
    number=$(sed 's/^zqk\([0-9]*\)x\([0-9]*\).*/\1 \2/' <<< "$marker" | awk '{ print $1 * 10000 + $2 }')
    markdown=$(curl -fsS "$base/tribunes/$slug.md" 2> /dev/null || true)
    if ! grep -qxF "# Tribune synthétique n° $number, écrite pendant le test d’arrêt brutal (données de test)" <<< "$markdown"; then
      missed "op-ed $slug"
      continue
    fi
    # The text is the one acknowledged, or a correction the server made and died before acknowledging.
    if grep -qF "Paragraphe synthétique ${marker%c}c, corrigé pendant" <<< "$markdown"; then
      now=${marker%c}c
    elif [ "$kind" = published ] && grep -qF "Paragraphe synthétique $marker, écrit pour" <<< "$markdown"; then
      now=$marker
    else
      missed "the text of $slug ($marker)"
      continue
    fi
    has "/tribunes/$slug\"" "$base/recherche?q=$now" || {
      echo "not in the search index after restart $round: $slug ($now)" >&2
      unindexed=$((unindexed + 1))
    }
  done
  unset acked
  echo "round $round: killed after $(wc -l < "$acks") acknowledged writes in all, all checked again: lost $lost, half-written $half, missing from the index $unindexed"
done

acknowledged=$(wc -l < "$acks")
echo
echo "faults injected (kill -9): $kills"
echo "writes acknowledged:       $acknowledged ($(cut -f1 "$acks" | sort | uniq -c | awk '{ printf "%s%s %s", sep, $1, $2; sep = ", " }'))"
echo "checks of acknowledged writes after restarts: $checked"
echo "lost:                      $lost"
echo "half-written:              $half"
echo "missing from search index: $unindexed"
compactions=$(grep -c "H2's file compacted" "$work/app.log" || true)
echo "online compactions:        $compactions (begun: $(grep -c "compacting it, requests" "$work/app.log" || true))"
[ "$lost" = 0 ] && [ "$half" = 0 ] && [ "$unindexed" = 0 ]
