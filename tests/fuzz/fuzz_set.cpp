// fuzz_set.cpp: libFuzzer entry point for the --set parser (tests/fuzz/README.md).
#include "tests/fuzz/fuzz_targets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  tl::fuzz::setAssignment(data, size);
  return 0;
}
