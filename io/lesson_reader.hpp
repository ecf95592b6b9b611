// lesson_reader.hpp (internal to io/): reads a scenario's "lesson" list of steps.
#pragma once
#include <string>

#include "io/json_read.hpp"
#include "sim/scenario.hpp"

namespace tl {

// Reads the steps into s.lesson; each step's `set` must apply cleanly to `s` as loaded.
void readLesson(const json& v, const std::string& ptr, Reporter& r, Scenario& s);

}  // namespace tl
