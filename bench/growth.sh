#!/usr/bin/env bash
# Bounded growth of H2's file: H2 is opened with REUSE_SPACE=FALSE, so every commit appends to the file, and
# storage.H2Compaction compacts it, the site running, when less than tribunes.h2.compact-below-percent (50 %) of it is
# live: at the quiet moment tribunes.h2.compact-at names, and at any time below half that (docs/data.md, "H2 has no
# redo log"). On a copy of the synthetic archive bench/run.sh builds (target/bench-COUNT, 100,000 op-eds by default;
# built if missing, never modified: the copy, index included so that nothing is rebuilt, goes to
# target/bench-COUNT/growth), with the Dockerfile's JVM options, the application takes COMMENTS (10,000) comments on
# op-eds drawn at random among the published ones, through the public form (the op-ed page read first for the form's
# token), and CORRECTIONS (1,000) corrections through the back office's form, one every COMMENTS / CORRECTIONS
# comments, sent by WRITERS (3) concurrent writers. The corrections go to EDITED (30) synthetic op-eds of the
# benchmark's own, created and published through the forms first, each writer correcting its own (no edit conflicts).
#
# The days a site runs are compressed into the run: the quiet moment is every minute (--tribunes.h2.compact-at=
# "0 * * * * *") instead of 04:30 every day, so the writes span several quiet moments, each compacting the file if
# it is below the threshold. The comment limits are lifted (as bench/crash.sh does, plus the caps per token and of
# comments pending per op-ed), since all comments come from one address and one script.
#
# Records the file's size before the writes, samples it every second while they run (the largest, and the largest on
# disk counting H2's temporary files), records every answer's status and time, then waits for the next quiet moment
# (at most 70 s) and records the size after. Stops the application cleanly (SIGTERM; it compacts again on stopping
# below the threshold), reads the database with H2's shell, the application stopped: every comment and every
# correction acknowledged must be there (by the marker each carries), and the tables must have grown by exactly that;
# measures the live data by compacting a copy of the file with H2's shell (H2's own live share, which the threshold
# reads, is shown beside it); then starts the application again and reads a sample of the writes back through it.
# Prints a summary: sizes, each compaction from the log (live share, size before and after, time) and the answers
# that overlapped one, acknowledged and found writes, failed requests (any answer other than 2xx/3xx, a refused
# comment or correction included) and the slowest answers. Exits 1 if anything acknowledged was lost or any request
# failed.
#
#   bench/growth.sh                          # 100,000 op-eds, 10,000 comments, 1,000 corrections (15-30 min)
#   COMMENTS=200 CORRECTIONS=20 bench/growth.sh
#   BELOW=80 bench/growth.sh                 # compact below 80 % live instead of the application's 50 %
#
# Needs curl and java (apt-get install curl). Environment: COMMENTS, CORRECTIONS, WRITERS (1-4: an editor keeps at
# most five sessions), EDITED, BELOW (tribunes.h2.compact-below-percent; the application's default when unset),
# JVM_OPTS (as bench/run.sh), PORT (8094), JAR (an application jar already built: skips the build), KEEP=1 keeps the
# copy, the logs and the request records in target/bench-COUNT/growth (deleted at the end otherwise).
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-100000}
case "$count" in *[!0-9]* | 0) echo "usage: bench/growth.sh [COUNT]" >&2; exit 2 ;; esac
comments=${COMMENTS:-10000}
corrections=${CORRECTIONS:-1000}
writers=${WRITERS:-3}
edited=${EDITED:-30}
port=${PORT:-8094}
case "$comments$corrections$writers$edited" in *[!0-9]*) echo "COMMENTS, CORRECTIONS, WRITERS, EDITED: numbers" >&2; exit 2 ;; esac
if [ "$writers" -lt 1 ] || [ "$writers" -gt 4 ] || [ "$edited" -lt "$writers" ] || [ "$comments" -lt 1 ]; then
  echo "WRITERS must be 1 to 4, EDITED at least WRITERS, COMMENTS at least 1" >&2
  exit 2
