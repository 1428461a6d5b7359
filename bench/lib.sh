# Functions shared by the scripts of bench/ (sourced, not run): tools, the jar, the synthetic archive, starting the
# application and waiting for it. Run from the project directory.

# Tools: said how to install, installed only by a CI job running as root.
need() { # command, Debian package
  if ! command -v "$1" > /dev/null && [ ! -x "/usr/sbin/$1" ]; then
    if [ "$(id -u)" = 0 ] && [ -n "${CI:-}" ]; then
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" > /dev/null
    else
      echo "$1 is needed: sudo apt-get install $2" >&2
      exit 1
    fi
  fi
}

build_jar() {
  echo "== building the jar"
  ./mvnw -B -q -DskipTests package
}

# For the scripts that start the application themselves: stops the script if something already answers on PORT,
# and sets JAR to the application's jar, building it unless JAR was given.
port_and_jar() { # port
  if curl -s -o /dev/null "http://127.0.0.1:$1/"; then
    echo "port $1 is already taken: set PORT" >&2
    exit 1
  fi
  if [ -z "${JAR:-}" ]; then
    build_jar
    JAR=$(jar_file)
  fi
}

# Sets jvm_opts to the Dockerfile's JVM options (unless JVM_OPTS is given), and limits glibc's malloc arenas as the
# image does, so that resident memory is measured as it would be in the container.
dockerfile_jvm() {
  # shellcheck disable=SC2034 # read by the scripts that call this
  jvm_opts=${JVM_OPTS:-$(sed -n 's/^ENV JAVA_TOOL_OPTIONS="\([^"]*\)".*/\1/p' Dockerfile)}
  export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
}

# The application's jar, once built.
jar_file() {
  ls target/tribunes-*.jar | grep -v -- '-plain\.jar$' | head -1
}

# Builds (or keeps) the synthetic archive of COUNT op-eds in DATA through the application's own code
# (fr.tribunes.benchmark.SyntheticArchive, in the test sources), then reads its bench.env: OP_ED, THEME,
# THEME_OP_EDS, AUTHOR, AUTHOR_OP_EDS.
build_archive() { # count, data directory
  echo "== synthetic archive of $1 op-eds in $2"
  local generator_log="target/$(basename "$2")-generator.log"
  if ! ./mvnw -B -q exec:java -Dexec.classpathScope=test -Dexec.mainClass=fr.tribunes.benchmark.SyntheticArchive \
    -Dexec.args="$2 $1" > "$generator_log" 2>&1; then
    grep -E 'delete the directory|ERROR' "$generator_log" | head -5 >&2
    echo "the synthetic archive was not built; see $generator_log" >&2
    exit 1
  fi
  grep -E '^(generated|listed|indexed|index already|biggest|.*already holds)' "$generator_log"
  # shellcheck disable=SC1091
  . "$2/bench.env"
}

# Waits until the application of process PID is ready (its readiness probe answers 200: after the start-up tasks,
# such as creating the first editor, not merely when Tomcat answers), at most 5 minutes; stops the script if it dies.
wait_for_app() { # pid, base address, log file
  local began
  began=$(date +%s)
  until curl -fs -o /dev/null "$2/actuator/health/readiness"; do
    if ! kill -0 "$1" 2> /dev/null; then
      echo "the application stopped; see $3" >&2
      exit 1
    fi
    if [ $(($(date +%s) - began)) -gt 300 ]; then
      echo "the application did not answer within 5 minutes; see $3" >&2
      exit 1
    fi
    sleep 0.2
  done
}

# Back-office sessions with curl: signs in with a cookie jar (the CSRF token comes from the sign-in page).
# Fails (returns 1) unless the answer is the redirect to the administration.
sign_in() { # base, cookie jar, username, password
  local csrf location
  csrf=$(curl -fsS -c "$2" -b "$2" "$1/connexion" | csrf_of) || return 1
  location=$(curl -sS -c "$2" -b "$2" -o /dev/null -w '%{redirect_url}' \
    --data-urlencode "username=$3" --data-urlencode "password=$4" --data-urlencode "_csrf=$csrf" \
    "$1/connexion") || return 1
  case "$location" in */admin/tribunes) return 0 ;; *) return 1 ;; esac
}

# The CSRF token of the form read on stdin.
csrf_of() {
  grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="\([^"]*\)"/\1/'
}

# The value of the input NAME in the page read on stdin (HTML-escaped as the page has it).
input_value() { # name
  grep -o "name=\"$1\" value=\"[^\"]*\"" | head -1 | sed 's/.*value="\([^"]*\)"/\1/'
}

# H2's jar, at the version the application uses, for its shell (org.h2.tools.Shell) on a stopped archive.
h2_jar() {
  local version jar
  version=$(sed -n 's:.*<h2.version>\(.*\)</h2.version>.*:\1:p' pom.xml)
  jar="$HOME/.m2/repository/com/h2database/h2/$version/h2-$version.jar"
  [ -f "$jar" ] || ./mvnw -B -q dependency:get -Dartifact="com.h2database:h2:$version" > /dev/null
  echo "$jar"
}

# What a script's EXIT trap does: stops the processes it started (empty arguments are skipped) and deletes its work
# folder, unless KEEP=1.
stop_and_clean() { # work folder, pids...
  local work=$1 pid
  shift
  for pid in "$@"; do
    [ -n "$pid" ] || continue
    kill "$pid" 2> /dev/null || true
    wait "$pid" 2> /dev/null || true
  done
  if [ "${KEEP:-0}" = 1 ]; then echo "kept: $work"; else rm -rf "$work"; fi
}
