#!/usr/bin/env bash
# test.sh: installs what is missing, builds everything (core, CLI, GUI, tests), runs the
# tests, then checks every claim of every shipped scenario over 10 seeds (a lesson is a
# claim: docs/scenarios.md, "Claims").
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/deps.sh gui
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release
cmake --build build -j"$(nproc)"
(cd build && ctest --output-on-failure -j"$(nproc)")
build/cli/trustlab-cli check-lessons --seeds 10 --threads 0