fi
data="target/bench-$count"
work="$(pwd)/$data/growth"
copy="$work/data"
base="http://127.0.0.1:$port"
# shellcheck source=bench/lib.sh
. bench/lib.sh
need curl curl
need java default-jre-headless

port_and_jar "$port"
if [ ! -f "$data/tribunes.mv.db" ] || [ ! -f "$data/bench.env" ]; then
  build_archive "$count" "$data"
fi
h2_jar=$(h2_jar)
dockerfile_jvm
app_args=(--tribunes.data-dir="$copy" --server.port="$port"
  --tribunes.comments.min-delay=0s --tribunes.comments.max-per-address=1000000
  --tribunes.comments.max-pending-per-article=1000000 --tribunes.comments.max-per-token=1000000
  "--tribunes.h2.compact-at=0 * * * * *" --logging.level.fr.tribunes.system=info)
if [ -n "${BELOW:-}" ]; then app_args+=(--tribunes.h2.compact-below-percent="$BELOW"); fi

rm -rf "$work"
mkdir -p "$work"
app=
sampler=
pids=()
stop() { stop_and_clean "$work" "${pids[@]}" "$sampler" "$app"; }
trap stop EXIT
trap 'exit 130' INT TERM

mb() { awk -v b="$1" 'BEGIN { printf "%.1f MB", b / 1048576 }'; }
size_of() { stat -c %s "$copy/tribunes.mv.db"; }
# H2's shell on the copy, the application stopped: URL options, then the SQL.
h2() { # options, sql
  java -cp "$h2_jar" org.h2.tools.Shell -url "jdbc:h2:file:$copy/tribunes$1" -user sa -password '' -sql "$2"
}
# The share of H2's file that is live (%), the application stopped.
live_share() {
  h2 ";ACCESS_MODE_DATA=r" "select setting_value from information_schema.settings
    where setting_name = 'info.CHUNKS_FILL_RATE'" | awk 'NR == 2 { print $1 }'
}

echo "== copying $data (database and search index) to $work"
mkdir -p "$copy"
cp "$data/tribunes.mv.db" "$copy/"
cp -r "$data/index" "$copy/"
# The copy's editors are removed, so that the first editor is created at start with a password this script knows;
# the comments and revisions it holds are counted, and the published op-eds listed for the comments.
h2 "" "delete from editor" > /dev/null
read -r comments_before revisions_before < <(h2 ";ACCESS_MODE_DATA=r" \
  "select (select count(*) from comment) as c, (select count(*) from article_revision) as r" \
  | awk 'NR == 2 { print $1, $3 }')
h2 ";ACCESS_MODE_DATA=r" "call csvwrite('$work/published.csv',
  'select id, slug from article where status = ''PUBLISHED''', 'writeColumnHeader=false')" > /dev/null
copied_size=$(size_of)
copied_live=$(live_share)
echo "$(mb "$copied_size"), $copied_live % live; $(wc -l < "$work/published.csv") published op-eds," \
  "$comments_before comments, $revisions_before revisions"

editor=redaction-croissance
password="croissance-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
start_app() { # log name
  # shellcheck disable=SC2086
  TRIBUNES_ADMIN_USERNAME=$editor TRIBUNES_ADMIN_PASSWORD=$password java $jvm_opts -jar "$JAR" "${app_args[@]}" \
    > "$work/$1.log" 2>&1 &
  app=$!
  wait_for_app "$app" "$base" "$work/$1.log"
}
# Stops the application with SIGTERM and waits for it (at most 120 s: a stop may compact the file); sets stop_seconds.
stop_app() {
  local began=$SECONDS
  kill "$app"
  while kill -0 "$app" 2> /dev/null; do
    if [ $((SECONDS - began)) -gt 120 ]; then
      echo "the application was still stopping after 120 s" >&2
      exit 1
    fi
    sleep 0.5
  done
  wait "$app" 2> /dev/null || true
  app=
  stop_seconds=$((SECONDS - began))
}

