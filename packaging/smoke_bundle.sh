#!/usr/bin/env bash
# Start the bundled executable headless: list protocols and render one frame; print the bundle size.
set -euo pipefail
cd "$(dirname "$0")/.."
app=dist/massage-trainer/massage-trainer
[ -x "$app" ] || { echo "no bundle at $app: run 'make bundle' first" >&2; exit 1; }
tmp=$(mktemp -d)
cd "$tmp"
QT_QPA_PLATFORM=offscreen "$OLDPWD/$app" --data-dir "$tmp/data" list
QT_QPA_PLATFORM=offscreen "$OLDPWD/$app" --data-dir "$tmp/data" render back-pain-relief --step 2 --at 3 --size 640x360 -o "$tmp/frame.png"
test -s "$tmp/frame.png"
echo "bundle smoke test: rendered $(stat -c %s "$tmp/frame.png") bytes to $tmp/frame.png"
echo "bundle size: $(du -sm "$OLDPWD/dist/massage-trainer" | cut -f1) MB"
