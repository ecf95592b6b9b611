// metric_docs.hpp: the metric table (sim/metrics.def) as the column reference of
// docs/metrics.md section 8 and `trustlab-cli metrics`.
#pragma once
#include <string>

namespace tl {

// The Markdown table of timeseries.csv's columns, generated from sim/metrics.def.
std::string metricsMarkdown();
// What a metric counts, in words ("at week's end", "in the week", "weekly mean").
const char* metricWhenWords(int when);

}  // namespace tl
