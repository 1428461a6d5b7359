#!/usr/bin/env bash
# One OpenSearch node on loopback, the same as the tests' (src/test/java/fr/tribunes/OpenSearchNode.java): OpenSearch's
# integ-test distribution from Maven Central, which has no bundled JDK and only the transport module, plus the
# analysis-common module (elision, French stop words, asciifolding, light_french stemmer), as a single-node cluster
# with disk watermarks off, for a benchmark or an operator on one machine.
#
#   deploy/opensearch-node.sh start DIR PORT [HEAP]   # unpacks into DIR unless already there, starts the node in the
#                                                     # background (heap 512m unless HEAP), waits until it is yellow,
#                                                     # prints its URL; DIR keeps its data from one start to the next
#   deploy/opensearch-node.sh stop DIR
#
# The node's output goes to DIR/node.log, its pid to DIR/opensearch.pid; its transport port is PORT + 100.
# The artifacts come from target/opensearch/ (./mvnw -Pfull generate-test-resources puts them there) or from the
# local Maven repository; when neither has them, the script fetches them from Maven Central itself with
#   ./mvnw -B -q dependency:copy -Dartifact=org.opensearch.distribution.integ-test-zip:opensearch:VERSION:zip \
#     -DoutputDirectory=target/opensearch
#   ./mvnw -B -q dependency:copy -Dartifact=org.opensearch.plugin:analysis-common:VERSION \
#     -DoutputDirectory=target/opensearch
# with VERSION the pom's opensearch.version (or OPENSEARCH_VERSION).
#
# Needs Java 11 or later (JAVA_HOME, or java on the PATH: OpenSearch runs on it), unzip and curl. OpenSearch refuses
# to run as root: run as root, the script gives DIR to nobody and starts the node as nobody with setpriv (util-linux),
# so DIR must be somewhere nobody can reach (/tmp or /srv, say; not under /root).
set -euo pipefail
project=$(cd "$(dirname "$0")/.." && pwd)

usage() {
  echo "usage: $0 start DIR PORT [HEAP] | $0 stop DIR" >&2
  exit 2
}

running() { # dir: true when DIR's node is alive
  [ -f "$1/opensearch.pid" ] && kill -0 "$(cat "$1/opensearch.pid")" 2> /dev/null
}

# Sets ZIP and JAR to the distribution and the module of VERSION, fetching them from Maven Central if need be.
artifacts() {
  local target=$project/target/opensearch m2=${MAVEN_REPOSITORY:-$HOME/.m2/repository}/org/opensearch
  ZIP=$target/opensearch-$version.zip
  JAR=$target/analysis-common-$version.jar
  [ -f "$ZIP" ] || ZIP=$m2/distribution/integ-test-zip/opensearch/$version/opensearch-$version.zip
  [ -f "$JAR" ] || JAR=$m2/plugin/analysis-common/$version/analysis-common-$version.jar
  if [ ! -f "$ZIP" ] || [ ! -f "$JAR" ]; then
    echo "== fetching OpenSearch $version from Maven Central into $target" >&2
    (cd "$project" &&
      ./mvnw -B -q dependency:copy -Dartifact="org.opensearch.distribution.integ-test-zip:opensearch:$version:zip" \
        -DoutputDirectory=target/opensearch &&
      ./mvnw -B -q dependency:copy -Dartifact="org.opensearch.plugin:analysis-common:$version" \
        -DoutputDirectory=target/opensearch) >&2
    ZIP=$target/opensearch-$version.zip
    JAR=$target/analysis-common-$version.jar
  fi
}

# Unpacks the distribution into DIR (which must be absent or empty) and adds analysis-common as a module, with the
# descriptor OpenSearch's build writes, less extended.plugins=lang-painless (there is no Painless here).
unpack() { # dir
  artifacts
  local unpacked
  unpacked=$(mktemp -d "$1.unpack.XXXXXX")
  unzip -q "$ZIP" -d "$unpacked"
  rmdir "$1" 2> /dev/null || true
  [ ! -e "$1" ] || { echo "$1 is neither empty nor an OpenSearch directory" >&2; rm -rf "$unpacked"; exit 1; }
  mv "$unpacked"/opensearch-* "$1"
  rmdir "$unpacked"
  mkdir "$1/modules/analysis-common" "$1/tmp"
  cp "$JAR" "$1/modules/analysis-common/"
  cat > "$1/modules/analysis-common/plugin-descriptor.properties" << EOF
name=analysis-common
description=Adds "built in" analyzers to OpenSearch.
version=$version
opensearch.version=$version
java.version=11
classname=org.opensearch.analysis.common.CommonAnalysisPlugin
EOF
}

