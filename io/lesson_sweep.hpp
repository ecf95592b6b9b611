// lesson_sweep.hpp: the `sweep` of a lesson step (sim/scenario.hpp LessonSweep): the
// trade-off the app's "Open the trade-off" button opens. Read strictly, with positioned
// errors (every value tried on the scenario as trustlab-cli sweep would), and written back.
#pragma once
#include <nlohmann/json.hpp>
#include <string>

#include "io/json_read.hpp"
#include "sim/scenario.hpp"

namespace tl {

// {"param": "regimes[1].appeal.cost", "values": "0:0.2:9" or [0, 0.1, 0.2], "param2": ...,
//  "values2": ..., "reps": 3, "x": "wrongful_sanction_weeks", "y": "missed", "group": "all"}
LessonSweep readLessonSweep(const json& v, const std::string& ptr, Reporter& r, const Scenario& s);
nlohmann::ordered_json lessonSweepToJson(const LessonSweep& sw);

}  // namespace tl
