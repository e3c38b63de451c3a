# shellcheck shell=bash
# Installs, starts, checks and stops the servers the tests run against:
# PostgreSQL 15, Redis 7, Neo4j 5 (embedded, dev/neo4j) and moto_server.
# Source it from bash; the ports and URLs are in dev/servers/env.
#
# Functions return non-zero with a message instead of exiting, because they run under
# run_phase (dev/lib/phases.sh), where errexit does not apply.

DEV_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# Shared by every checkout on the machine, so a later run can stop servers an earlier one left.
SERVERS_STATE_DIR=${LEARNTRAC_SERVERS_DIR:-/tmp/learntrac-test-servers}
SERVERS_CACHE_DIR=${XDG_CACHE_HOME:-$HOME/.cache}/learntrac

PG_PORT=55432
REDIS_PORT=56379
NEO4J_PORT=57687
MOTO_PORT=55000
PG_BIN=/usr/lib/postgresql/15/bin
MOTO_VERSION=5.2.1
NEO4J_DIR=$DEV_DIR/neo4j

ALL_SERVERS=(postgres redis neo4j moto)

server_port() {
  case $1 in
    postgres) echo "$PG_PORT" ;;
    redis) echo "$REDIS_PORT" ;;
    neo4j) echo "$NEO4J_PORT" ;;
    moto) echo "$MOTO_PORT" ;;
  esac
}

# A word the server's command line must contain: a pid from an old pidfile may have been
# reused by an unrelated process, which must never be signalled.
server_command_mark() {
  case $1 in
    postgres) echo "postgres" ;;
    redis) echo "redis-server" ;;
    neo4j) echo "learntrac.neo4j.TestServer" ;;
    moto) echo "moto" ;;
  esac
}

is_root() { [[ $EUID == 0 ]]; }

# ---------------------------------------------------------------------------------------
# Installation (each step is a quick check when everything is already there)

