#!/usr/bin/env bash
# Prepare a checkout of Consult Desk for running and testing.
#
#   (a) Debian/Ubuntu: install the missing system packages (Qt runtime
#       libraries, Japanese font, Xvfb, PostgreSQL) with apt-get.
#   (b) Create .venv with Python >= 3.11 and `pip install -e '.[test]'`
#       whenever pyproject.toml changed since the last install.
#   (c) Compile the Qt translations resources/i18n/*.ts -> *.qm and the core's gettext
#       catalogue resources/locale/*/LC_MESSAGES/*.po -> *.mo (pybabel compile).
#
# Idempotent: a second run installs nothing and takes about a second.
# Environment: PYTHON=/path/to/python3.x forces the interpreter used for .venv.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

VENV="$ROOT/.venv"
STAMP="$VENV/.consult-desk-pyproject.sha256"

APT_PACKAGES=(
    libglib2.0-0 libgl1 libegl1 libxkbcommon0 libfontconfig1 libdbus-1-3
    fonts-ipafont-gothic xvfb xauth
    libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-render-util0
    libxcb-image0 libxkbcommon-x11-0 libxcb-randr0 libxcb-xinerama0 libxcb-xfixes0
    postgresql
)

say() { printf '[setup] %s\n' "$*"; }
warn() { printf '[setup] WARNING: %s\n' "$*" >&2; }

# Serialise concurrent runs on the same checkout (apt and pip do not like sharing).
if command -v flock >/dev/null 2>&1; then
    LOCK="${TMPDIR:-/tmp}/consult-desk-setup-$(printf '%s' "$ROOT" | cksum | cut -d' ' -f1).lock"
    exec 9>"$LOCK"
    flock 9
fi

# --------------------------------------------------------------------------
# Python interpreter
# --------------------------------------------------------------------------
python_ok() {  # $1: interpreter; true if it runs and is >= 3.11
    "$1" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' >/dev/null 2>&1
}

venv_ok() {
    [ -x "$VENV/bin/python" ] && python_ok "$VENV/bin/python"
}

find_python() {
    local cand
    if [ -n "${PYTHON:-}" ]; then
        python_ok "$PYTHON" && { printf '%s\n' "$PYTHON"; return 0; }
        warn "PYTHON=$PYTHON is not a working Python >= 3.11; looking for another one"
    fi
    for cand in python3.11 python3.12 python3.13 python3; do
        # pyenv shims exist for versions that are not installed: actually run them.
        if command -v "$cand" >/dev/null 2>&1 && python_ok "$cand"; then
            command -v "$cand"
            return 0
        fi
    done
    return 1
}

PY=""
NEED_VENV=0
if ! venv_ok; then
    NEED_VENV=1
    if ! PY="$(find_python)"; then
        echo "[setup] ERROR: no Python >= 3.11 found (tried python3.11, python3.12, python3.13, python3)." >&2
        exit 1
    fi
fi

# --------------------------------------------------------------------------
# (a) System packages
# --------------------------------------------------------------------------
pkg_installed() {  # true if installed, or provided by an installed package (Ubuntu t64 renames)
    local status
    status="$(dpkg-query -W -f='${Status}\n' "$1" 2>/dev/null || true)"
    [[ "$status" == *"install ok installed"* ]] && return 0
    [ -n "${PROVIDED:-}" ] || PROVIDED="$(dpkg-query -W -f='${db:Status-Abbrev}|${Provides}\n' 2>/dev/null \
        | awk -F'|' '$1 ~ /^ii/ { print $2 }' | tr ',' '\n' \
        | sed -e 's/(.*//' -e 's/:.*//' -e 's/^ *//' -e 's/ *$//' | sort -u)"
    grep -qxF -- "$1" <<<"$PROVIDED"
}

