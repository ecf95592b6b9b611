#!/usr/bin/env bash
# deps.sh: installs the Debian/Ubuntu packages trustlab builds with, when missing.
# Usage: tools/deps.sh [gui]   (with "gui": also SFML, Dear ImGui, stb (the GUI test reads PNGs) and Xvfb)
# The names are checked on Debian 12, 13 and unstable (SFML 2.5, 2.6 and 3.1 are all libsfml-dev;
# see docs/portability.md).
set -euo pipefail
pkgs=(build-essential cmake nlohmann-json3-dev doctest-dev)
if [ "${1:-}" = "gui" ]; then
  pkgs+=(libsfml-dev libimgui-dev libstb-dev libgl-dev zlib1g-dev pkg-config xvfb xauth)
fi
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "trustlab: installing ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends "${missing[@]}"
fi
