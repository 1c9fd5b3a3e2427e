#!/usr/bin/env bash
# Throwaway PostgreSQL cluster for the test suite (loopback only, trust auth).
#
#   scripts/pg-test-cluster.sh [start]     start a cluster; stdout:
#                                              PGDATA=<data dir>
#                                              postgresql://postgres@127.0.0.1:PORT/consult_desk_test   (last line)
#   scripts/pg-test-cluster.sh stop DIR    stop the cluster in DIR (the data dir, or its temp parent)
#                                          and delete its temp dir
#
# Progress and errors go to stderr. Server binaries: $PG_BINDIR, else the highest
# /usr/lib/postgresql/*/bin (Debian), else initdb/pg_ctl on PATH.
# When run as root the server runs as the `postgres` system user (created if missing).
set -euo pipefail

DB_NAME="consult_desk_test"
MARKER=".consult-desk-pg-test-cluster"

log() { printf '[pg-test-cluster] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

find_bindir() {
    local d
    if [ -n "${PG_BINDIR:-}" ] && [ -x "$PG_BINDIR/initdb" ] && [ -x "$PG_BINDIR/pg_ctl" ]; then
        printf '%s\n' "$PG_BINDIR"
        return 0
    fi
    d="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1 || true)"
    if [ -n "$d" ] && [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then
        printf '%s\n' "$d"
        return 0
    fi
    if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
        dirname "$(readlink -f "$(command -v initdb)")"
        return 0
    fi
    return 1
}

# as_user USER CMD...: run CMD as USER (plain exec when USER is the current user).
as_user() {
    local user="$1"
    shift
    if [ "$user" = "$(id -un)" ]; then
        "$@"
    else
        runuser -u "$user" -- "$@"
    fi
}

free_port() {
    local py
    for py in python3 python; do
        if command -v "$py" >/dev/null 2>&1; then
            "$py" -c 'import socket
s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
            return 0
        fi
    done
    die "python is needed to pick a free port"
}

cmd_stop() {
    local dir="${1:-}" data base bindir owner
    [ -n "$dir" ] || die "usage: $0 stop DATA_DIR"
    [ -d "$dir" ] || { log "$dir does not exist: nothing to stop"; return 0; }
    dir="$(cd "$dir" && pwd)"
    if [ -f "$dir/PG_VERSION" ]; then
        data="$dir"
        base="$(dirname "$dir")"
    elif [ -f "$dir/data/PG_VERSION" ]; then
        data="$dir/data"
        base="$dir"
    else
        die "$dir is not a PostgreSQL data directory"
    fi
    if [ -f "$data/postmaster.pid" ]; then
        bindir="$(cat "$base/bindir" 2>/dev/null || find_bindir || true)"
        [ -n "$bindir" ] || die "PostgreSQL binaries not found, cannot stop $data"
        owner="$(stat -c %U "$data")"
        cd /
        as_user "$owner" "$bindir/pg_ctl" -D "$data" -m fast -w -t 30 stop >/dev/null \
            || log "pg_ctl stop failed for $data"
    fi
    if [ -f "$base/$MARKER" ]; then
        rm -rf "$base"
        log "stopped and removed $base"
    else
        log "stopped $data (not a temp dir of this script: left in place)"
    fi
}

cmd_start() {
    local bindir user base data sock port attempt createdb started=0
    bindir="$(find_bindir)" || die "PostgreSQL server binaries not found (install the Debian package 'postgresql')"

    if [ "$(id -u)" = 0 ]; then
        user=postgres
        if ! id -u "$user" >/dev/null 2>&1; then
            log "creating system user $user"
            useradd --system --user-group --no-create-home --home-dir /nonexistent \
                --shell /usr/sbin/nologin "$user"
        fi
        # Must be reachable by the unprivileged server user: keep it under /tmp.
        base="$(mktemp -d /tmp/consult-desk-pg.XXXXXX)"
    else
        user="$(id -un)"
        base="$(mktemp -d "${TMPDIR:-/tmp}/consult-desk-pg.XXXXXX")"
    fi
    touch "$base/$MARKER"
    printf '%s\n' "$bindir" >"$base/bindir"
    data="$base/data"
    sock="$base/sock"
    mkdir -m 700 "$data" "$sock"
    [ "$user" = "$(id -un)" ] || chown -R "$user:" "$base"
    cd "$base"  # the server user may not be able to read the caller's cwd

    # Clean up the temp dir if anything below fails.
    trap 'rc=$?; if [ "$started" != 1 ]; then cmd_stop "$base" >/dev/null 2>&1 || rm -rf "$base"; fi; exit $rc' EXIT

    log "initdb ($bindir) in $data"
    as_user "$user" "$bindir/initdb" -D "$data" -U postgres -E UTF8 --locale=C --lc-ctype=C.UTF-8 --no-sync \
        --auth-local=trust --auth-host=trust >"$base/initdb.log" 2>&1 \
        || { cat "$base/initdb.log" >&2; die "initdb failed"; }

    as_user "$user" tee "$data/pg_hba.conf" >/dev/null <<'EOF'
# Throwaway test cluster: loopback only, no passwords.
local   all   all                 trust
host    all   all   127.0.0.1/32  trust
EOF

    for attempt in 1 2 3 4 5; do
        port="$(free_port)"
        as_user "$user" tee -a "$data/postgresql.conf" >/dev/null <<EOF

# --- consult-desk test cluster (attempt $attempt) ---
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$sock'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 50
EOF
        if as_user "$user" "$bindir/pg_ctl" -D "$data" -l "$base/postgres.log" -w -t 30 start >/dev/null 2>&1; then
            started=1
            break
        fi
        log "server did not start on port $port (attempt $attempt)"
    done
    if [ "$started" != 1 ]; then
        tail -n 20 "$base/postgres.log" >&2 2>/dev/null || true
        die "could not start PostgreSQL"
    fi

    createdb="$bindir/createdb"
    [ -x "$createdb" ] || createdb="$(command -v createdb || echo createdb)"
    if ! as_user "$user" "$createdb" -h "$sock" -p "$port" -U postgres "$DB_NAME" >&2; then
        started=0
        die "createdb $DB_NAME failed"
    fi
    trap - EXIT

    log "PostgreSQL running on 127.0.0.1:$port (stop with: $0 stop $data)"
    printf 'PGDATA=%s\n' "$data"
    printf 'postgresql://postgres@127.0.0.1:%s/%s\n' "$port" "$DB_NAME"
}

case "${1:-start}" in
    start) cmd_start ;;
    stop) shift; cmd_stop "$@" ;;
    -h | --help | help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//' ;;
    *) die "unknown command '$1' (use: start | stop DATA_DIR)" ;;
esac
