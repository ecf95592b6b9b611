// fuzz_scenario.cpp: libFuzzer entry point for the scenario loader (tests/fuzz/README.md).
#include "tests/fuzz/fuzz_targets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  tl::fuzz::scenarioLoader(data, size);
  return 0;
}