start() { # dir port heap
  local dir=$1 port=$2 heap=$3
  if running "$dir"; then
    echo "a node already runs in $dir (pid $(cat "$dir/opensearch.pid")): $0 stop $dir" >&2
    exit 1
  fi
  if curl -s -o /dev/null "http://127.0.0.1:$port/"; then
    echo "port $port is already taken" >&2
    exit 1
  fi
  local java_home=${JAVA_HOME:-}
  if [ -z "$java_home" ]; then
    if ! command -v java > /dev/null; then
      echo "Java 11 or later is needed: sudo apt-get install default-jre-headless" >&2
      exit 1
    fi
    java_home=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
  fi
  [ -x "$dir/bin/opensearch" ] || unpack "$dir"

  # OpenSearch refuses to run as root: as root, the node runs as nobody, in a directory of its own.
  local as_user=()
  if [ "$(id -u)" = 0 ]; then
    as_user=(setpriv --reuid=nobody --regid="$(id -g nobody)" --init-groups --)
    chown -R nobody:"$(id -g nobody)" "$dir"
    if ! "${as_user[@]}" test -x "$dir/bin/opensearch"; then
      echo "nobody cannot reach $dir: choose a directory under /tmp or /srv, say" >&2
      exit 1
    fi
  fi

  # The working directory is DIR: jvm.options writes heap dumps to data/ relative to it.
  (cd "$dir" && OPENSEARCH_JAVA_HOME=$java_home OPENSEARCH_JAVA_OPTS="-Xms$heap -Xmx$heap" \
    OPENSEARCH_TMPDIR=$dir/tmp exec setsid "${as_user[@]}" "$dir/bin/opensearch" -p "$dir/opensearch.pid" \
    -Ecluster.name=tribunes -Enode.name=tribunes -Ediscovery.type=single-node -Enetwork.host=127.0.0.1 \
    -Ehttp.port="$port" -Etransport.port=$((port + 100)) \
    -Ecluster.routing.allocation.disk.threshold_enabled=false \
    > "$dir/node.log" 2>&1 < /dev/null) &
  local pid=$! started=$SECONDS
  until curl -fs -o /dev/null "http://127.0.0.1:$port/_cluster/health?wait_for_status=yellow&timeout=1s"; do
    if ! kill -0 "$pid" 2> /dev/null; then
      echo "OpenSearch stopped while starting; the end of $dir/node.log:" >&2
      tail -40 "$dir/node.log" >&2
      exit 1
    fi
    if [ $((SECONDS - started)) -ge 90 ]; then
      echo "OpenSearch was not yellow after 90 s; the end of $dir/node.log:" >&2
      tail -40 "$dir/node.log" >&2
      kill "$pid" 2> /dev/null || true
      exit 1
    fi
    sleep 1
  done
  echo "http://127.0.0.1:$port"
}

stop() { # dir
  local dir=$1 pid
  if ! running "$dir"; then
    echo "no node runs in $dir"
    return
  fi
  pid=$(cat "$dir/opensearch.pid")
  kill "$pid"
  for _ in $(seq 60); do
    kill -0 "$pid" 2> /dev/null || return 0
    sleep 1
  done
  echo "OpenSearch (pid $pid) still runs after 60 s: killed" >&2
  kill -9 "$pid" 2> /dev/null || true
}

[ $# -ge 2 ] || usage
dir=$(realpath -m "$2")
version=${OPENSEARCH_VERSION:-$(sed -n 's:.*<opensearch.version>\(.*\)</opensearch.version>.*:\1:p' "$project/pom.xml")}
[ -n "$version" ] || { echo "no opensearch.version in pom.xml: set OPENSEARCH_VERSION" >&2; exit 1; }
case $1 in
  start)
    [ $# -eq 3 ] || [ $# -eq 4 ] || usage
    command -v curl > /dev/null || { echo "curl is needed: sudo apt-get install curl" >&2; exit 1; }
    command -v unzip > /dev/null || { echo "unzip is needed: sudo apt-get install unzip" >&2; exit 1; }
    start "$dir" "$3" "${4:-512m}"
    ;;
  stop)
    [ $# -eq 2 ] || usage
    stop "$dir"
    ;;
  *) usage ;;
esac
