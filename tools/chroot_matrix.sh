#!/usr/bin/env bash
# chroot_matrix.sh: tries the README's two set-up commands (bash tools/test.sh, then bash
# tools/run.sh) as a new user would, on fresh minimal Debian systems (debootstrap --variant=minbase,
# root, nothing else installed), and prints one table row per distribution: SFML and Dear ImGui
# versions, build, tests, whether the GUI test ran and whether run.sh opened the app.
#
# Usage (as root, on a Debian/Ubuntu host with debootstrap):
#   bash tools/chroot_matrix.sh [--root DIR] [--mirror URL] [--worktree] [--prepare] [DIST...]
#     DIST        Debian suites to try (default: bookworm trixie sid)
#     --root      where the chroots live (default: /work/chroots; never inside the repository)
#     --mirror    Debian mirror (default: http://deb.debian.org/debian)
#     --worktree  copy the working tree (tracked + untracked files) instead of `git archive HEAD`
#     --prepare   only create the cached base systems (download-bound; can run beside other work)
#
# Each suite's debootstrap result is cached once in ROOT/base/SUITE; every run copies it afresh to
# ROOT/run/SUITE (so tools/deps.sh really installs the packages), keeps downloaded .debs in
# ROOT/apt-cache/SUITE, and logs to ROOT/logs/SUITE.log. The table is also written to
# ROOT/matrix.md, after each suite (a run cut off midway keeps its finished rows). Builds run one
# suite at a time, niced, with CI=true (a skipped GUI test fails).
set -euo pipefail

ROOT=/work/chroots
MIRROR=http://deb.debian.org/debian
FROM_WORKTREE=0
PREPARE_ONLY=0
SUITES=()
while [ $# -gt 0 ]; do
  case "$1" in
    --root) ROOT="$2"; shift 2 ;;
    --mirror) MIRROR="$2"; shift 2 ;;
    --worktree) FROM_WORKTREE=1; shift ;;
    --prepare) PREPARE_ONLY=1; shift ;;
    -h|--help) sed -n '2,19p' "$0"; exit 0 ;;
    -*) echo "chroot_matrix: unknown option $1" >&2; exit 2 ;;
    *) SUITES+=("$1"); shift ;;
  esac
