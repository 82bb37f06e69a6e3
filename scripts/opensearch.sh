#!/usr/bin/env bash
# Local single-node OpenSearch for development and CI.
#
#   bash scripts/opensearch.sh install   # download + assemble (first time only)
#   bash scripts/opensearch.sh start     # install if needed, start, wait for health;
#                                        # prints http://127.0.0.1:9200 as the last line (stdout)
#   bash scripts/opensearch.sh stop
#   bash scripts/opensearch.sh status    # exit 0 when running, 3 when not
#
# What it builds: the OpenSearch "integ-test-zip" distribution from Maven Central (core
# server + transport-netty4 only, no security plugin), plus the modules that product search
# needs, fetched from Maven as plain jars: lang-painless, analysis-common, mapper-extras,
# percolator, reindex. Needs Java 11-23 (17 preferred), Maven and curl. No Docker.
#
# Where: var/opensearch/ in the project (git-ignored). When running as root the server runs
# as the system user "opensearch" (OpenSearch refuses to run as root); if that user cannot
# reach the project folder (e.g. a clone under /root, mode 700), the server is installed to
# /var/lib/tradeleads-opensearch/<hash of project path> and var/opensearch is a symlink to it.
# Server logs: var/opensearch/logs/ (startup.log = launcher output, tradeleads-dev.log = server).
#
# Environment overrides (optional):
#   OPENSEARCH_JAVA_HOME    Java used to run the server (default: detected, 17 preferred)
#   OPENSEARCH_JAVA_OPTS    JVM options (default: -Xms512m -Xmx512m)
#   OPENSEARCH_BOOT_TIMEOUT seconds to wait for green/yellow health (default: 120)
set -euo pipefail
umask 022

OS_VERSION=2.19.6
OS_HOST=127.0.0.1
OS_PORT=9200
OS_URL="http://${OS_HOST}:${OS_PORT}"
OS_USER=opensearch            # only used when this script runs as root
CLUSTER_NAME=tradeleads-dev
BOOT_TIMEOUT="${OPENSEARCH_BOOT_TIMEOUT:-120}"
JAVA_OPTS_DEFAULT="-Xms512m -Xmx512m"
MVN_DEP_PLUGIN=org.apache.maven.plugins:maven-dependency-plugin:3.6.1
EXTERNAL_BASE=/var/lib/tradeleads-opensearch

# module folder name | maven artifact (org.opensearch.plugin) | plugin class | extended plugins
MODULES=(
  "lang-painless|lang-painless|org.opensearch.painless.PainlessPlugin|"
  "analysis-common|analysis-common|org.opensearch.analysis.common.CommonAnalysisPlugin|lang-painless"
  "mapper-extras|mapper-extras-client|org.opensearch.index.mapper.MapperExtrasPlugin|"
  "percolator|percolator-client|org.opensearch.percolator.PercolatorPlugin|"
  "reindex|reindex-client|org.opensearch.index.reindex.ReindexPlugin|"
)
# Changing this string (or OS_VERSION) makes the next start/install rebuild the install.
INSTALL_STAMP="opensearch=${OS_VERSION} modules=lang-painless,analysis-common,mapper-extras,percolator,reindex recipe=1"

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
PROJECT_ROOT="$(cd "$SCRIPT_DIR/.." && pwd -P)"
VAR_DIR="$PROJECT_ROOT/var"
LINK="$VAR_DIR/opensearch"

log() { printf '[opensearch] %s\n' "$*" >&2; }
die() { printf '[opensearch] ERROR: %s\n' "$*" >&2; exit 1; }
is_root() { [[ "$(id -u)" -eq 0 ]]; }

# ---------------------------------------------------------------- locations

# Sets OS_HOME to the install dir already in use, or "" when nothing is installed.
find_home() {
  OS_HOME=""
  if [[ -L "$LINK" ]]; then
    OS_HOME="$(readlink "$LINK")"
  elif [[ -d "$LINK" ]]; then
    OS_HOME="$LINK"
  fi
  PIDFILE="${OS_HOME:+$OS_HOME/opensearch.pid}"
}

