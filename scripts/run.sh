#!/usr/bin/env bash
# Set everything up, then open the Consult Desk window.
#
#   scripts/run.sh [--demo] [consult-desk args...]
#
# --demo: on first start (no database yet), fill it with the five offices and
#         demo data. Other arguments are passed to consult-desk unchanged
#         (e.g. --db PATH|URL).
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
    # The window's --demo flag fills a new, empty database with all five offices and months of
    # sample reservations (consult_desk.demo.load_demo); an existing database is opened as it is.
    args=(--demo "${args[@]}")
fi

exec .venv/bin/consult-desk "${args[@]}"