echo "== starting the application (JVM: $jvm_opts)"
start_app app
if grep -q 'Search index rebuilt' "$work/app.log"; then echo "(the search index was rebuilt at start)"; fi
cookies="$work/cookies-setup"
sign_in "$base" "$cookies" "$editor" "$password" || { echo "could not sign in; see $work/app.log" >&2; exit 1; }

# The op-eds the writers correct: the benchmark's own, each about as long as an archive op-ed. A correction rewrites
# one paragraph, with its marker; the reason carries the marker too.
filler="Ce paragraphe d’une tribune synthétique est réécrit pour mesurer la croissance du fichier de la base : chaque\
 correction en garde une version complète dans l’historique public, et la page, ses listes et l’index de recherche\
 sont mis à jour dans la même transaction. Le texte est long comme celui d’une tribune de l’archive, pour que chaque\
 correction écrive autant qu’une vraie."
op_ed_text() { # marker
  local i
  for i in 1 2 3 4 5 6; do printf '%s %s\n\n' "Paragraphe $i." "$filler"; done
  printf 'Paragraphe corrigé %s, le dernier.' "$1"
}
title() { echo "Tribune synthétique n° $((800000 + $1)), corrigée pendant la mesure de croissance (données de test)"; }
echo "== creating and publishing $edited op-eds to correct"
: > "$work/edited"
for i in $(seq 1 "$edited"); do
  csrf=$(curl -fsS -b "$cookies" -c "$cookies" "$base/admin/tribunes/nouvelle" | csrf_of)
  location=$(curl -sS -b "$cookies" -c "$cookies" -o /dev/null -w '%{redirect_url}' \
    --data-urlencode "title=$(title "$i")" --data-urlencode "text=$(op_ed_text "zgr0")" \
    --data-urlencode "date=2025-01" --data-urlencode "bylines[0].author=Auteur synthétique de la croissance" \
    --data-urlencode "themes=Thème synthétique de la croissance" --data-urlencode "_csrf=$csrf" \
    "$base/admin/tribunes/nouvelle")
  case "$location" in */admin/tribunes/[0-9]*) id=${location##*/} ;; *) echo "op-ed $i not created" >&2; exit 1 ;; esac
  page=$(curl -fsS -b "$cookies" -c "$cookies" "$base/admin/tribunes/$id")
  [ "$(curl -sS -o /dev/null -w '%{http_code}' -b "$cookies" -c "$cookies" \
    --data-urlencode "_csrf=$(csrf_of <<< "$page")" "$base/admin/tribunes/$id/publication")" = 302 ] \
    || { echo "op-ed $id not published" >&2; exit 1; }
  printf '%s %s %s\n' "$id" "$(input_value slug <<< "$page")" "$i" >> "$work/edited"
done

# The plan: comments on op-eds drawn at random (with replacement), a correction after every `step` comments; each
# line goes to a writer in turn.
step=$((corrections > 0 ? comments / corrections : comments + 1))
[ "$step" -ge 1 ] || step=1
shuf -r -n "$comments" "$work/published.csv" | tr -d '"' | tr ',' ' ' \
  | awk -v step="$step" -v k="$corrections" -v w="$writers" -v dir="$work" '
    function out(line) { print line > (dir "/plan-" (n++ % w)) }
    { out("c " $1 " " $2); if (NR % step == 0 && done < k) { out("k"); done++ } }
    END { while (done < k) { out("k"); done++ } }'

# One request: appends "start, writer, what, status, seconds, ok or FAILED, detail" to the writer's record; returns 1
# unless the answer was the expected one ("status redirect", matched as a glob).
request() { # writer, what, detail, expected, curl's arguments...
  local w=$1 what=$2 detail=$3 expected=$4 start out code seconds verdict=ok
  shift 4
  start=$EPOCHREALTIME
  out=$(curl -sS --max-time 120 -w '%{http_code} %{time_total} %{redirect_url}' "$@" 2> /dev/null) || true
  [ -n "$out" ] || out="000 0 "
  # shellcheck disable=SC2053
  [[ $out == $expected ]] || verdict=FAILED
  read -r code seconds _ <<< "$out"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$start" "$w" "$what" "$code" "$seconds" "$verdict" "$detail" \
    >> "$work/requests-$w.tsv"
  [ "$verdict" = ok ]
}

writer() { # number (0-based)
  local w=$1 jar="$work/cookies-$1" page="$work/page-$1.html" n=0 k=0 kind id slug marker csrf version
  local -a mine
  : > "$work/requests-$w.tsv"
  sign_in "$base" "$jar" "$editor" "$password" || { echo "writer $w could not sign in" >&2; return 1; }
  # Its own op-eds: every writers-th one.
  mapfile -t mine < <(awk -v w="$w" -v n="$writers" '(NR - 1) % n == w { print $1, $2 }' "$work/edited")
  while read -r kind id slug; do
    n=$((n + 1))
    case "$kind" in
      c)
        marker="zgr${w}c$n"
        request "$w" page "$slug" '200 *' -o "$page" "$base/tribunes/$slug" || continue
        request "$w" comment "$id $slug $marker" '200 *' -o /dev/null -H "Origin: $base" \
          --data-urlencode "comment=Commentaire synthétique $marker du test de croissance du fichier." \
          --data-urlencode "name=Lecteur synthétique" --data-urlencode "email=lecteur@example.org" \
          --data-urlencode "website=" --data-urlencode "subject=" \
          --data-urlencode "token=$(input_value token < "$page")" \
          "$base/tribunes/$slug/commentaires" || true
        ;;
      k)
        marker="zgr${w}k$n"
        read -r id slug <<< "${mine[$((k % ${#mine[@]}))]}"
        k=$((k + 1))
        request "$w" form "$id" '200 *' -o "$page" -b "$jar" -c "$jar" "$base/admin/tribunes/$id" || continue
        csrf=$(csrf_of < "$page") || true
        version=$(input_value version < "$page") || true
        request "$w" correction "$id $slug $marker" "302 */admin/tribunes/$id" -o /dev/null -b "$jar" -c "$jar" \
          --data-urlencode "title=$(title "$(awk -v id="$id" '$1 == id { print $3 }' "$work/edited")")" \
          --data-urlencode "slug=$slug" --data-urlencode "text=$(op_ed_text "$marker")" \
          --data-urlencode "date=2025-01" --data-urlencode "bylines[0].author=Auteur synthétique de la croissance" \
          --data-urlencode "themes=Thème synthétique de la croissance" --data-urlencode "version=$version" \
          --data-urlencode "reason=Correction synthétique $marker du test de croissance" \
          --data-urlencode "_csrf=$csrf" "$base/admin/tribunes/$id" || true
        ;;
    esac
  done < "$work/plan-$w"
}