done
[ ${#SUITES[@]} -gt 0 ] || SUITES=(bookworm trixie sid)

REPO="$(cd "$(dirname "$0")/.." && pwd)"
ROOT="$(mkdir -p "$ROOT" && cd "$ROOT" && pwd)"
case "$ROOT/" in "$REPO"/*) echo "chroot_matrix: --root must be outside the repository" >&2; exit 2 ;; esac
[ "$(id -u)" -eq 0 ] || { echo "chroot_matrix: needs root (debootstrap, chroot, mount)" >&2; exit 2; }
command -v debootstrap >/dev/null || { echo "chroot_matrix: apt-get install debootstrap" >&2; exit 2; }
mkdir -p "$ROOT/base" "$ROOT/run" "$ROOT/apt-cache" "$ROOT/logs"

# The cached minimal base system of one suite (created once).
prepare_base() {
  local suite="$1" base="$ROOT/base/$1"
  [ -f "$base/.trustlab-base-ok" ] && return 0
  rm -rf "$base"
  echo "chroot_matrix: debootstrap $suite (minbase) into $base" >&2
  nice -n 10 debootstrap --variant=minbase "$suite" "$base" "$MIRROR" >"$ROOT/logs/$suite.debootstrap.log" 2>&1 ||
    { echo "chroot_matrix: debootstrap $suite failed, see $ROOT/logs/$suite.debootstrap.log" >&2; return 1; }
  touch "$base/.trustlab-base-ok"
}

# The repository's files as a user would get them: the committed tree, or the working tree.
copy_repo() {
  local dest="$1"
  mkdir -p "$dest"
  if [ "$FROM_WORKTREE" = 1 ]; then
    (cd "$REPO" && git ls-files -z --cached --others --exclude-standard |
      xargs -0 -I{} sh -c 'test -e "{}" && printf "%s\0" "{}"' |
      tar --null -T - -cf -) | tar -xf - -C "$dest"
  else
    git -C "$REPO" archive HEAD | tar -xf - -C "$dest"
  fi
}

# Runs a command inside the chroot, in a private mount namespace (mounts vanish with it).
in_chroot() {
  local dir="$1" cache="$2"
  shift 2
  nice -n 10 ionice -c3 unshare --mount --fork /bin/sh -c '
    set -e
    dir="$1"; cache="$2"; shift 2
    mount --make-rprivate /
    mount -t proc proc "$dir/proc"
    mount -t sysfs sys "$dir/sys"
    mount --rbind /dev "$dir/dev"
    mount --bind "$cache" "$dir/var/cache/apt/archives"
    exec chroot "$dir" /usr/bin/env -i HOME=/root TERM=dumb LANG=C.UTF-8 CI=true \
      PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin "$@"
  ' sh "$dir" "$cache" "$@"
}

pkg_version() {  # pkg_version CHROOT PACKAGE: the installed Debian version, or "-"
  chroot "$1" dpkg-query -W -f='${Version}' "$2" 2>/dev/null || echo "-"
}

ROWS=()
run_suite() {
  local suite="$1" dir="$ROOT/run/$1" log="$ROOT/logs/$1.log"
  local cache="$ROOT/apt-cache/$suite"
  mkdir -p "$cache/partial"
  local m
  for m in "$ROOT/base/$suite/proc" "$dir/proc" "$dir/sys" "$dir/dev"; do
    if [ -d "$m" ] && mountpoint -q "$m"; then
      echo "chroot_matrix: $m is still mounted; unmount it first" >&2
      return 1
    fi
  done
  rm -rf "$dir"
  cp -a "$ROOT/base/$suite" "$dir"
  cp /etc/resolv.conf "$dir/etc/resolv.conf" 2>/dev/null || true
  # A mirror that serves a frozen snapshot has an expired Release file (Valid-Until); accept it.
  echo 'Acquire::Check-Valid-Until "false";' >"$dir/etc/apt/apt.conf.d/99trustlab-snapshot-mirror"
  copy_repo "$dir/root/trustlab"
  echo "chroot_matrix: $suite: bash tools/test.sh (log: $log)" >&2
  local start=$SECONDS rc=0
  in_chroot "$dir" "$cache" /bin/bash -c 'cd /root/trustlab && bash tools/test.sh' >"$log" 2>&1 || rc=$?
  # Then the README's other command, tools/run.sh: with no display it opens the app under
  # xvfb-run; --screenshot makes the app save a picture and quit instead of running on.
  local run="no"
  if [ "$rc" = 0 ]; then
    rm -f "$dir/tmp/run_sh.png"
    echo "== bash tools/run.sh --screenshot /tmp/run_sh.png --after-weeks 2" >>"$log"
    if in_chroot "$dir" "$cache" /bin/bash -c \
      'cd /root/trustlab && timeout -k 10 600 bash tools/run.sh --screenshot /tmp/run_sh.png --after-weeks 2' \
      >>"$log" 2>&1 && [ -s "$dir/tmp/run_sh.png" ]; then
      run="yes"
    fi
  fi
  local minutes=$(((SECONDS - start + 59) / 60))

  local sfml imgui build tests gui
  sfml="$(pkg_version "$dir" libsfml-dev)"
  imgui="$(pkg_version "$dir" libimgui-dev)"
  local tree="$dir/root/trustlab/build"
  if [ -x "$tree/cli/trustlab-cli" ] && [ -x "$tree/gui/trustlab" ] && grep -q "tests passed" "$log"; then
    build="yes"
  elif [ -x "$tree/cli/trustlab-cli" ] && grep -q "tests passed" "$log"; then
    build="no GUI"
  else
    build="no"
  fi
  # ctest's summary: "95% tests passed, 1 tests failed out of 20".
  local summary passed failed total
  summary="$(grep -E '[0-9]+% tests passed, [0-9]+ tests? failed out of [0-9]+' "$log" | tail -1 || true)"
  if [ -n "$summary" ]; then
    failed="$(sed -E 's/.*passed, ([0-9]+) tests? failed out of ([0-9]+).*/\1/' <<<"$summary")"
    total="$(sed -E 's/.*failed out of ([0-9]+).*/\1/' <<<"$summary")"
    passed=$((total - failed))
    tests="$passed/$total passed, $failed failed"
  else
    tests="not run"
  fi
  # The GUI test ran when its log shows doctest assertions and no "skipped:" message.
  gui="no"
  local ctestlog="$tree/Testing/Temporary/LastTest.log"
  if [ -f "$ctestlog" ]; then
    local section
    section="$(awk '/^[0-9]+\/[0-9]+ Testing: /{on = ($0 ~ /test_gui_screenshot/)} on' "$ctestlog")"
    if grep -q "skipped:" <<<"$section"; then
      gui="skipped"
    elif grep -Eq 'assertions: *[1-9][0-9]* *\| *[0-9]+ passed \| *0 failed' <<<"$section"; then
      gui="yes"
    elif grep -q "assertions:" <<<"$section"; then
      gui="ran, failed"
    fi
  fi
  ROWS+=("| $suite | $sfml | $imgui | $build | $tests | $gui | $run | $rc | $minutes |")
}

# Everything runs from main, which bash reads whole before starting: editing this file while a
# matrix runs cannot derail it.
main() {
  if [ "$PREPARE_ONLY" = 1 ]; then
    for s in "${SUITES[@]}"; do prepare_base "$s"; done
    exit 0
  fi

  # The table so far is rewritten after each suite, so a run cut off midway keeps its rows.
  local commit
  commit="$(git -C "$REPO" describe --always --dirty 2>/dev/null || echo '?')"
  table() {
    echo "trustlab $commit, $(date -u +%Y-%m-%d), host $(. /etc/os-release && echo "$PRETTY_NAME"), $(nproc) cores"
    echo
    echo "| distribution | SFML (libsfml-dev) | Dear ImGui (libimgui-dev) | build ok | tests (tools/test.sh) | GUI test ran | tools/run.sh opened the app | exit | minutes |"
    echo "|---|---|---|---|---|---|---|---|---|"
    printf '%s\n' "${ROWS[@]}"
  }
  for s in "${SUITES[@]}"; do
    if prepare_base "$s"; then
      run_suite "$s"
    else
      ROWS+=("| $s | - | - | no (debootstrap failed) | not run | no | no | - | - |")
    fi
    table >"$ROOT/matrix.md"
  done
  table

  # Exit 0 only when every suite built with the GUI, passed every test, ran the GUI test and
  # opened the app with tools/run.sh.
  for r in "${ROWS[@]}"; do
    grep -Eq '\| yes \| [0-9]+/[0-9]+ passed, 0 failed \| yes \| yes \| 0 \|' <<<"$r" || exit 1
  done
}
main; exit $?
