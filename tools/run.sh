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
  exec xvfb-run -a build/gui/trustlab "$@"
fi
exec build/gui/trustlab "$@"
