#!/usr/bin/env bash
# The whole set-up of deploy/README.md on one machine, on loopback, in a temporary directory, as an operator would
# run it: PostgreSQL on port 55432, one OpenSearch node on 59200 (SEARCH_PORT; its transport port is SEARCH_PORT +
# 100), two instances of Tribunes on 8081 and 8082 with the profiles postgres and opensearch (one database, one search
# cluster, outbox polling), nginx on 8080 with deploy/tribunes.conf in front of them.
#
#   deploy/two-instances.sh           # starts everything, checks it, then serves until Ctrl-C
#   deploy/two-instances.sh --check   # starts everything, checks it, stops
#
#   JAR=/path/to/tribunes.jar         # the application (default: target/tribunes-*.jar, built by ./mvnw if absent);
#                                     # it is copied into the temporary directory, so a rebuild meanwhile is harmless
#   SEARCH_PORT=59200 SEARCH_HEAP=512m SEARCH_DELAY_S=10
#
# Needs Debian's PostgreSQL server binaries, nginx, curl, Java (17 or later, for the application and OpenSearch) and
# unzip: sudo apt-get install postgresql nginx-light curl default-jre-headless unzip. The OpenSearch node is
# deploy/opensearch-node.sh's, from Maven Central's artifacts (target/opensearch/ or the local Maven repository, else
# fetched by ./mvnw). Run as root, PostgreSQL runs as the postgres user and OpenSearch as nobody. Everything started
# is stopped at exit, and the temporary directory deleted.
#
# The checks: both instances and nginx answer /, nginx spreads 20 readers' requests over both instances; an editor
# signs in through nginx (the session is in the database, so the editor's requests go to both instances), publishes
# a synthetic op-ed then corrects it, and after each step the second instance serves what the editor did at once,
# and a search for a made-up word of the new text, asked of each instance directly, finds the op-ed within
# SEARCH_DELAY_S seconds (the delays measured are printed: 1 to 1.5 s on an idle machine, the outbox polling's 100 ms
# plus OpenSearch's 1 s refresh; 2 to 3 s on a busy one), while the word of the corrected text is found no more.
set -euo pipefail
cd "$(dirname "$0")/.."

search_port=${SEARCH_PORT:-59200}
search_heap=${SEARCH_HEAP:-512m}
search_delay_s=${SEARCH_DELAY_S:-10}

pg_bin=$(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V | tail -1)
if [ -z "$pg_bin" ] || [ ! -x "$pg_bin/initdb" ]; then
  echo "PostgreSQL's server binaries are needed: sudo apt-get install postgresql" >&2
  exit 1
fi
nginx=$(command -v nginx || echo /usr/sbin/nginx)
[ -x "$nginx" ] || { echo "nginx is needed: sudo apt-get install nginx-light" >&2; exit 1; }
command -v curl > /dev/null || { echo "curl is needed: sudo apt-get install curl" >&2; exit 1; }
command -v java > /dev/null || { echo "Java is needed: sudo apt-get install default-jre-headless" >&2; exit 1; }
command -v unzip > /dev/null || { echo "unzip is needed: sudo apt-get install unzip" >&2; exit 1; }
for port in 55432 "$search_port" $((search_port + 100)) 8081 8082 8080; do
  if (exec 3<> "/dev/tcp/127.0.0.1/$port") 2> /dev/null; then
    echo "port $port is already taken on 127.0.0.1 (SEARCH_PORT=… moves OpenSearch's)" >&2
    exit 1
  fi
done

jar=${JAR:-}
if [ -z "$jar" ]; then
  jar=$(printf '%s\n' target/tribunes-*.jar | head -1)
  if [ ! -f "$jar" ]; then
    ./mvnw -B -q -DskipTests package
    jar=$(printf '%s\n' target/tribunes-*.jar | head -1)
  fi
fi
[ -f "$jar" ] || { echo "no application at $jar" >&2; exit 1; }

dir=$(mktemp -d "${TMPDIR:-/tmp}/tribunes-two.XXXXXX")
# 755: as root, OpenSearch runs as nobody in $dir/opensearch.
chmod 755 "$dir"
# PostgreSQL refuses to run as root: as root, it runs as the postgres user Debian's package created.
as_pg=()
if [ "$(id -u)" = 0 ]; then as_pg=(runuser -u postgres --); fi
pids=()
fail() { echo "FAILED: $*" >&2; exit 1; }
stop() {
  # The instances and nginx first (an instance stops gracefully, 20 s at most), then what they use.
  for pid in "${pids[@]}"; do kill "$pid" 2> /dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2> /dev/null || true; done
  if [ -f "$dir/opensearch/opensearch.pid" ]; then
    deploy/opensearch-node.sh stop "$dir/opensearch" > /dev/null || true
  fi
  if [ -f "$dir/pg/postmaster.pid" ]; then
    "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$dir/pg" -m fast stop > /dev/null || true
  fi
  rm -rf "$dir"
}
trap stop EXIT
trap 'exit 130' INT TERM