if command -v apt-get >/dev/null 2>&1 && command -v dpkg-query >/dev/null 2>&1; then
    wanted=("${APT_PACKAGES[@]}")
    # Debian's own python3.X ships venv/ensurepip separately (python3.X-venv).
    if [ "$NEED_VENV" = 1 ] && ! "$PY" -c 'import ensurepip, venv' >/dev/null 2>&1; then
        pyver="$("$PY" -c 'import sys; print("%d.%d" % sys.version_info[:2])')"
        wanted+=("python$pyver-venv")
    fi
    missing=()
    for pkg in "${wanted[@]}"; do
        pkg_installed "$pkg" || missing+=("$pkg")
    done
    if [ "${#missing[@]}" -eq 0 ]; then
        say "system packages: all present"
    else
        SUDO=()
        can_install=1
        if [ "$(id -u)" != 0 ]; then
            if command -v sudo >/dev/null 2>&1; then
                SUDO=(sudo)
            else
                can_install=0
            fi
        fi
        if [ "$can_install" = 1 ]; then
            say "installing system packages: ${missing[*]}"
            apt_log="$(mktemp "${TMPDIR:-/tmp}/consult-desk-apt.XXXXXX.log")"
            if "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q >"$apt_log" 2>&1 \
                && "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive \
                    apt-get install -y -q --no-install-recommends "${missing[@]}" >>"$apt_log" 2>&1; then
                say "system packages installed"
                rm -f "$apt_log"
            else
                tail -n 15 "$apt_log" >&2
                warn "apt-get failed (full log: $apt_log); the window, Xvfb or PostgreSQL tests may not work"
            fi
        else
            warn "not root and no sudo: please install these packages yourself: ${missing[*]}"
        fi
    fi
else
    say "note: not a Debian/Ubuntu system (no apt-get); install the Qt runtime libraries," \
        "a Japanese font, Xvfb and PostgreSQL yourself if needed"
fi

# --------------------------------------------------------------------------
# (b) Virtual environment
# --------------------------------------------------------------------------
if [ "$NEED_VENV" = 1 ]; then
    if [ -e "$VENV" ]; then
        warn ".venv exists but its Python is missing or older than 3.11: recreating it"
        rm -rf "$VENV"
    fi
    say "creating .venv with $PY ($("$PY" -c 'import platform; print(platform.python_version())'))"
    "$PY" -m venv "$VENV"
fi

if ! "$VENV/bin/python" -m pip --version >/dev/null 2>&1; then
    say "bootstrapping pip in .venv"
    "$VENV/bin/python" -m ensurepip --upgrade >/dev/null
fi

sha256_of() {
    if command -v sha256sum >/dev/null 2>&1; then
        sha256sum "$1" | cut -d' ' -f1
    else
        "$VENV/bin/python" -c 'import hashlib, sys; print(hashlib.sha256(open(sys.argv[1], "rb").read()).hexdigest())' "$1"
    fi
}

want_hash="$(sha256_of "$ROOT/pyproject.toml")"
have_hash="$(cat "$STAMP" 2>/dev/null || true)"
if [ "$want_hash" != "$have_hash" ] || [ ! -x "$VENV/bin/consult-desk" ]; then
    say "upgrading pip"
    "$VENV/bin/python" -m pip install --quiet --upgrade pip
    say "installing consult-desk and test dependencies (pip install -e '.[test]')"
    rm -f "$STAMP"
    "$VENV/bin/python" -m pip install --quiet -e "$ROOT[test]"
    printf '%s\n' "$want_hash" >"$STAMP"
    say "python packages installed"
else
    say "python packages: up to date"
fi

# --------------------------------------------------------------------------
# (c) Translations
# --------------------------------------------------------------------------
shopt -s nullglob
ts_files=("$ROOT"/resources/i18n/*.ts)
shopt -u nullglob
if [ "${#ts_files[@]}" -gt 0 ]; then
    built=0
    for ts in "${ts_files[@]}"; do
        qm="${ts%.ts}.qm"
        if [ ! -f "$qm" ] || [ "$ts" -nt "$qm" ]; then
            "$VENV/bin/pyside6-lrelease" -silent "$ts" -qm "$qm"
            built=$((built + 1))
        fi
    done
    if [ "$built" -gt 0 ]; then
        say "translations: built $built .qm file(s)"
    else
        say "translations: up to date"
    fi
fi

# The core's and command line's messages (consult_desk/i18n.py): .po -> .mo when the .po is newer.
# The .mo is committed too (a plain `pip install` and the bundle read it); this keeps it current.
shopt -s nullglob
po_files=("$ROOT"/resources/locale/*/LC_MESSAGES/*.po)
shopt -u nullglob
built=0
for po in "${po_files[@]}"; do
    mo="${po%.po}.mo"
    if [ ! -f "$mo" ] || [ "$po" -nt "$mo" ]; then
        "$VENV/bin/pybabel" -q compile -i "$po" -o "$mo"
        built=$((built + 1))
    fi
done
if [ "${#po_files[@]}" -gt 0 ]; then
    if [ "$built" -gt 0 ]; then say "messages: compiled $built .mo file(s)"; else say "messages: up to date"; fi
fi

say "done"
