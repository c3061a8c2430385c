#!/bin/bash
# The AT-SPI check of docs/accessibility.md (by hand, not part of `make test`):
#   sudo apt-get install -y at-spi2-core python3-pyatspi xvfb xdotool   (orca to try Orca too)
#   dbus-run-session -- tests/atspi/run.sh Tab Tab Right        # keys to press, then listen
# It starts Xvfb on $ATSPI_DISPLAY (default :24), the accessibility bus, optionally Orca
# (ORCA=1), the app with Qt's AT-SPI bridge on and a fresh data folder, walks the first-launch
# disclaimer, accepts it by keys, walks the main window and prints the events the keys cause.
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
out=${ATSPI_OUT:-/tmp/massage-trainer-atspi}
mkdir -p "$out"
export DISPLAY=${ATSPI_DISPLAY:-:24} QT_QPA_PLATFORM=xcb QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1
Xvfb "$DISPLAY" -screen 0 1280x800x24 -nolisten tcp > "$out/xvfb.log" 2>&1 &
xvfb=$!
/usr/libexec/at-spi-bus-launcher --launch-immediately > "$out/bus.log" 2>&1 &
bus=$!
sleep 2
if [ -n "${ORCA:-}" ]; then
  orca --replace --disable=braille --disable=braille-monitor --disable=main-window \
    --disable=splash-window --debug-file "$out/orca-debug.txt" > "$out/orca.log" 2>&1 &
  orca=$!
  sleep 4
fi
rm -rf "$out/data" && mkdir -p "$out/data"
"$root/.venv/bin/python" -m massage_trainer --data-dir "$out/data" > "$out/app.log" 2>&1 &
app=$!
sleep 8
/usr/bin/python3 "$root/tests/atspi/walk.py" "first launch (disclaimer)" --dump
for w in $(xdotool search --onlyvisible --pid $app); do xdotool windowfocus --sync "$w" 2>/dev/null; done
xdotool key space Tab Return   # "I understand", Continue
sleep 6
for w in $(xdotool search --onlyvisible --pid $app); do xdotool windowfocus --sync "$w" 2>/dev/null; done
/usr/bin/python3 "$root/tests/atspi/walk.py" "main window" --dump > "$out/main-tree.txt"
head -1 "$out/main-tree.txt"
grep NAMELESS "$out/main-tree.txt"
timeout 60 /usr/bin/python3 "$root/tests/atspi/listen.py" "$@"
kill $app ${orca:-} $bus $xvfb 2>/dev/null
wait 2>/dev/null
