// expect_reader.hpp (internal to io/): reads the `expect` claims of a scenario's notes
// or of one lesson step, checking every name, index and window against the scenario.
#pragma once
#include <string>
#include <vector>

#include "io/json_read.hpp"
#include "sim/scenario.hpp"

namespace tl {

// Where the claims are made: the notes (step -1, read from the run as shipped) or a
// lesson step, whose weeks and changes decide which windows and comparisons are valid.
struct ExpectContext {
  const Scenario* scenario = nullptr;  // regimes and group labels already read
  int step = -1;                       // -1 = the notes' claims
  bool step_has_set = false;           // the step changes something ("without_step" needs it)
  int begin = 0, end = 0;              // weeks [begin, end) the step runs; notes: [0, weeks)
};

// Reads the list at `ptr`; each bad claim is reported to `r` and left out.
std::vector<Expect> readExpects(const json& v, const std::string& ptr, const ExpectContext& ctx, Reporter& r);

}  // namespace tl
