#!/usr/bin/env bash
# lesson_screenshots.sh: a picture of the app after each lesson step of each scenario, as the class
# sees it (each step's changes applied at its week, then its weeks run: --lesson-replay N), at
# 1280x800 in presenter mode and at 1920x1080, with the layout report of each picture and a line
# per picture saying what did not fit (text cut off, a panel overflowing where it cannot scroll,
# outcome numbers smaller than the layout test allows). Open the pictures to check that each
# step's contrast is on screen in numbers (issue 9's "done means").
# Usage: bash tools/lesson_screenshots.sh [OUT_DIR] [SCENARIO.json...]
#   (default: lesson-shots/ and every scenarios/*.json; needs xvfb-run and python3; env TRUSTLAB_APP
#   = the app, default build/gui/trustlab)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-lesson-shots}
shift || true
app=${TRUSTLAB_APP:-build/gui/trustlab}
scenarios=("$@")
[ ${#scenarios[@]} -gt 0 ] || scenarios=(scenarios/*.json)
mkdir -p "$out"
problems=0
for sc in "${scenarios[@]}"; do
  name=$(basename "$sc" .json)
  steps=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1])).get("lesson", [])))' "$sc")
  for ((n = 1; n <= steps; ++n)); do
    for size in 1280x800p 1920x1080; do
      wh=${size%p}
      extra=()
      [ "$size" != "$wh" ] && extra=(--presenter)
      base="$out/${name}_step${n}_${size}"
      if ! xvfb-run -a -s "-screen 0 ${wh}x24" "$app" "$sc" --lesson-replay "$n" --size "$wh" "${extra[@]}" \
        --screenshot "$base.png" --layout-report "$base.json" > "$base.log" 2>&1; then
        echo "$base: the app failed (see $base.log)"
        problems=$((problems + 1))
        continue
      fi
      if ! python3 - "$base.json" "$size" <<'EOF'; then problems=$((problems + 1)); fi
import json, sys
r = json.load(open(sys.argv[1]))
presenter = sys.argv[2].endswith("p")
H = r["window"]["h"]
bad = [f"cut off: {c['where']}: {c['text'][:60]}" for c in r["clipped"]]
for p in r["panels"]:
    if p["overflow_x"]: bad.append(f"panel {p['name']} overflows sideways")
    if p["overflow_y"] and not p["scrollable"]: bad.append(f"panel {p['name']} cut at the bottom")
    if p.get("text_cut_bottom") and (not p["scrollable"] or p["name"] in ("details", "lesson body")):
        bad.append(f"panel {p['name']}: {len(p['text_cut_bottom'])} line(s) of text cut at the bottom edge")
bad += [f"claim out of view: {c['says'][:60]}" for c in r["claims"] if not c.get("in_view", True)]
min_px = H / 28 if presenter else 1.4 * r["font_px"] - 0.01
small = [t for t in r["tiles"] if t["number_px"] < min_px]
if small: bad.append(f"{len(small)} tile numbers under {min_px:.1f} px")
tiles = sorted({t["metric"] for t in r["tiles"]})
print(f"{sys.argv[1][:-5]}: {'OK' if not bad else 'PROBLEM'}; tiles: {', '.join(tiles)}")
for b in bad: print("   ", b)
sys.exit(1 if bad else 0)
EOF
    done
  done
done
echo "pictures in $out/; $problems with a problem"
