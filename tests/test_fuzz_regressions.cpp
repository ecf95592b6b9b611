// test_fuzz_regressions.cpp: replays, in every build, what the fuzzers check
// (tests/fuzz/fuzz_targets.hpp) over every shipped scenario and preset, every test
// input, the fuzzers' seeds and every input a fuzzer ever found failing
// (tests/fuzz/regressions/). Adding a finding there makes it a regression test.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "io/atomic_file.hpp"
#include "tests/fuzz/fuzz_targets.hpp"

namespace fs = std::filesystem;

namespace {

const fs::path kSource = TRUSTLAB_SOURCE_DIR;

std::vector<fs::path> filesIn(const std::vector<fs::path>& dirs) {
  std::vector<fs::path> out;
  for (const auto& d : dirs)
    for (const auto& e : fs::recursive_directory_iterator(d))
      if (e.is_regular_file() && e.path().filename().string()[0] != '.') out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

template <class Target>
int replay(const std::vector<fs::path>& files, Target target) {
  int n = 0;
  for (const auto& f : files) {
    CAPTURE(f.string());
    std::string bytes;
    REQUIRE(tl::readTextFile(f.string(), bytes));
    try {
      target(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
    } catch (const tl::fuzz::FuzzViolation& v) {
      FAIL_CHECK("property violated: " << v.what());
    } catch (const std::exception& e) {
      FAIL_CHECK("exception other than ScenarioError escaped: " << e.what());
    }
    ++n;
  }
  return n;
}

}  // namespace

TEST_CASE("scenario loader: every sample and every fuzzer finding keeps the properties") {
  auto files =
      filesIn({kSource / "scenarios", kSource / "tests/data", kSource / "tests/fuzz/regressions/scenario"});
  int n = replay(files, tl::fuzz::scenarioLoader);
  CHECK(n >= 30);  // the folders are there: an empty replay proves nothing
}

TEST_CASE("--set parser: every seed and every fuzzer finding keeps the properties") {
  auto files = filesIn({kSource / "tests/fuzz/seeds/set", kSource / "tests/fuzz/regressions/set"});
  int n = replay(files, tl::fuzz::setAssignment);
  CHECK(n >= 10);
}