cp "$jar" "$dir/tribunes.jar"

echo "== PostgreSQL on 127.0.0.1:55432 ($dir/pg)"
mkdir "$dir/pg"
[ "$(id -u)" = 0 ] && chown postgres "$dir/pg"
"${as_pg[@]}" "$pg_bin/initdb" -D "$dir/pg" -U tribunes --auth=trust -E UTF8 --locale=C.UTF-8 > "$dir/initdb.log"
"${as_pg[@]}" "$pg_bin/pg_ctl" -D "$dir/pg" -l "$dir/pg/server.log" -w \
  -o "-p 55432 -k $dir/pg -c listen_addresses=127.0.0.1" start > /dev/null
"$pg_bin/createdb" -h 127.0.0.1 -p 55432 -U tribunes tribunes

echo "== OpenSearch on 127.0.0.1:$search_port, heap $search_heap ($dir/opensearch, deploy/opensearch-node.sh)"
search_url=$(deploy/opensearch-node.sh start "$dir/opensearch" "$search_port" "$search_heap")
curl -fsS "$search_url/" | grep -o '"number" *: *"[^"]*"' | sed 's/^/   version /'

password="deux-instances-$RANDOM$RANDOM"
instance() { # port
  TRIBUNES_DB_URL=jdbc:postgresql://127.0.0.1:55432/tribunes TRIBUNES_DB_USER=tribunes TRIBUNES_DB_PASSWORD=trust \
    TRIBUNES_SEARCH_URL="$search_url" \
    TRIBUNES_DATA_DIR="$dir/instance-$1" TRIBUNES_SITE_URL=http://127.0.0.1:8080 PORT="$1" \
    TRIBUNES_ADMIN_PASSWORD="$password" SERVER_FORWARD_HEADERS_STRATEGY=native \
    java -Xmx256m -jar "$dir/tribunes.jar" --spring.profiles.active=postgres,opensearch > "$dir/instance-$1.log" 2>&1 &
  pids+=($!)
  # Ready once started and done with start-up work (the first builds the search index if it is empty), as a load
  # balancer polling the readiness probe would see it.
  until curl -fs -o /dev/null "http://127.0.0.1:$1/actuator/health/readiness"; do
    kill -0 "${pids[-1]}" 2> /dev/null || { cat "$dir/instance-$1.log" >&2; exit 1; }
    sleep 1
  done
  curl -fs -o /dev/null "http://127.0.0.1:$1/" || fail "the instance on :$1 is ready but does not serve /"
  echo "== instance on 127.0.0.1:$1 ready, serves the archive"
}
# One after the other: the first applies Flyway's migrations (the outbox tables among them) and creates the search
# index, the second finds them there.
instance 8081
instance 8082

echo "== nginx on 127.0.0.1:8080, with deploy/tribunes.conf"
mkdir -p "$dir/nginx/tmp"
sed -e 's/listen 80;/listen 127.0.0.1:8080;/' deploy/tribunes.conf > "$dir/nginx/tribunes.conf"
cat > "$dir/nginx/nginx.conf" << CONF
worker_processes 1;
daemon off;
pid $dir/nginx/nginx.pid;
error_log $dir/nginx/error.log warn;
events { worker_connections 256; }
http {
  include /etc/nginx/mime.types;
  log_format upstream '\$request \$status \$upstream_addr';
  access_log $dir/nginx/access.log upstream;
  client_body_temp_path $dir/nginx/tmp/body;
  proxy_temp_path $dir/nginx/tmp/proxy;
  fastcgi_temp_path $dir/nginx/tmp/fastcgi;
  uwsgi_temp_path $dir/nginx/tmp/uwsgi;
  scgi_temp_path $dir/nginx/tmp/scgi;
  include $dir/nginx/tribunes.conf;
}
CONF
"$nginx" -p "$dir/nginx" -e "$dir/nginx/error.log" -c "$dir/nginx/nginx.conf" &
pids+=($!)
until curl -fs -o /dev/null http://127.0.0.1:8080/; do sleep 0.2; done

echo "== checks"
for _ in $(seq 1 20); do curl -fs -o /dev/null http://127.0.0.1:8080/; done
served=$(awk '$2 == "/" { print $NF }' "$dir/nginx/access.log" | sort | uniq -c)
while read -r count address; do echo "   readers served by $address: $count"; done <<< "$served"
[ "$(echo "$served" | wc -l)" -ge 2 ] || fail "nginx sent every request to one instance"