# Sets OS_HOME for a (new) install: var/opensearch if the server user can reach it,
# otherwise a folder under /var/lib (var/opensearch then becomes a symlink to it).
choose_home() {
  [[ -n "${HOME_CHOSEN:-}" ]] && return 0
  find_home
  HOME_CHOSEN=1
  [[ -n "$OS_HOME" ]] && return 0
  mkdir -p "$VAR_DIR"
  OS_HOME="$LINK"
  ensure_user
  # access(2) checks search permission on every ancestor, so this is the real test.
  if is_root && ! as_os_user test -x "$VAR_DIR" 2>/dev/null; then
    local hash
    hash="$(printf '%s' "$PROJECT_ROOT" | sha256sum | cut -c1-12)"
    OS_HOME="$EXTERNAL_BASE/$hash"
    log "user '$OS_USER' cannot reach $VAR_DIR; using $OS_HOME (symlinked from var/opensearch)"
  fi
  PIDFILE="$OS_HOME/opensearch.pid"
}

link_home() {
  if [[ "$OS_HOME" != "$LINK" ]]; then
    mkdir -p "$VAR_DIR"
    ln -sfn "$OS_HOME" "$LINK"
  fi
}

# ---------------------------------------------------------------- helpers

ensure_user() {
  is_root || return 0
  id -u "$OS_USER" >/dev/null 2>&1 && return 0
  log "creating system user '$OS_USER'"
  if command -v useradd >/dev/null 2>&1; then
    useradd --system --user-group --no-create-home --home-dir /nonexistent \
      --shell /usr/sbin/nologin "$OS_USER"
  elif command -v adduser >/dev/null 2>&1; then
    adduser -S -D -H -h /nonexistent -s /sbin/nologin "$OS_USER"   # busybox
  else
    die "running as root but cannot create user '$OS_USER' (no useradd/adduser)"
  fi
}

# Run a command as the server user (as-is when not root).
as_os_user() {
  if ! is_root; then
    "$@"
  elif command -v runuser >/dev/null 2>&1; then
    runuser -u "$OS_USER" -- "$@"
  else
    su -s /bin/bash "$OS_USER" -c "$(printf '%q ' "$@")"
  fi
}

java_major() {  # JAVA_HOME -> major version (or nothing)
  [[ -x "$1/bin/java" ]] || return 0
  "$1/bin/java" -version 2>&1 | awk -F'"' '/version/ {print $2; exit}' |
    awk -F. '{ if ($1 == "1") print $2; else print $1 }' | sed 's/[^0-9].*//'
}

# Sets OS_JAVA_HOME. OpenSearch 2.19 needs Java 11+ and the security manager (gone in Java 24).
find_java() {
  local cands=() c m
  [[ -n "${OPENSEARCH_JAVA_HOME:-}" ]] && cands+=("$OPENSEARCH_JAVA_HOME")
  cands+=(/usr/lib/jvm/java-17-openjdk-amd64 /usr/lib/jvm/java-17-openjdk-* /usr/lib/jvm/java-21-openjdk-*)
  [[ -n "${JAVA_HOME:-}" ]] && cands+=("$JAVA_HOME")
  if command -v java >/dev/null 2>&1; then
    c="$(readlink -f "$(command -v java)")"
    cands+=("$(dirname "$(dirname "$c")")")
  fi
  for c in "${cands[@]}"; do
    [[ -x "$c/bin/java" ]] || continue
    m="$(java_major "$c")"
    if [[ -n "$m" && "$m" -ge 11 && "$m" -le 23 ]]; then
      OS_JAVA_HOME="$c"
      return 0
    fi
    [[ -n "${OPENSEARCH_JAVA_HOME:-}" && "$c" == "$OPENSEARCH_JAVA_HOME" ]] &&
      log "ignoring OPENSEARCH_JAVA_HOME=$c (Java $m; need 11-23)"
  done
  die "no usable Java found (need Java 11-23, e.g. openjdk-17-jdk-headless); set OPENSEARCH_JAVA_HOME"
}