# The file's size every second: time, the database file, and every file of H2's (a compaction writes a new one
# beside it).
sample_sizes() {
  while kill -0 "$app" 2> /dev/null; do
    printf '%s\t%s\t%s\n' "$(date +%s)" "$(size_of 2> /dev/null || echo 0)" \
      "$(find "$copy" -maxdepth 1 -name 'tribunes.*' -printf '%s\n' 2> /dev/null | awk '{ s += $1 } END { print s + 0 }')" \
      >> "$work/sizes.tsv"
    sleep 1
  done
}

compactions_begun() { grep -c "compacting it, requests that need the database wait" "$work/app.log" || true; }
compactions_ended() { grep -c -E "H2's file compacted in|H2's file not compacted|Could not compact" "$work/app.log" || true; }

before_size=$(size_of)
echo "== $comments comments and $corrections corrections by $writers writers, from $(mb "$before_size")"
sample_sizes &
sampler=$!
writes_began=$SECONDS
for w in $(seq 0 $((writers - 1))); do
  writer "$w" &
  pids+=($!)
done
for pid in "${pids[@]}"; do wait "$pid" || echo "a writer stopped early" >&2; done
pids=()
writes_seconds=$((SECONDS - writes_began))
cat "$work"/requests-*.tsv > "$work/requests.tsv"
echo "writes done in $writes_seconds s; file $(mb "$(size_of)")"

