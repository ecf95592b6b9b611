#!/usr/bin/env bash
# gui_make_doc_screenshots.sh: remakes the pictures of docs/user-guide.md with the app's --screenshot mode.
# Usage: bash tests/gui_make_doc_screenshots.sh [path/to/trustlab]   (needs xvfb-run)
set -euo pipefail
cd "$(dirname "$0")/.."
app=${1:-build/gui/trustlab}
shot() { xvfb-run -a -s "-screen 0 1920x1080x24" "$app" "$@" > /dev/null; }
shot --screenshot docs/img/gui-city.png --after-weeks 156
shot --screenshot docs/img/gui-policy-tooltip.png --after-weeks 104 --tooltip appeal.reviewers_per_10k@1
shot --screenshot docs/img/gui-funnel.png --after-weeks 260 --numbers funnel
shot --screenshot docs/img/gui-inspector.png --after-weeks 156 --inspect wrongly --size 1920x1080
shot scenarios/due_process_vs_blacklist.json --screenshot docs/img/gui-lesson.png --lesson-replay 2 \
  --tooltip appeal.suspends_sanction@1
shot --screenshot docs/img/gui-presenter.png --after-weeks 156 --presenter --size 1920x1080
shot scenarios/transparency_opaque_vs_transparent.json --screenshot docs/img/gui-presenter-1280x800.png \
  --lesson-replay 2 --presenter --size 1280x800
shot scenarios/face_recognition_misidentification.json --screenshot docs/img/gui-claims.png --lesson-replay 1 \
  --presenter --size 1280x800
shot --screenshot docs/img/gui-help.png --after-weeks 26 --help-overlay
shot scenarios/base_rate_fallacy.json --screenshot docs/img/gui-notes.png --after-weeks 104 --panel notes --size 1920x1080
# The trade-off view: the whole window, and its picture as File > Export trade-off picture writes it.
shot --population 5000 --set weeks=156 --sweep 'regimes[1].transparency.discovery_rate:0:0.5:11' --sweep-reps 5 \
  --screenshot docs/img/gui-tradeoff.png --sweep-png docs/img/gui-tradeoff-picture.png
for f in docs/img/gui-*.png; do
  size=$(stat -c %s "$f")
  if [ "$size" -gt 307200 ]; then echo "warning: $f is $size bytes (over 300 KB)"; fi
done
echo "docs/img/gui-*.png remade (gui-open-errors.png is made by hand: open a broken file, press F12)"
