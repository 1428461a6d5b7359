#!/usr/bin/env bash
# Two instances of Tribunes on one PostgreSQL database behind nginx (deploy/tribunes.conf), all on loopback, all
# in a temporary directory: PostgreSQL on port 55432, the instances on 8081 and 8082, nginx on 8080.
#
#   deploy/two-instances.sh           # starts everything, checks it, then serves until Ctrl-C
#   deploy/two-instances.sh --check   # starts everything, checks it, stops
#
# Needs Debian's PostgreSQL server binaries, nginx and curl: sudo apt-get install postgresql nginx-light curl.
# The check: both instances and nginx answer /, nginx spreads 20 readers' requests over both instances, and what an
# editor does in the back office through nginx (publishing, then correcting a synthetic op-ed) the second instance
# serves at once; the editor's requests went to both instances, on one session kept in the database.
set -euo pipefail
cd "$(dirname "$0")/.."

pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2> /dev/null | sort -V | tail -1 || true)
if [ -z "$pg_bin" ] || [ ! -x "$pg_bin/initdb" ]; then
  echo "PostgreSQL's server binaries are needed: sudo apt-get install postgresql" >&2
  exit 1
fi
nginx=$(command -v nginx || echo /usr/sbin/nginx)
[ -x "$nginx" ] || { echo "nginx is needed: sudo apt-get install nginx-light" >&2; exit 1; }
command -v curl > /dev/null || { echo "curl is needed: sudo apt-get install curl" >&2; exit 1; }

ls target/tribunes-*.jar > /dev/null 2>&1 || ./mvnw -B -q -DskipTests package
jar=$(ls target/tribunes-*.jar | head -1)

dir=$(mktemp -d "${TMPDIR:-/tmp}/tribunes-two.XXXXXX")
chmod 755 "$dir"
# PostgreSQL refuses to run as root: as root, it runs as the postgres user Debian's package created.
as_pg=()
if [ "$(id -u)" = 0 ]; then as_pg=(runuser -u postgres --); fi
pids=()
stop() {
  for pid in "${pids[@]}"; do kill "$pid" 2> /dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2> /dev/null || true; done
  [ -f "$dir/pg/postmaster.pid" ] && "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$dir/pg" -m fast stop > /dev/null || true
  rm -rf "$dir"
}
trap stop EXIT
trap 'exit 130' INT TERM

echo "== PostgreSQL on 127.0.0.1:55432 ($dir/pg)"
mkdir "$dir/pg"
[ "$(id -u)" = 0 ] && chown postgres "$dir/pg"
"${as_pg[@]}" "$pg_bin/initdb" -D "$dir/pg" -U tribunes --auth=trust -E UTF8 --locale=C.UTF-8 > "$dir/initdb.log"
"${as_pg[@]}" "$pg_bin/pg_ctl" -D "$dir/pg" -l "$dir/pg/server.log" -w \
  -o "-p 55432 -k $dir/pg -c listen_addresses=127.0.0.1" start > /dev/null
"$pg_bin/createdb" -h 127.0.0.1 -p 55432 -U tribunes tribunes

password="deux-instances-$RANDOM$RANDOM"
instance() { # port
  SPRING_PROFILES_ACTIVE=postgres \
    TRIBUNES_DB_URL=jdbc:postgresql://127.0.0.1:55432/tribunes TRIBUNES_DB_USER=tribunes TRIBUNES_DB_PASSWORD=trust \
    TRIBUNES_DATA_DIR="$dir/instance-$1" TRIBUNES_SITE_URL=http://127.0.0.1:8080 PORT="$1" \
    TRIBUNES_ADMIN_PASSWORD="$password" SERVER_FORWARD_HEADERS_STRATEGY=native \
    java -Xmx256m -jar "$jar" > "$dir/instance-$1.log" 2>&1 &
  pids+=($!)
  until curl -fs -o /dev/null "http://127.0.0.1:$1/"; do
    kill -0 "${pids[-1]}" 2> /dev/null || { cat "$dir/instance-$1.log" >&2; exit 1; }
    sleep 1
  done
  echo "== instance on 127.0.0.1:$1 serves the archive"
}
# One after the other: the first applies Flyway's migrations, the second finds them applied.
instance 8081
instance 8082

echo "== nginx on 127.0.0.1:8080, with deploy/tribunes.conf"
mkdir -p "$dir/nginx/tmp"
sed -e 's/listen 80;/listen 127.0.0.1:8080;/' deploy/tribunes.conf > "$dir/nginx/tribunes.conf"
cat > "$dir/nginx/nginx.conf" << EOF
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
EOF
"$nginx" -p "$dir/nginx" -e "$dir/nginx/error.log" -c "$dir/nginx/nginx.conf" &
pids+=($!)
until curl -fs -o /dev/null http://127.0.0.1:8080/; do sleep 0.2; done

echo "== checks"
fail() { echo "FAILED: $*" >&2; exit 1; }
for _ in $(seq 1 20); do curl -fs -o /dev/null http://127.0.0.1:8080/; done
served=$(awk '$2 == "/" { print $NF }' "$dir/nginx/access.log" | sort | uniq -c)
echo "$served" | sed 's/^/   readers served by /'
[ "$(echo "$served" | wc -l)" -ge 2 ] || fail "nginx sent every request to one instance"

# An editor signs in through nginx (which sends the editor's requests to either instance: the session is in the
# database), publishes a synthetic op-ed, then corrects it; after each step the second instance, asked directly,
# serves what the editor did.
cookies="$dir/cookies.txt"
browse() { curl -fsS -c "$cookies" -b "$cookies" "$@"; }
csrf() { grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//'; }
page() { # instance port, path: the page's text
  curl -fsS "http://127.0.0.1:$1$2"
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
path=/tribunes/tribune-synthetique-deux-instances
edit=$(save /admin/tribunes/nouvelle "Premier état synthétique du texte." | sed 's|^https\?://[^/]*||')
case "$edit" in /admin/tribunes/[0-9]*) ;; *) fail "creating a draft through nginx (redirected to '$edit')" ;; esac
token=$(browse "http://127.0.0.1:8080$edit" | csrf)
browse -o /dev/null --data-urlencode "_csrf=$token" "http://127.0.0.1:8080$edit/publication"
page 8082 "$path" | grep -q "Premier état synthétique du texte." || fail "the second instance does not serve the op-ed"
echo "   published through nginx: the second instance serves it"
save "$edit" "Second état synthétique du texte." --data-urlencode "reason=Correction synthétique" > /dev/null
page 8082 "$path" | grep -q "Second état synthétique du texte." || fail "the second instance serves the op-ed uncorrected"
echo "   corrected through nginx: the second instance, which had served it, serves the correction"
editors=$(awk '$2 ~ "^/(admin|connexion)" { print $NF }' "$dir/nginx/access.log" | sort -u)
[ "$(echo "$editors" | wc -l)" -ge 2 ] || fail "nginx sent every request of the editor to one instance"
echo "   the editor's requests went to both instances, on one session:" $editors
echo "== serving: http://127.0.0.1:8080/ (nginx), :8081 and :8082 (the instances); editor 'redaction', password $password"
echo "   logs in $dir"
if [ "${1:-}" = --check ]; then
  echo "== checked; stopping"
  exit 0
fi
echo "== Ctrl-C stops everything"
wait "${pids[0]}"
