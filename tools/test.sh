#!/usr/bin/env bash
# test.sh: installs what is missing, builds everything (core, CLI, GUI, tests) and runs the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/deps.sh gui
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release
cmake --build build -j"$(nproc)"
cd build
ctest --output-on-failure -j"$(nproc)"