ensure_system_packages() {
  local missing=()
  [[ -x $PG_BIN/postgres ]] || missing+=(postgresql-15)
  command -v redis-server > /dev/null || missing+=(redis-server)
  [[ -x /usr/bin/chromium ]] || missing+=(chromium fonts-liberation)
  command -v java > /dev/null || missing+=(openjdk-17-jdk-headless)
  command -v mvn > /dev/null || missing+=(maven)
  command -v python3 > /dev/null || missing+=(python3)
  python3 -m venv --help > /dev/null 2>&1 || missing+=(python3-venv)
  command -v ss > /dev/null || missing+=(iproute2)
  command -v setpriv > /dev/null || missing+=(util-linux)
  # The retrieval benchmark's corpus: the Python tutorial, openly licensed, as HTML.
  [[ -d /usr/share/doc/python3.11/html/tutorial ]] || missing+=(python3.11-doc)
  if [[ ${#missing[@]} == 0 ]]; then
    echo "system packages present"
    return 0
  fi
  if ! is_root; then
    echo "missing system packages: ${missing[*]} (install them as root: apt-get install ${missing[*]})" >&2
    return 1
  fi
  echo "installing: ${missing[*]}"
  # Packages must not start their own copies of the servers (on the default ports).
  local blocked_services=0
  if [[ ! -e /usr/sbin/policy-rc.d ]]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
    chmod +x /usr/sbin/policy-rc.d
    blocked_services=1
  fi
  local status=0
  export DEBIAN_FRONTEND=noninteractive
  apt-get -o DPkg::Lock::Timeout=600 update -qq \
    && apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${missing[@]}" \
    || status=$?
  [[ $blocked_services == 1 ]] && rm -f /usr/sbin/policy-rc.d
  return "$status"
}

# Sets MOTO_PYTHON to the python that runs moto_server: the machine's own when it already
# has the pinned moto with its server extras, otherwise a virtualenv in the user cache.
find_moto_python() {
  local check="import importlib.metadata as m, importlib.util as u, sys
assert m.version('moto') == '$MOTO_VERSION' and u.find_spec('flask') and u.find_spec('flask_cors')
print(sys.executable)"
  MOTO_PYTHON=$(python3 -c "$check" 2> /dev/null) \
    || MOTO_PYTHON=$SERVERS_CACHE_DIR/moto-$MOTO_VERSION/bin/python
}

ensure_moto() {
  find_moto_python
  if "$MOTO_PYTHON" -c "import importlib.util as u; assert u.find_spec('moto.server')" 2> /dev/null; then
    echo "moto $MOTO_VERSION present ($MOTO_PYTHON)"
    return 0
  fi
  local venv=$SERVERS_CACHE_DIR/moto-$MOTO_VERSION
  echo "installing moto[server]==$MOTO_VERSION into $venv"
  python3 -m venv "$venv" \
    && "$venv/bin/pip" install -q --disable-pip-version-check "moto[server]==$MOTO_VERSION"
}

# Compiles the launcher and records its classpath; the jars stay in the local Maven cache,
# so later runs skip Maven entirely unless the launcher's sources changed.
ensure_neo4j_build() {
  local target=$NEO4J_DIR/target
  # Maven leaves an unchanged classpath file untouched, so success is marked separately.
  local stamp=$target/launcher-built
  if [[ -f $stamp && -s $target/classpath.txt ]] \
    && [[ -z $(find "$NEO4J_DIR/pom.xml" "$NEO4J_DIR/src" -newer "$stamp" -print -quit) ]]; then
    echo "Neo4j launcher up to date"
    return 0
  fi
  echo "building the Neo4j launcher (the first build downloads Neo4j's jars)"
  (cd "$NEO4J_DIR" && mvn -q -B package -DskipTests) || {
    echo "the Neo4j launcher did not build (see Maven's output above)" >&2
    return 1
  }
  touch "$stamp"
}

ensure_servers_installed() {
  ensure_system_packages && ensure_moto && ensure_neo4j_build
}

# ---------------------------------------------------------------------------------------
# Stopping

pid_matches() {
  local pid=$1 mark=$2
  [[ -r /proc/$pid/cmdline ]] && tr '\0' ' ' < "/proc/$pid/cmdline" | grep -qF -- "$mark"
}

# Gone, or a zombie nobody has reaped yet (which holds no port and no files).
process_gone() {
  local state
  # The state follows the command name in parentheses, which may itself contain spaces.
  state=$(sed 's/.*) //' "/proc/$1/stat" 2> /dev/null | cut -d' ' -f1) || return 0
  [[ -z $state || $state == Z ]]
}

listening_pid() {
  ss -Hltnp "sport = :$1" 2> /dev/null | grep -o 'pid=[0-9]*' | head -n 1 | cut -d= -f2
}

# Signals one server: the pid in its pidfile, and whatever copy of it holds its port (one
# started some other way, or whose pidfile was lost). Prints the pids signalled.
signal_server() {
  local name=$1 mark pidfile pid port
  mark=$(server_command_mark "$name")
  port=$(server_port "$name")
  pidfile=$SERVERS_STATE_DIR/$name.pid
  # PostgreSQL stops at once, dropping its clients, on SIGINT ("fast" shutdown).
  local signal=TERM
  [[ $name == postgres ]] && signal=INT
  local pids=()
  if [[ -f $pidfile ]]; then
    pid=$(< "$pidfile")
    [[ -n $pid ]] && pid_matches "$pid" "$mark" && pids+=("$pid")
    rm -f "$pidfile"
  fi
  pid=$(listening_pid "$port")
  if [[ -n $pid && " ${pids[*]} " != *" $pid "* ]] && pid_matches "$pid" "$mark"; then
    echo "found a leftover $name on port $port (pid $pid)" >&2
    pids+=("$pid")
  fi
  for pid in "${pids[@]}"; do
    echo "stopping $name (pid $pid)" >&2
    kill "-$signal" "$pid" 2> /dev/null && echo "$pid"
  done
  return 0
}

# Signals all servers at once, then waits up to 15 s for them before killing outright.
stop_servers() {
  local name pids=()
  for name in "${ALL_SERVERS[@]}"; do
    # shellcheck disable=SC2207 # pids are plain numbers
    pids+=($(signal_server "$name"))
  done
  local pid i
  for ((i = 0; i < 150; i++)); do
    local alive=()
    for pid in "${pids[@]}"; do process_gone "$pid" || alive+=("$pid"); done
    pids=("${alive[@]}")
    ((${#pids[@]} == 0)) && break
    sleep 0.1
  done
  for pid in "${pids[@]}"; do
    echo "pid $pid did not stop within 15s; killing it" >&2
    kill -KILL "$pid" 2> /dev/null || true
  done
  # Data of stopped servers is throwaway; logs stay for a look after a failed run.
  rm -rf "$SERVERS_STATE_DIR/postgres-data" "$SERVERS_STATE_DIR/neo4j-tmp"
}

# ---------------------------------------------------------------------------------------
# Starting

port_in_use() {
  (exec 3<> "/dev/tcp/127.0.0.1/$1") 2> /dev/null
}

# Runs a server detached from this shell, recording its pid and log in the state dir.
launch() {
  local name=$1
  shift
  setsid "$@" > "$SERVERS_STATE_DIR/$name.log" 2>&1 < /dev/null &
  echo $! > "$SERVERS_STATE_DIR/$name.pid"
}

# PostgreSQL refuses to run as root, so as root it runs as the postgres OS user.
# (setpriv execs, so the recorded pid is the server's own.)
postgres_user_prefix() {
  if is_root; then
    PG_AS_USER=(setpriv --reuid=postgres --regid=postgres --init-groups --)
  else
    PG_AS_USER=()
  fi
}

start_postgres() {
  local data=$SERVERS_STATE_DIR/postgres-data
  rm -rf "$data"
  mkdir -p "$data"
  if is_root; then
    id postgres > /dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql postgres || return 1
    chown postgres: "$data"
  fi
  chmod 700 "$data"
  postgres_user_prefix
  "${PG_AS_USER[@]}" "$PG_BIN/initdb" -D "$data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 \
    --no-sync > "$SERVERS_STATE_DIR/postgres-initdb.log" 2>&1 || {
    echo "initdb failed:" >&2
    tail -n 20 "$SERVERS_STATE_DIR/postgres-initdb.log" >&2
    return 1
  }
  # Durability settings off: the data lives only as long as the test run.
  launch postgres "${PG_AS_USER[@]}" "$PG_BIN/postgres" -D "$data" -p "$PG_PORT" \
    -c listen_addresses=127.0.0.1 -c unix_socket_directories="$data" \
    -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200
}

start_redis() {
  launch redis redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --save '' --appendonly no \
    --daemonize no --dir "$SERVERS_STATE_DIR"
}

start_neo4j() {
  local tmp=$SERVERS_STATE_DIR/neo4j-tmp
  mkdir -p "$tmp"
  local classpath
  classpath=$NEO4J_DIR/target/classes:$(< "$NEO4J_DIR/target/classpath.txt")
  # A small heap and the C1 compiler only: quicker start and less memory for a test database.
  launch neo4j java -Xms64m -Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 \
    -Djava.io.tmpdir="$tmp" -cp "$classpath" learntrac.neo4j.TestServer "$NEO4J_PORT"
}

start_moto() {
  [[ -n ${MOTO_PYTHON:-} ]] || find_moto_python
  launch moto "$MOTO_PYTHON" -m moto.server -H 127.0.0.1 -p "$MOTO_PORT"
}

# Starts all four in the background; wait_servers_ready tells when they answer.
start_servers() {
  mkdir -p "$SERVERS_STATE_DIR"
  stop_servers
  local name port
  for name in "${ALL_SERVERS[@]}"; do
    port=$(server_port "$name")
    if port_in_use "$port"; then
      local holder
      holder=$(listening_pid "$port")
      echo "port $port, which the $name test server needs, is taken by another program${holder:+ (pid $holder: $(tr '\0' ' ' < "/proc/$holder/cmdline" 2> /dev/null))}" >&2
      return 1
    fi
  done
  start_postgres && start_redis && start_neo4j && start_moto
}

server_ready() {
  case $1 in
    postgres) "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" ;;
    redis) [[ $(redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2> /dev/null) == PONG ]] ;;
    neo4j) grep -q '^READY' "$SERVERS_STATE_DIR/neo4j.log" 2> /dev/null ;;
    moto) port_in_use "$MOTO_PORT" ;;
  esac
}

# Seconds each server may take to answer: the JVM and Neo4j are slow on a busy machine.
server_timeout() {
  case $1 in
    postgres | redis) echo 30 ;;
    moto) echo 60 ;;
    neo4j) echo 180 ;;
  esac
}

wait_servers_ready() {
  local -A pending=()
  local name
  for name in "${ALL_SERVERS[@]}"; do pending[$name]=1; done
  local started=$SECONDS
  while ((${#pending[@]} > 0)); do
    for name in "${!pending[@]}"; do
      if server_ready "$name"; then
        echo "$name ready on port $(server_port "$name") after $((SECONDS - started))s"
        unset "pending[$name]"
        continue
      fi
      local pid
      pid=$(< "$SERVERS_STATE_DIR/$name.pid")
      if ! kill -0 "$pid" 2> /dev/null; then
        echo "the $name test server exited before it was ready; the end of its log ($SERVERS_STATE_DIR/$name.log):" >&2
        tail -n 30 "$SERVERS_STATE_DIR/$name.log" >&2
        return 1
      fi
      if ((SECONDS - started >= $(server_timeout "$name"))); then
        echo "the $name test server was not ready on port $(server_port "$name") within $(server_timeout "$name")s; the end of its log ($SERVERS_STATE_DIR/$name.log):" >&2
        tail -n 30 "$SERVERS_STATE_DIR/$name.log" >&2
        return 1
      fi
    done
    ((${#pending[@]} > 0)) && sleep 0.2
  done
  return 0
}