# An editor signs in through nginx (which sends the editor's requests to either instance: the session is in the
# database), publishes a synthetic op-ed, then corrects it; after each step the second instance, asked directly,
# serves what the editor did, and each instance's search finds it by a made-up word of its new text.
cookies="$dir/cookies.txt"
browse() { curl -fsS -c "$cookies" -b "$cookies" "$@"; }
csrf() { grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//'; }
page() { # instance port, path: the page's text
  curl -fsS "http://127.0.0.1:$1$2"
}
path=/tribunes/tribune-synthetique-deux-instances
# A word no dictionary has, letters only: the search can find it in this op-ed and nowhere else.
made_up() { printf 'synthetique%s' "$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n' | tr 0-9 g-p)"; }
now_ms() { date +%s%3N; }
found() { # instance port, word: whether that instance's search lists the op-ed
  local html
  html=$(curl -fsS "http://127.0.0.1:$1/recherche?q=$2") && [[ $html == *"href=\"$path\""* ]]
}
searched() { # word, what the editor did, when (now_ms): waits until each instance's search finds the op-ed by WORD
  local word=$1 what=$2 since=$3 port pending=(8081 8082) still
  while :; do
    still=()
    for port in "${pending[@]}"; do
      if found "$port" "$word"; then
        echo "   $what through nginx: :$port finds it by /recherche?q=$word after $(($(now_ms) - since)) ms"
      else
        still+=("$port")
      fi
    done
    pending=("${still[@]}")
    [ ${#pending[@]} -gt 0 ] || return 0
    [ $(($(now_ms) - since)) -lt $((search_delay_s * 1000)) ] ||
      fail "$what: the search of :${pending[*]} did not find the op-ed by '$word' within $search_delay_s s"
    sleep 0.1
  done
}
token=$(browse http://127.0.0.1:8080/connexion | csrf)
browse -o /dev/null --data-urlencode username=redaction --data-urlencode "password=$password" \
  --data-urlencode "_csrf=$token" http://127.0.0.1:8080/connexion
save() { # path of the form, the first paragraph, more form fields...
  local form=$1 paragraph=$2
  shift 2
  local html
  html=$(browse "http://127.0.0.1:8080$form")
  browse -o /dev/null -w '%{redirect_url}' \
    --data-urlencode "_csrf=$(echo "$html" | csrf)" \
    --data-urlencode "version=$(echo "$html" | grep -o 'name="version" value="[0-9]*"' | grep -o '[0-9]*' || echo 0)" \
    --data-urlencode "title=Tribune synthétique n° 2002 (données de test, deux instances)" \
    --data-urlencode "slug=tribune-synthetique-deux-instances" \
    --data-urlencode "standfirst=Chapô synthétique." \
    --data-urlencode "text=$paragraph" \
    --data-urlencode "date=2024-03" \
    --data-urlencode "bylines[0].author=Auteur synthétique 2002" \
    --data-urlencode "bylines[0].role=Rôle synthétique" \
    --data-urlencode "themes=Thème synthétique 2002" \
    "$@" "http://127.0.0.1:8080$form"
}
first_word=$(made_up)
second_word=$(made_up)
edit=$(save /admin/tribunes/nouvelle "Premier état synthétique du texte, $first_word." | sed 's|^https\?://[^/]*||')
case "$edit" in /admin/tribunes/[0-9]*) ;; *) fail "creating a draft through nginx (redirected to '$edit')" ;; esac
found 8081 "$first_word" && fail "a draft is found by the search"
token=$(browse "http://127.0.0.1:8080$edit" | csrf)
since=$(now_ms)
browse -o /dev/null --data-urlencode "_csrf=$token" "http://127.0.0.1:8080$edit/publication"
[[ $(page 8082 "$path") == *"Premier état synthétique du texte"* ]] || fail "the second instance does not serve the op-ed"
echo "   published through nginx: the second instance serves it"
searched "$first_word" published "$since"
since=$(now_ms)
save "$edit" "Second état synthétique du texte, $second_word." --data-urlencode "reason=Correction synthétique" \
  > /dev/null
[[ $(page 8082 "$path") == *"Second état synthétique du texte"* ]] || fail "the second instance serves the op-ed uncorrected"
echo "   corrected through nginx: the second instance, which had served it, serves the correction"
searched "$second_word" corrected "$since"
for port in 8081 8082; do
  found "$port" "$first_word" && fail ":$port still finds the corrected op-ed by the word it no longer holds"
done
echo "   and neither finds it any more by the corrected text's $first_word"
editors=$(awk '$2 ~ "^/(admin|connexion)" { print $NF }' "$dir/nginx/access.log" | sort -u)
[ "$(echo "$editors" | wc -l)" -ge 2 ] || fail "nginx sent every request of the editor to one instance"
echo "   the editor's requests went to both instances, on one session: ${editors//$'\n'/ }"
echo "   on OpenSearch: $(curl -fsS "$search_url/_cat/indices/tribunes-*?h=index" | tr '\n' ' ')holding" \
  "$(curl -fsS "$search_url/tribunes-*/_count" | grep -o '"count":[0-9]*' | cut -d: -f2) op-ed(s)"
echo "== serving: http://127.0.0.1:8080/ (nginx), :8081 and :8082 (the instances), $search_url (OpenSearch);"
echo "   editor 'redaction', password $password; logs in $dir"
if [ "${1:-}" = --check ]; then
  echo "== checked; stopping"
  exit 0
fi
echo "== Ctrl-C stops everything"
wait "${pids[0]}"
