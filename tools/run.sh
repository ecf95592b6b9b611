#!/usr/bin/env bash
# run.sh: installs what is missing, builds, and opens the classroom app on its embedded default scenario.
# Extra arguments go to the app (e.g. a scenario file: tools/run.sh scenarios/base_rate_fallacy.json).
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/deps.sh gui
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release
cmake --build build -j"$(nproc)" --target trustlab trustlab-cli
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "trustlab: no display found; running headless under xvfb-run (use a desktop session to see the window)"
  # A named X authority file (-f), as the GUI tests do (tests/gui_test_support.hpp): left to itself,
  # xvfb-run keeps it in a temporary folder whose removal at exit sometimes fails on Debian unstable,
  # and it then exits 5 whatever the app did. This script removes the file itself, and returns the
  # app's exit code.
  auth="$(mktemp "${TMPDIR:-/tmp}/trustlab-xauth.XXXXXX")"
  trap 'rm -f "$auth"' EXIT
  # The virtual screen as large as the window (--size WxH, default 1600x900), in full colour.
  screen=1600x900 prev=
  for a in "$@"; do
    [ "$prev" = --size ] && [[ "$a" =~ ^[0-9]+x[0-9]+$ ]] && screen="$a"
    prev="$a"
  done
  status=0
  xvfb-run -a -f "$auth" -s "-screen 0 ${screen}x24" build/gui/trustlab "$@" || status=$?
  exit "$status"
fi
exec build/gui/trustlab "$@"
