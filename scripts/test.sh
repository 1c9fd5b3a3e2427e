#!/usr/bin/env bash
# Set everything up, then lint and run the whole test suite.
#
#   scripts/test.sh [pytest args...]
#
# - runs scripts/setup.sh
# - unless CONSULT_DESK_TEST_PG is set, starts a throwaway PostgreSQL cluster
#   (scripts/pg-test-cluster.sh) and exports its URL; stopped again on exit
# - runs `ruff check .` (a lint failure stops here; CONSULT_DESK_SKIP_RUFF=1 skips it)
# - runs `lint-imports` (the layering contracts in pyproject.toml) and `mypy` (strict for the models
#   and the services listed in pyproject.toml); a failure stops here (CONSULT_DESK_SKIP_LINT=1 skips both)
# - runs `python -m pytest "$@"` (under xvfb-run when there is no display and
#   QT_QPA_PLATFORM is not set) and exits with pytest's status
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

./scripts/setup.sh

PG_DATA=""
cleanup() {
    if [ -n "$PG_DATA" ]; then
        ./scripts/pg-test-cluster.sh stop "$PG_DATA" >/dev/null 2>&1 || true
        PG_DATA=""
    fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [ -z "${CONSULT_DESK_TEST_PG:-}" ]; then
    if pg_out="$(./scripts/pg-test-cluster.sh start)"; then
        PG_DATA="$(printf '%s\n' "$pg_out" | sed -n 's/^PGDATA=//p' | head -n1)"
        CONSULT_DESK_TEST_PG="$(printf '%s\n' "$pg_out" | tail -n1)"
        export CONSULT_DESK_TEST_PG
        echo "[test] PostgreSQL test cluster: $CONSULT_DESK_TEST_PG"
    else
        echo "PostgreSQL not available: PostgreSQL tests will be skipped"
    fi
else
    echo "[test] using CONSULT_DESK_TEST_PG from the environment"
fi

if [ "${CONSULT_DESK_SKIP_RUFF:-0}" != 1 ]; then
    echo "[test] ruff check ."
    .venv/bin/ruff check .
fi

if [ "${CONSULT_DESK_SKIP_LINT:-0}" != 1 ]; then
    echo "[test] lint-imports"
    .venv/bin/lint-imports --no-cache
    echo "[test] mypy"
    .venv/bin/mypy
fi

runner=()
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ] \
    && command -v xvfb-run >/dev/null 2>&1; then
    runner=(xvfb-run -a -s "-screen 0 1920x1080x24")
fi

echo "[test] pytest $*"
status=0
"${runner[@]}" .venv/bin/python -m pytest "$@" || status=$?
exit "$status"
