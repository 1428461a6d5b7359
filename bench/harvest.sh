#!/usr/bin/env bash
# The archive as a research source at scale (issue 20): on the synthetic archive bench/run.sh builds
# (target/bench-COUNT, 100,000 op-eds by default; built here if missing), the site serving with the Dockerfile's JVM
# options, measures as a harvester and a researcher would, sampling the application's resident memory (VmRSS)
# every 0.2 s:
#
#  1. the dataset: /donnees/tribunes.jsonl and /donnees/tribunes.csv downloaded whole (time, size, lines), then
#     asked again with their ETag (304);
#  2. OAI-PMH: a whole ListIdentifiers harvest and a whole ListRecords harvest, token after token (pages, records,
#     time, the slowest page), then one theme's set and one day's records;
#  3. Memento: a TimeMap, a TimeGate redirect and a Memento of a random op-ed.
#
# Prints, for each, the time and the application's resident memory before, at its peak during, and after.
#
#   bench/harvest.sh            # 100,000 op-eds
#   bench/harvest.sh 10000
#
# Environment: JVM_OPTS (as bench/run.sh), PORT (8089). The downloads stay in target/bench-COUNT/harvest/.
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-100000}
case "$count" in *[!0-9]* | 0) echo "usage: bench/harvest.sh [COUNT]" >&2; exit 2 ;; esac
port=${PORT:-8089}
data="target/bench-$count"
work="$data/harvest"
# shellcheck source=bench/lib.sh
. bench/lib.sh
need curl curl
need python3 python3

dockerfile_jvm
build_jar
build_archive "$count" "$data"
jar=$(jar_file)
rm -rf "$work"
mkdir -p "$work"
base="http://127.0.0.1:$port"
# shellcheck disable=SC2086
java $jvm_opts -jar "$jar" --tribunes.data-dir="$data" --server.port="$port" > "$work/app.log" 2>&1 &
app=$!
sampler=""
trap 'kill $app $sampler 2> /dev/null || true' EXIT
wait_for_app "$app" "$base" "$work/app.log"
echo "== $count op-eds in $data, $(nproc) cores, JVM: $jvm_opts"

rss() { awk '/^VmRSS:/ { print int($2 / 1024) }' "/proc/$app/status"; }

# Runs a measure while sampling the application's resident memory; prints time and memory before, peak, after.
measure() { # name, command...
  local name=$1 before start end
  shift
  before=$(rss)
  (while :; do rss >> "$work/$name.rss"; sleep 0.2; done) &
  sampler=$!
  start=$(date +%s.%N)
  "$@" > "$work/$name.txt"
  end=$(date +%s.%N)
  kill "$sampler"
  wait "$sampler" 2> /dev/null || true
  sampler=""
  printf '%-24s %8.1f s   RSS %4d MB before, %4d MB peak, %4d MB after   %s\n' "$name" "$(echo "$end - $start" | bc)" \
    "$before" "$(sort -n "$work/$name.rss" | tail -1)" "$(rss)" "$(tr '\n' ' ' < "$work/$name.txt")"
}

download() { # path, file
  curl -fsS -D "$work/$2.headers" -o "$work/$2" -w '%{http_code} %{size_download} bytes %{time_total} s' "$base$1"
  echo " $(wc -l < "$work/$2") lines"
  etag=$(grep -i '^etag:' "$work/$2.headers" | cut -d' ' -f2 | tr -d '\r')
  echo "again with its ETag: $(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: $etag" "$base$1")"
}

# Follows an OAI-PMH list token after token: pages, records, deleted ones, the slowest page.
harvest() { # query
  python3 - "$base/oai" "$1" <<'PY'
import sys, time, urllib.request, urllib.parse, xml.etree.ElementTree as ET
base, query = sys.argv[1], sys.argv[2]
ns = {"o": "http://www.openarchives.org/OAI/2.0/"}
verb = dict(urllib.parse.parse_qsl(query))["verb"]
pages = records = deleted = 0
slowest = 0.0
ids = set()
while True:
    started = time.time()
    with urllib.request.urlopen(base + "?" + query) as answer:
        root = ET.fromstring(answer.read())
    slowest = max(slowest, time.time() - started)
    error = root.find("o:error", ns)
    if error is not None:
        print("error", error.get("code"))
        break
    pages += 1
    for header in root.iter("{http://www.openarchives.org/OAI/2.0/}header"):
        records += 1
        ids.add(header.find("o:identifier", ns).text)
        deleted += header.get("status") == "deleted"
    token = root.find(".//o:resumptionToken", ns)
    if token is None or not (token.text or "").strip():
        break
    query = "verb=" + verb + "&resumptionToken=" + urllib.parse.quote(token.text.strip())
print(f"{pages} pages, {records} records ({len(ids)} distinct, {deleted} deleted), slowest page {slowest:.3f} s")
PY
}

memento() {
  curl -fsS -o /dev/null -w 'TimeMap %{http_code} %{time_total} s; ' "$base/tribunes/$OP_ED/versions"
  curl -sS -o /dev/null -w 'TimeGate %{http_code} %{time_total} s; ' \
    -H 'Accept-Datetime: Thu, 22 Oct 2015 12:00:00 GMT' "$base/tribunes/$OP_ED/memento"
  curl -fsS -o /dev/null -w 'Memento %{http_code} %{time_total} s\n' "$base/tribunes/$OP_ED/versions/1"
}

measure "dataset: JSON Lines" download /donnees/tribunes.jsonl tribunes.jsonl
measure "dataset: CSV" download /donnees/tribunes.csv tribunes.csv
measure "OAI: ListIdentifiers" harvest "verb=ListIdentifiers&metadataPrefix=oai_dc"
measure "OAI: ListRecords" harvest "verb=ListRecords&metadataPrefix=oai_dc"
measure "OAI: set $THEME" harvest "verb=ListRecords&metadataPrefix=oai_dc&set=themes:$THEME"
day=$(date -u +%Y-%m-%d)
measure "OAI: from $day" harvest "verb=ListIdentifiers&metadataPrefix=oai_dc&from=$day"
measure "Memento" memento
echo "peak resident memory of the application over the run: $(awk '/^VmHWM:/ { print int($2 / 1024) }' \
  "/proc/$app/status") MB"