# http_request METHOD PATH [JSON-BODY]: prints the response body. curl, else bash /dev/tcp.
http_request() {
  local method="$1" path="$2" body="${3:-}"
  if command -v curl >/dev/null 2>&1; then
    local args=(-s --max-time 5 -X "$method")
    [[ -n "$body" ]] && args+=(-H 'Content-Type: application/json' --data "$body")
    curl "${args[@]}" "$OS_URL$path"
  else
    (
      exec 3<>"/dev/tcp/$OS_HOST/$OS_PORT" || exit 7
      printf '%s %s HTTP/1.0\r\nHost: %s\r\nContent-Type: application/json\r\nContent-Length: %s\r\n\r\n%s' \
        "$method" "$path" "$OS_HOST" "${#body}" "$body" >&3
      timeout 5 cat <&3 | sed '1,/^\r\{0,1\}$/d'
    ) 2>/dev/null
  fi
}
http_get() { http_request GET "$1"; }

port_in_use() {
  (exec 3<>"/dev/tcp/$OS_HOST/$OS_PORT") 2>/dev/null
}

health_status() {  # prints green/yellow/red or nothing
  http_get /_cluster/health 2>/dev/null | sed -n 's/.*"status" *: *"\([a-z]*\)".*/\1/p' || true
}

server_pid() {  # prints the pid of our running server, or nothing
  [[ -n "${PIDFILE:-}" && -f "$PIDFILE" ]] || return 0
  local pid
  pid="$(tr -dc '0-9' <"$PIDFILE" 2>/dev/null || true)"
  [[ -n "$pid" ]] || return 0
  if kill -0 "$pid" 2>/dev/null && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q 'org.opensearch.bootstrap.OpenSearch'; then
    echo "$pid"
  fi
}

installed() {
  [[ -n "${OS_HOME:-}" && -f "$OS_HOME/.tradeleads-install" ]] &&
    [[ "$(cat "$OS_HOME/.tradeleads-install")" == "$INSTALL_STAMP" ]]
}

# Extract ZIP into DIR with unzip, python3 or jar; restore exec bits zip tools may drop.
extract_zip() {
  local zip="$1" dir="$2"
  mkdir -p "$dir"
  if command -v unzip >/dev/null 2>&1; then
    unzip -q "$zip" -d "$dir"
  elif command -v python3 >/dev/null 2>&1; then
    python3 -m zipfile -e "$zip" "$dir"
  elif command -v jar >/dev/null 2>&1; then
    (cd "$dir" && jar xf "$zip")
  else
    die "need unzip, python3 or jar to extract $zip"
  fi
}

run_mvn() {  # run maven quietly, logging to $MVN_LOG; show the log on failure
  if ! mvn -q -B "$@" >>"$MVN_LOG" 2>&1; then
    tail -n 40 "$MVN_LOG" >&2
    die "maven failed: mvn $*"
  fi
}

jar_base() {  # foo-bar-1.2.3.jar -> foo-bar
  basename "$1" | sed -E 's/-[0-9].*\.jar$//; s/\.jar$//'
}

# ---------------------------------------------------------------- install

