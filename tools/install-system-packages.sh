#!/usr/bin/env bash
# Install the Debian packages livebrief needs that this machine lacks; quick and quiet when
# everything is there. Used by `.ci/run` and by `make test` / `make briefing`, so that the
# README's two commands set up a fresh machine on their own.
set -euo pipefail

# python3 + python3-venv for .venv; then briefings (PDF text checks, browser and WeasyPrint
# rendering, fonts with CJK glyphs for names and places); lynx and w3m make the text dumps the
# reader's tests read back (tests/test_parse_dump.py).
PACKAGES=(
    ca-certificates make python3 python3-venv
    poppler-utils chromium fonts-noto-cjk fonts-dejavu-core
    libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b
    lynx w3m
)

missing=()
for pkg in "${PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
        missing+=("$pkg")
    fi
done
((${#missing[@]} == 0)) && exit 0

if [[ $(id -u) -eq 0 ]]; then
    as_root=()
elif command -v sudo >/dev/null; then
    as_root=(sudo)
else
    echo "livebrief: missing Debian packages ${missing[*]} and not root: install them" \
        "(PDF briefings and browser checks need them)" >&2
    exit 1
fi
echo "livebrief: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update
"${as_root[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
