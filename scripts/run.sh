#!/usr/bin/env bash
# Set everything up, then open the Consult Desk window.
#
#   scripts/run.sh [--demo] [consult-desk args...]
#
# --demo: use the demo database (created on first use with the
#         hellowork-kawagoe preset and demo data). Other arguments are passed
#         to consult-desk unchanged.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

demo=0
args=()
for arg in "$@"; do
    if [ "$arg" = "--demo" ]; then
        demo=1
    else
        args+=("$arg")
    fi
done

./scripts/setup.sh

if [ "$demo" = 1 ]; then
    # Default DB: consult_desk.paths.default_db_path() (honours CONSULT_DESK_DB).
    # TODO(lead): confirm the demo call once the CLI exists; assumed:
    #   `consult-desk --db PATH init --preset hellowork-kawagoe --demo` creates the demo DB,
    #   `consult-desk --db PATH [args]` opens the window on it.
    db="$(.venv/bin/python -c 'from consult_desk.paths import default_db_path; print(default_db_path())')"
    if [ ! -e "$db" ]; then
        echo "[run] creating demo database $db"
        mkdir -p "$(dirname "$db")"
        .venv/bin/consult-desk --db "$db" init --preset hellowork-kawagoe --demo
    fi
    args=(--db "$db" "${args[@]}")
fi

exec .venv/bin/consult-desk "${args[@]}"