add_module() {  # dist dir, module spec
  local dist="$1" name artifact classname extended
  IFS='|' read -r name artifact classname extended <<<"$2"
  local work="$STAGE/mod-$name" moddir="$dist/modules/$name"
  mkdir -p "$work" "$moddir"
  cat >"$work/pom.xml" <<EOF
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local.tradeleads</groupId><artifactId>opensearch-module-$name</artifactId>
  <version>0</version><packaging>pom</packaging>
  <dependencies>
    <dependency>
      <groupId>org.opensearch.plugin</groupId><artifactId>$artifact</artifactId><version>$OS_VERSION</version>
    </dependency>
  </dependencies>
</project>
EOF
  run_mvn -f "$work/pom.xml" "$MVN_DEP_PLUGIN:copy-dependencies" \
    -DincludeScope=runtime -DoutputDirectory="$work/jars"

  # Jars already on the server classpath (lib/) or in an extended plugin's folder must not
  # be duplicated ("jar hell"); compare by artifact name, ignoring versions.
  local have=" " j
  for j in "$dist"/lib/*.jar; do have+="$(jar_base "$j") "; done
  if [[ -n "$extended" ]]; then
    for j in "$dist/modules/$extended"/*.jar; do have+="$(jar_base "$j") "; done
  fi
  for j in "$work"/jars/*.jar; do
    [[ "$have" == *" $(jar_base "$j") "* ]] || cp "$j" "$moddir/"
  done
  ls "$moddir"/"$artifact"-*.jar >/dev/null 2>&1 || die "module $name: $artifact jar missing"

  cat >"$moddir/plugin-descriptor.properties" <<EOF
description=$name module (assembled from org.opensearch.plugin:$artifact:$OS_VERSION)
version=$OS_VERSION
name=$name
classname=$classname
java.version=11
opensearch.version=$OS_VERSION
custom.foldername=
extended.plugins=$extended
has.native.controller=false
EOF
  case "$name" in
    lang-painless)
      cat >"$moddir/plugin-security.policy" <<'EOF'
grant {
  // needed to generate runtime classes
  permission java.lang.RuntimePermission "createClassLoader";
  // needed to find the classloader to load allowlisted classes from
  permission java.lang.RuntimePermission "getClassLoader";
};
EOF
      ;;
    reindex)
      cat >"$moddir/plugin-security.policy" <<'EOF'
grant {
  // reindex opens socket connections using the rest client
  permission java.net.SocketPermission "*", "connect";
};
grant codeBase "${codebase.opensearch-rest-client}" {
  // rest client uses system properties which gets the default proxy
  permission java.net.NetPermission "getProxySelector";
};
grant codeBase "${codebase.httpasyncclient}" {
  permission java.net.NetPermission "getProxySelector";
};
EOF
      ;;
  esac
}

do_install() {
  choose_home
  if installed; then
    log "already installed in $OS_HOME"
    link_home
    return 0
  fi
  [[ -z "$(server_pid)" ]] || die "a server is running from $OS_HOME with an outdated install; run '$0 stop' first"
  command -v mvn >/dev/null 2>&1 || die "maven (mvn) is required to download OpenSearch"
  find_java
  ensure_user

  local t0=$SECONDS parent
  parent="$(dirname "$OS_HOME")"
  mkdir -p "$parent"
  STAGE="$(mktemp -d "$parent/.opensearch-install.XXXXXX")"
  trap 'rm -rf "$STAGE"' EXIT
  MVN_LOG="$STAGE/mvn.log"

  log "installing OpenSearch $OS_VERSION into $OS_HOME (downloads are cached in ~/.m2)"
  (cd "$STAGE" && run_mvn "$MVN_DEP_PLUGIN:copy" \
    -Dartifact="org.opensearch.distribution.integ-test-zip:opensearch:$OS_VERSION:zip" \
    -DoutputDirectory="$STAGE/dl")
  extract_zip "$STAGE/dl/opensearch-$OS_VERSION.zip" "$STAGE/x"
  local dist="$STAGE/x/opensearch-$OS_VERSION"
  [[ -x "$dist/bin/opensearch" || -f "$dist/bin/opensearch" ]] || die "unexpected zip layout"
  find "$dist/bin" -type f ! -name '*.bat' ! -name '*.exe' -exec chmod 755 {} +

  local spec
  for spec in "${MODULES[@]}"; do
    log "adding module ${spec%%|*}"
    add_module "$dist" "$spec"
  done

  # The heap comes from OPENSEARCH_JAVA_OPTS (see start); drop the 1g default.
  sed -i -E 's/^-Xm([sx])1g$/## -Xm\11g (set via OPENSEARCH_JAVA_OPTS by scripts\/opensearch.sh)/' \
    "$dist/config/jvm.options"
  mkdir -p "$dist/data" "$dist/logs" "$dist/tmp"
  printf '%s\n' "$INSTALL_STAMP" >"$dist/.tradeleads-install"

  # Swap into place, keeping the data of a previous install of the same version.
  if [[ -d "$OS_HOME" ]]; then
    if [[ -d "$OS_HOME/data" ]]; then rm -rf "$dist/data" && mv "$OS_HOME/data" "$dist/data"; fi
    rm -rf "$OS_HOME"
  fi
  mv "$dist" "$OS_HOME"
  if is_root; then chown -R "$OS_USER:" "$OS_HOME"; fi
  rm -rf "$STAGE"
  trap - EXIT
  link_home
  log "installed in $((SECONDS - t0))s"
}

# ---------------------------------------------------------------- start / stop / status

write_config() {
  cat >"$OS_HOME/config/opensearch.yml" <<EOF
# Generated by scripts/opensearch.sh on every start; edit the script, not this file.
cluster.name: $CLUSTER_NAME
node.name: $CLUSTER_NAME-1
discovery.type: single-node
network.host: $OS_HOST
http.port: $OS_PORT
path.data: $OS_HOME/data
path.logs: $OS_HOME/logs
action.auto_create_index: true
# don't turn indices read-only when the dev machine's disk gets full-ish
cluster.routing.allocation.disk.threshold_enabled: false
EOF
}

wait_healthy() {  # wait for green/yellow; fail early if the server process dies
  local deadline=$((SECONDS + BOOT_TIMEOUT)) seen_pid="" pid status
  while ((SECONDS < deadline)); do
    status="$(health_status)"
    if [[ "$status" == green || "$status" == yellow ]]; then
      return 0
    fi
    pid="$(server_pid)"
    if [[ -n "$pid" ]]; then
      seen_pid="$pid"
    elif [[ -n "$seen_pid" ]] || { ((SECONDS > LAUNCH_T0 + 60)) && [[ ! -f "$PIDFILE" ]]; }; then
      log "OpenSearch process exited during startup"
      return 1
    fi
    sleep 1
  done
  log "OpenSearch did not become healthy within ${BOOT_TIMEOUT}s (health: ${status:-no answer})"
  return 1
}

show_logs() {
  local f
  for f in "$OS_HOME/logs/startup.log" "$OS_HOME/logs/$CLUSTER_NAME.log"; do
    [[ -s "$f" ]] || continue
    printf '%s\n' "----- last 50 lines of $f -----" >&2
    tail -n 50 "$f" >&2
  done
}

do_start() {
  find_home
  if [[ -n "$(server_pid)" ]]; then
    LAUNCH_T0=$SECONDS
    wait_healthy || { show_logs; die "OpenSearch is running (pid $(server_pid)) but not healthy"; }
    log "already running (pid $(server_pid))"
    echo "$OS_URL"
    return 0
  fi
  if port_in_use; then
    die "$OS_HOST:$OS_PORT is already in use by another process (not this project's OpenSearch); stop it first"
  fi

  choose_home
  if ! installed; then do_install; fi
  link_home
  find_java
  ensure_user
  if is_root && ! as_os_user test -x "$OS_JAVA_HOME/bin/java"; then
    die "Java at $OS_JAVA_HOME is not executable by user '$OS_USER'; set OPENSEARCH_JAVA_HOME"
  fi

  write_config
  mkdir -p "$OS_HOME/logs" "$OS_HOME/data" "$OS_HOME/tmp"
  rm -f "$PIDFILE"
  : >"$OS_HOME/logs/startup.log"
  if is_root; then chown -R "$OS_USER:" "$OS_HOME"; fi

  log "starting OpenSearch $OS_VERSION (java $(java_major "$OS_JAVA_HOME") at $OS_JAVA_HOME) from $OS_HOME"
  local t0=$SECONDS
  LAUNCH_T0=$SECONDS
  if ! (cd "$OS_HOME" && as_os_user env \
        OPENSEARCH_JAVA_HOME="$OS_JAVA_HOME" \
        OPENSEARCH_JAVA_OPTS="${OPENSEARCH_JAVA_OPTS:-$JAVA_OPTS_DEFAULT}" \
        OPENSEARCH_PATH_CONF="$OS_HOME/config" \
        OPENSEARCH_TMPDIR="$OS_HOME/tmp" \
        "$OS_HOME/bin/opensearch" -d -p "$PIDFILE" \
        >>"$OS_HOME/logs/startup.log" 2>&1 </dev/null 9>&-); then
    show_logs
    die "OpenSearch failed to launch"
  fi
  if ! wait_healthy; then
    show_logs
    local pid
    pid="$(server_pid)"
    if [[ -n "$pid" ]]; then kill "$pid" 2>/dev/null || true; fi
    die "OpenSearch failed to start (logs: $OS_HOME/logs)"
  fi
  # Single node: replicas can never be assigned, so default new indices to 0 replicas (keeps
  # health green; explicit index settings still win). Must be a persistent cluster setting:
  # 2.19 ignores cluster.default_number_of_replicas from opensearch.yml.
  http_request PUT /_cluster/settings '{"persistent":{"cluster.default_number_of_replicas":0}}' >/dev/null ||
    log "warning: could not set cluster.default_number_of_replicas"
  log "started in $((SECONDS - t0))s (pid $(server_pid)), cluster health $(health_status)"
  echo "$OS_URL"
}

do_stop() {
  find_home
  local pid
  pid="$(server_pid)"
  if [[ -z "$pid" ]]; then
    log "not running"
    [[ -n "${PIDFILE:-}" ]] && rm -f "$PIDFILE"
    return 0
  fi
  log "stopping OpenSearch (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  local i
  for ((i = 0; i < 60; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 1
  done
  if kill -0 "$pid" 2>/dev/null; then
    log "still running after 60s, killing"
    kill -KILL "$pid" 2>/dev/null || true
    sleep 1
  fi
  rm -f "$PIDFILE"
  log "stopped"
}

do_status() {
  find_home
  if [[ -z "$OS_HOME" ]]; then
    echo "not installed (would install to var/opensearch)"
    return 3
  fi
  local pid
  pid="$(server_pid)"
  if [[ -n "$pid" ]]; then
    echo "running: pid $pid, $OS_URL, cluster health: $(health_status || true), home: $OS_HOME"
    return 0
  fi
  if installed; then echo "stopped (installed in $OS_HOME)"; else echo "stopped (install incomplete or outdated: $OS_HOME)"; fi
  return 3
}

# Serialise concurrent invocations (e.g. parallel CI steps).
take_lock() {
  command -v flock >/dev/null 2>&1 || return 0
  mkdir -p "$VAR_DIR"
  exec 9>"$VAR_DIR/.opensearch.lock"
  flock -w 600 9 || die "timed out waiting for another scripts/opensearch.sh run"
}

usage() {
  echo "usage: $0 {install|start|stop|status}" >&2
  exit 2
}

main() {
  [[ $# -eq 1 ]] || usage
  case "$1" in
    install) take_lock; do_install ;;
    start) take_lock; do_start ;;
    stop) take_lock; do_stop ;;
    status) do_status ;;
    -h | --help | help) usage ;;
    *) usage ;;
  esac
}

main "$@"
