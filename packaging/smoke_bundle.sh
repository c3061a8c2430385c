#!/usr/bin/env bash
# Start the bundled executable headless: list protocols, render one frame and write a handout PDF;
# then check that every shared library in the bundle can be loaded (a library a build step broke
# only fails when the window first needs it, e.g. numpy's for the history charts). Prints the size.
set -euo pipefail
cd "$(dirname "$0")/.."
bundle=dist/massage-trainer
app=$bundle/massage-trainer
[ -x "$app" ] || { echo "no bundle at $app: run 'make bundle' first" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
here=$PWD
cd "$tmp"
QT_QPA_PLATFORM=offscreen "$here/$app" --data-dir "$tmp/data" list
QT_QPA_PLATFORM=offscreen "$here/$app" --data-dir "$tmp/data" render back-pain-relief --step 2 --at 3 --size 640x360 -o "$tmp/frame.png"
test -s "$tmp/frame.png"
echo "bundle smoke test: rendered $(stat -c %s "$tmp/frame.png") bytes"
QT_QPA_PLATFORM=offscreen "$here/$app" --data-dir "$tmp/data" export-pdf gentle-pregnancy -o "$tmp/handout.pdf"
head -c 5 "$tmp/handout.pdf" | grep -q '%PDF-'
echo "bundle smoke test: wrote a $(stat -c %s "$tmp/handout.pdf")-byte handout"
# The cue workers (the frozen app started with --cue-worker): each speaks the line protocol, and
# none says its Qt module is missing ("no-module"). Without a sound server the sound worker opens
# no output and says "down" ("no-device") as soon as it has looked, which may come before it
# reads the ping (it then exits without a pong): either answer shows it ran with QtMultimedia.
# The speech worker is pointed at a speech daemon that is not there: starting a real one can take
# longer than this test waits, and would outlive it; the worker then says "down"
# ("engine-error") once QtTextToSpeech's engine has tried, or answers the ping first.
mkdir -m 700 "$tmp/speech"
for role in sound speech; do
    answer=$( (printf '{"op":"ping","n":1}\n'; sleep 3) | SPEECHD_ADDRESS="unix_socket:$tmp/speech/none.sock" XDG_RUNTIME_DIR="$tmp/speech" QT_QPA_PLATFORM=offscreen timeout 30 "$here/$app" --cue-worker "$role" 2>/dev/null || true)
    echo "$answer" | grep -q -e '"ev":"pong"' -e '"ev":"down"' || { echo "the $role worker did not answer: $answer" >&2; exit 1; }
    if echo "$answer" | grep -q 'no-module'; then echo "the $role worker lacks its Qt module" >&2; exit 1; fi
    echo "bundle smoke test: the $role worker answers ($(echo "$answer" | tr '\n' ' '))"
done
# With PulseAudio installed, the frozen sound worker also opens a real output (the bundle has no
# FFmpeg media plugin: QAudioSink must reach the sound server without it) and says "ready".
if command -v pulseaudio >/dev/null; then
    mkdir -m 700 "$tmp/run"
    pulse=(env -u PULSE_SERVER XDG_RUNTIME_DIR="$tmp/run" HOME="$tmp")
    "${pulse[@]}" pulseaudio -D --exit-idle-time=-1 -n --load=module-native-protocol-unix \
        "--load=module-null-sink sink_name=smoke" --log-target=file:"$tmp/pulse.log"
    answer=$( (printf '{"op":"play","sound":"chime","volume":0.1}\n'; sleep 3) | "${pulse[@]}" QT_QPA_PLATFORM=offscreen timeout 30 "$here/$app" --cue-worker sound 2>/dev/null || true)
    kill "$(cut -d' ' -f1 "$tmp/run/pulse/pid")"
    echo "$answer" | grep -q '"ev":"ready"' || { echo "the sound worker found no output on PulseAudio: $answer" >&2; exit 1; }
    echo "bundle smoke test: the sound worker plays on PulseAudio ($(echo "$answer" | tr '\n' ' '))"
fi
cd "$here"
# The Qt modules the window imports by name (pyqtgraph's charts need the OpenGL ones).
for module in QtCore QtGui QtWidgets QtSvg QtMultimedia QtTextToSpeech QtOpenGL QtOpenGLWidgets; do
    ls "$bundle"/_internal/PySide6/"$module".* >/dev/null 2>&1 || { echo "the bundle lacks PySide6.$module" >&2; exit 1; }
done
# Each library must load; one may only miss a system library that the desktop provides (Wayland's,
# on an X11 or headless machine) and that the bundle rightly leaves out.
internal=$bundle/_internal
LD_LIBRARY_PATH="$internal:$internal/PySide6/Qt/lib" python3 - "$internal" <<'EOF'
import ctypes, sys
from pathlib import Path

root = Path(sys.argv[1])
system_only = ("libwayland-", "libEGL", "libGL", "libvulkan", "libdrm", "libgbm")
broken = []
libs = sorted(p for p in root.rglob("*.so*") if p.is_file() and not p.is_symlink())
for lib in libs:
    try:
        ctypes.CDLL(str(lib))
    except OSError as exc:
        if "cannot open shared object file" in str(exc) and str(exc).startswith(system_only):
            continue
        broken.append(f"{lib.relative_to(root)}: {exc}")
if broken:
    sys.exit("libraries that cannot be loaded:\n  " + "\n  ".join(broken))
print(f"bundle smoke test: {len(libs)} libraries load")
EOF
echo "bundle size: $(du -sm "$bundle" | cut -f1) MB"
