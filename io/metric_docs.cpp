// metric_docs.cpp: docs/metrics.md's column table from the one declaration of every
// metric (sim/metrics.def), so the docs cannot miss a column or name it differently.
#include "io/metric_docs.hpp"

#include "sim/simulation.hpp"

namespace tl {

const char* metricWhenWords(int when) {
  switch (static_cast<MetricWhen>(when)) {
    case MetricWhen::state:
      return "at week's end";
    case MetricWhen::event:
      return "in the week";
    case MetricWhen::mean:
      return "weekly mean";
  }
  return "";
}

std::string metricsMarkdown() {
  std::string out =
      "| column | name on screen | unit | counts | meaning |\n"
      "|---|---|---|---|---|\n"
      "| `week` | week | week | | week number since the start of the run |\n"
      "| `regime` | pane | | | the regime (pane) the row describes, in scenario order |\n"
      "| `group` | group | | | `A`, `B` or `all` |\n";
  for (const MetricDecl& m : metricTable()) {
    out += "| `" + std::string(m.column) + "` | " + m.label + " | " + m.unit + " | " +
           metricWhenWords(static_cast<int>(m.when)) + " | " + m.description + " |\n";
  }
  return out;
}

}  // namespace tl