# The next quiet moment (every minute, at second 0): a compaction begun then is waited for.
began=$(compactions_begun)
sleep $((60 - $(date +%s) % 60 + 5))
for _ in $(seq 1 60); do
  [ "$(compactions_ended)" -ge "$(compactions_begun)" ] && break
  sleep 1
done
after_size=$(size_of)
quiet_compacted=$(($(compactions_begun) - began))
kill "$sampler" 2> /dev/null || true
wait "$sampler" 2> /dev/null || true
sampler=

echo "== stopping the application (SIGTERM)"
stop_app
first_stop_seconds=$stop_seconds
stopped_size=$(size_of)
stopped_live=$(live_share)
h2 ";ACCESS_MODE_DATA=r" "call csvwrite('$work/found.csv', 'select body from comment where body like ''%zgr%''
  union all select reason from article_revision where reason like ''%zgr%''', 'writeColumnHeader=false')" > /dev/null
read -r comments_after revisions_after < <(h2 ";ACCESS_MODE_DATA=r" \
  "select (select count(*) from comment) as c, (select count(*) from article_revision) as r" \
  | awk 'NR == 2 { print $1, $3 }')

awk -F'\t' '$6 == "ok" && $3 == "comment" { split($7, d, " "); print d[3] }' "$work/requests.tsv" | sort > "$work/acked-c"
awk -F'\t' '$6 == "ok" && $3 == "correction" { split($7, d, " "); print d[3] }' "$work/requests.tsv" | sort > "$work/acked-k"
grep -o 'zgr[0-9]*c[0-9]*' "$work/found.csv" | sort > "$work/found-c" || true
grep -o 'zgr[0-9]*k[0-9]*' "$work/found.csv" | sort > "$work/found-k" || true
acked_c=$(wc -l < "$work/acked-c")
acked_k=$(wc -l < "$work/acked-k")
lost_c=$(comm -23 "$work/acked-c" "$work/found-c" | wc -l)
lost_k=$(comm -23 "$work/acked-k" "$work/found-k" | wc -l)
extra_c=$(comm -13 "$work/acked-c" "$work/found-c" | wc -l)
extra_k=$(comm -13 "$work/acked-k" "$work/found-k" | wc -l)
# (sed reads everything: head would stop the pipe early, and pipefail end the script.)
comm -23 "$work/acked-c" "$work/found-c" | sed -n '1,5s/^/lost comment: /p' >&2
comm -23 "$work/acked-k" "$work/found-k" | sed -n '1,5s/^/lost correction: /p' >&2

# The live data, measured: a copy of the file compacted by H2's shell (SHUTDOWN COMPACT, as the application does).
# H2's own figure (info.CHUNKS_FILL_RATE, which the application's threshold reads) is shown beside it.
mkdir -p "$work/live"
cp "$copy/tribunes.mv.db" "$work/live/"
java -cp "$h2_jar" org.h2.tools.Shell -url "jdbc:h2:file:$work/live/tribunes" -user sa -password '' \
  -sql "shutdown compact" > /dev/null 2>&1 || true # SHUTDOWN closes the shell's connection: an error, expected
live_size=$(stat -c %s "$work/live/tribunes.mv.db")
rm -rf "$work/live"

# Started again, a sample of what was acknowledged read back through the application: comments in the moderation
# queue, each corrected op-ed's latest correction on its public page.
echo "== starting the application again, reading back a sample"
start_app restart
sign_in "$base" "$cookies" "$editor" "$password" || { echo "could not sign in after restart" >&2; exit 1; }
unread=0
sampled=0
while read -r id slug marker; do
  sampled=$((sampled + 1))
  body=$(curl -fsS -b "$cookies" -c "$cookies" "$base/admin/commentaires?tribune=$id" 2> /dev/null || true)
  [[ $body == *"$marker"* ]] || { echo "not read back: comment $marker on $slug" >&2; unread=$((unread + 1)); }
done < <(awk -F'\t' '$6 == "ok" && $3 == "comment" { print $7 }' "$work/requests.tsv" | shuf -n 20)
while read -r id slug marker; do
  sampled=$((sampled + 1))
  body=$(curl -fsS "$base/tribunes/$slug.md" 2> /dev/null || true)
  [[ $body == *"Paragraphe corrigé $marker, le dernier."* ]] \
    || { echo "not read back: correction $marker of $slug" >&2; unread=$((unread + 1)); }
done < <(awk -F'\t' '$6 == "ok" && $3 == "correction" { split($7, d, " "); last[d[1]] = $7 } END { for (i in last) print last[i] }' \
  "$work/requests.tsv")
stop_app

# The summary.
requests=$(wc -l < "$work/requests.tsv")
failed=$(awk -F'\t' '$6 != "ok"' "$work/requests.tsv" | wc -l)
read -r largest largest_disk < <(awk -F'\t' '$2 > m { m = $2 } $3 > d { d = $3 } END { print m + 0, d + 0 }' "$work/sizes.tsv")
# What the writes appended: the file's growth from one sample to the next, its falls (compactions) left out.
appended=$(awk -F'\t' -v b="$before_size" 'BEGIN { p = b } { if ($2 > p) s += $2 - p; p = $2 } END { print s + 0 }' "$work/sizes.tsv")
ratio() { # a, b, decimals (0): a / b, as a percentage with no third argument
  awk -v a="$1" -v b="$2" -v d="${3:-}" 'BEGIN { if (!b) print "?"; else if (d != "") printf "%.2f", a / b; else printf "%.0f", 100 * a / b }'
}
at() { date -u -d "@${1%.*}" +%H:%M:%S; }
echo
echo "== growth of H2's file: $count op-eds, $comments comments and $corrections corrections, $writers writers," \
  "$(nproc) cores, compacting below ${BELOW:-50} % live at every minute's quiet moment"
printf '%-30s %s\n' \
  "file as copied" "$(mb "$copied_size") ($copied_live % live)" \
  "before the writes" "$(mb "$before_size")" \
  "largest during" "$(mb "$largest") (on disk with H2's new file: $(mb "$largest_disk"), sampled every second)" \
  "after the next quiet moment" "$(mb "$after_size") (compacted then: $([ "$quiet_compacted" -gt 0 ] && echo yes || echo no))" \
  "after a clean stop" "$(mb "$stopped_size") (H2 says $stopped_live % live; the stop took $first_stop_seconds s)" \
  "live data (compacted copy)" "$(mb "$live_size"): $(ratio "$live_size" "$stopped_size") % of the file after the stop" \
  "file / live data" "largest $(ratio "$largest" "$live_size" 1)×, after the quiet moment $(ratio "$after_size" "$live_size" 1)×" \
  "appended by the writes" "$(mb "$appended"), $(awk -v a="$appended" -v n="$((acked_c + acked_k))" 'BEGIN { printf "%.1f KB", n ? a / n / 1024 : 0 }') per acknowledged write"
# Each compaction while the site ran, from the log: when the database was closed to requests (from the time the
# compaction logs, counted from before the gate closed) until it opened again, in seconds since the epoch.
{ grep -h "H2's file compacted in [0-9]* ms:" "$work/app.log" || true; } | while read -r stamp rest; do
  ms=${rest##*compacted in }
  ms=${ms%% ms*}
  end=$(date -d "$stamp" +%s.%N)
  awk -v e="$end" -v ms="$ms" 'BEGIN { printf "%.3f %.3f\n", e - ms / 1000, e }'
done > "$work/compactions"
echo "compactions (log): $(wc -l < "$work/compactions") while the site ran"
grep -h -E "H2's file (holds|compacted|not compacted)|Could not compact" "$work/app.log" "$work/restart.log" \
  | sed -E 's/^[0-9-]+T([0-9:]+)\.[0-9]+Z.* : /  \1 /' || echo "  none"
# Whether a request (start, seconds) overlapped a compaction.
during() { # start, seconds
  awk -v s="$1" -v d="$2" '$1 <= s + d && s <= $2 { found = 1 } END { exit !found }' "$work/compactions"
}
printf '%-30s %s\n' \
  "comments" "acknowledged $acked_c, found $(wc -l < "$work/found-c"), lost $lost_c, found but not acknowledged $extra_c (table: $comments_before → $comments_after, +$((comments_after - comments_before)))" \
  "corrections" "acknowledged $acked_k, found $(wc -l < "$work/found-k"), lost $lost_k, found but not acknowledged $extra_k (revisions: $revisions_before → $revisions_after, +$((revisions_after - revisions_before)) = $edited publications + $((revisions_after - revisions_before - edited)))" \
  "read back after restart" "$((sampled - unread)) of $sampled sampled" \
  "requests" "$requests in $writes_seconds s ($(awk -v r="$requests" -v s="$writes_seconds" 'BEGIN { printf "%.1f", s ? r / s : 0 }')/s), failed: $failed"
awk -F'\t' '$6 != "ok"' "$work/requests.tsv" | cut -f3,4 | sort | uniq -c | sed 's/^/  failed: /'
for what in page comment form correction; do
  awk -F'\t' -v w="$what" '$3 == w { print $5 }' "$work/requests.tsv" | sort -n \
    | awk -v w="$what" '{ t[NR] = $1 } $1 > 1 { over++ }
        END {
          if (!NR) exit
          p50 = int(NR * 0.5) + 1; if (p50 > NR) p50 = NR
          p99 = int(NR * 0.99) + 1; if (p99 > NR) p99 = NR
          printf "  %-10s %6d answers, p50 %.3f s, p99 %.3f s, max %.3f s, over 1 s: %d\n", w, NR, t[p50], t[p99], t[NR], over
        }'
done
awk -F'\t' -v windows="$work/compactions" '
  BEGIN { while ((getline line < windows) > 0) { split(line, w, " "); b[++n] = w[1]; e[n] = w[2] } }
  { for (i = 1; i <= n; i++) if (b[i] <= $1 + $5 && $1 <= e[i]) { waited++; if ($5 > m) m = $5; break } }
  END { if (n) printf "  answers overlapping a compaction: %d, the longest %.3f s\n", waited, m }' "$work/requests.tsv"
echo "slowest answers:"
sort -t$'\t' -k5,5 -g -r "$work/requests.tsv" | awk 'NR <= 5' | while IFS=$'\t' read -r start _ what code seconds _ detail; do
  printf '  %s s  %s %s at %s (%s)%s\n' "$seconds" "$what" "$code" "$(at "$start")" "${detail%% *}" \
    "$(during "$start" "$seconds" && echo ", during a compaction")"
done

lost=$((lost_c + lost_k))
growth_c=$((comments_after - comments_before - acked_c))
growth_k=$((revisions_after - revisions_before - edited - acked_k))
if [ "$lost" != 0 ] || [ "$failed" != 0 ] || [ "$unread" != 0 ] || [ "$growth_c" != "$extra_c" ] || [ "$growth_k" != "$extra_k" ]; then
  echo "FAILED: lost $lost, failed requests $failed, not read back $unread, unexplained rows: comments $((growth_c - extra_c)), revisions $((growth_k - extra_k))"
  exit 1
fi
echo "OK: nothing acknowledged lost, no request failed"
