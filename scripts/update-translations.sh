#!/usr/bin/env bash
# Refreshes translations/*.ts from the code and the hint catalog (Qt's lupdate, Debian's qt6-l10n-tools).
# New strings appear as unfinished in syncdesk_de.ts; translate them (Qt Linguist, or by hand), and
# the test translations_complete stays green only when nothing is left unfinished.
# usage: scripts/update-translations.sh [OUTPUT_DIR]   (default: translations/, in place)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/common.sh
ensure_packages cmake qt6-l10n-tools python3

out="${1:-translations}"
mkdir -p "$out"
lupdate=/usr/lib/qt6/bin/lupdate
command -v lupdate-qt6 >/dev/null 2>&1 && lupdate=$(command -v lupdate-qt6)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cmake -DHINTS=resources/hints/hints.json -DOUTPUT="$work/hintstrings.cpp" -P cmake/HintStrings.cmake
sources=(core ui app/console app/node "$work/hintstrings.cpp")

for lang in de en; do
    if [[ "$out" != translations ]]; then
        cp "translations/syncdesk_$lang.ts" "$out/syncdesk_$lang.ts"
    fi
done
# No source locations: they change with every edit and translators work by context.
"$lupdate" -silent -locations none -no-obsolete -extensions cpp,h "${sources[@]}" -ts "$out/syncdesk_de.ts"
# English is the source language: its file only gives the plural forms.
"$lupdate" -silent -locations none -no-obsolete -pluralonly -extensions cpp,h "${sources[@]}" \
    -ts "$out/syncdesk_en.ts"
# The English singular and plural of new numerus strings ("%n mailbox(es)"), from the source text.
python3 scripts/fill-english-plurals.py "$out/syncdesk_en.ts" >/dev/null
