#!/usr/bin/env bash
# Refresh one area's Japanese .ts from its Python sources (English source strings in self.tr()).
#   scripts/update-translations.sh AREA FILE.py [FILE.py ...]   -> resources/i18n/AREA_ja.ts
# Then fill in the <translation> elements in Japanese; scripts/setup.sh compiles the .qm files.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
area="$1"; shift
.venv/bin/pyside6-lupdate "$@" -ts "resources/i18n/${area}_ja.ts" -source-language en -target-language ja_JP -no-obsolete
