// fuzz_targets.hpp: what the fuzzers check, shared by the libFuzzer entry points
// (tests/fuzz/fuzz_*.cpp, clang only) and by test_fuzz_regressions, which replays the
// kept inputs in every build. A violated property throws FuzzViolation; any other
// exception escaping is a finding too (bad input must be a ScenarioError).
#pragma once
#include <cstddef>
#include <cstdint>
#include <stdexcept>

namespace tl::fuzz {

struct FuzzViolation : std::logic_error {
  using std::logic_error::logic_error;
};

// The scenario loader on arbitrary text: it either refuses with a ScenarioError or
// returns a scenario whose lesson `set` entries apply, which runs (100 citizens, at most
// 3 weeks), writes its outputs, and reads back from its own JSON to the same hash.
void scenarioLoader(const uint8_t* data, size_t size);

// --set on arbitrary text against the default scenario: it either refuses with a
// ScenarioError or stores a value inside the parameter's declared range.
void setAssignment(const uint8_t* data, size_t size);

}  // namespace tl::fuzz
