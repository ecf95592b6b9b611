#!/usr/bin/env bash
# tradeoff_screenshots.sh: the app's trade-off view on every shipped scenario, each swept over the
# parameter its lesson changes (or the one it is about): the window with the view open, the view's
# exported picture and its frontier.csv, at a small population so the whole set takes minutes.
# Open the pictures to check the curves, intervals and the current-setting mark (issue 10).
# Usage: bash tools/tradeoff_screenshots.sh [OUT_DIR] [POPULATION] [SCENARIO_NAME...]
#   (default tradeoff-shots/, 5000, every scenario; needs xvfb-run; env TRUSTLAB_APP = the app,
#   default build/gui/trustlab)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-tradeoff-shots}
population=${2:-5000}
shift 2 || shift $#
only=" $* "
app=${TRUSTLAB_APP:-build/gui/trustlab}
mkdir -p "$out"
# scenario  sweep (PATH:FROM:TO:COUNT, as the app's --sweep)
sweeps=(
  "automated_fraud_vs_human_review regimes[1].assessment.deference:0:1:6"
  "base_rate_fallacy regimes[0].assessment.screening_specificity:0.99:0.999:6"
  "default regimes[1].transparency.discovery_rate:0.01:0.5:6"
  "deference_rising regimes[0].assessment.deference:0:1:6"
  "due_process_vs_blacklist regimes[1].appeal.reviewers_per_10k:0:4:6"
  "expiry_never_vs_5_years regimes[1].exit.listing_term_weeks:52:572:6"
  "face_recognition_misidentification regimes[1].data.error_multiplier_group_b:1:5:6"
  "informants_bias regimes[1].data.informant_bias_group_b:1:4:6"
  "joint_sanctions_agencies regimes[1].consequences.agencies:0:40:6"
  "no_system_baseline behaviour.compliance_under_sanction:0:0.05:6"
  "proxies_unequal_data regimes[0].data.error_multiplier_group_b:1:3:6"
  "public_shaming regimes[1].consequences.private_spillover:0:2:6"
  "published_vs_opaque_rules regimes[1].transparency.discovery_rate:0.01:0.5:6"
  "transparency_opaque_vs_transparent regimes[1].appeal.reviewers_per_10k:0:4:9"
)
failed=0
for entry in "${sweeps[@]}"; do
  name=${entry%% *}
  sweep=${entry#* }
  [ "$only" = "  " ] || [[ "$only" == *" $name "* ]] || continue
  base="$out/${name}_tradeoff"
  start=$(date +%s.%N)
  if xvfb-run -a -s "-screen 0 1920x1080x24" "$app" "scenarios/$name.json" --population "$population" \
    --size 1920x1080 --sweep "$sweep" --sweep-reps 3 --screenshot "$base-window.png" --sweep-png "$base.png" \
    --sweep-out "$base.csv" > "$base.log" 2>&1; then
    printf '%s: %s, %s rows, %.1f s\n' "$name" "$sweep" "$(($(wc -l < "$base.csv") - 1))" \
      "$(echo "$(date +%s.%N) - $start" | bc)"
  else
    echo "$name: FAILED (see $base.log)"
    failed=$((failed + 1))
  fi
done
echo "pictures in $out/; $failed failed"
