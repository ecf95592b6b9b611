// test_gui_outputs.cpp: the app's scripted outputs (--screenshot, --pane-rects and the other file
// options) are checked before the run and written all-or-nothing: a path that cannot be written is
// refused at once (exit 2, named), and a write that fails midway (a full disk) leaves the existing
// files as they were and no temp file. Where the GUI or xvfb-run is missing the tests skip, and
// FAIL in CI (env CI=true).
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "cli_harness.hpp"
#include "gui_test_support.hpp"

namespace {

namespace fs = tl::test::fs;
using tl::test::file;
using tl::test::path;

// Runs `prefix` + the app with the arguments; returns its exit code, with stdout and stderr in `log`.
int runApp(const std::string& prefix, const std::string& args, const std::string& log) {
  std::string cmd = prefix + "'" + gui_test::appPath() + "' " + args + " > '" + log + "' 2>&1";
  INFO(cmd);
  int status = std::system(cmd.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// The names in a folder, sorted, space-separated (temp files left beside an output show here).
std::string listing(const std::string& dir) {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  std::string s;
  for (const auto& n : names) s += (s.empty() ? "" : " ") + n;
  return s;
}

void writeKeep(const std::string& p) { tl::writeFileAtomic(p, "keep\n"); }

}  // namespace

TEST_CASE("an output file the app cannot write is refused before the run: exit 2, named, nothing touched") {
  if (!gui_test::canRun(false)) return;
  const std::string dir = path("refused");
  fs::create_directories(dir);
  const std::string kept = dir + "/picture.png";
  writeKeep(kept);
  const std::string log = path("refused.log");
  struct Case {
    std::string args, flag, named, why;
  };
  const std::string missing = dir + "/no_such_folder/out.txt";
  const std::vector<Case> cases = {
      {"--screenshot " + kept + " --pane-rects " + missing, "--pane-rects", missing, "does not exist"},
      {"--screenshot " + missing, "--screenshot", missing, "does not exist"},
      {"--screenshot " + dir, "--screenshot", dir, "is a folder"},
      {"--screenshot " + kept + "/x.png", "--screenshot", kept + "/x.png", "does not exist"},
      {"--screenshot " + kept + " --layout-report " + missing, "--layout-report", missing, "does not exist"},
      {"--export-csv " + missing, "--export-csv", missing, "does not exist"},
      {"--export-citizens " + missing, "--export-citizens", missing, "does not exist"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.args);
    // Without a display the app would stop with exit 1 once it opened its window: exit 2 shows the
    // path was refused before that, before any week ran.
    CHECK(runApp("env -u DISPLAY ", c.args, log) == 2);
    const std::string err = file(log);
    INFO(err);
    CHECK(err.find(c.flag + " " + c.named + ": ") != std::string::npos);
    CHECK(err.find(c.why) != std::string::npos);
    CHECK(file(kept) == "keep\n");
    CHECK(listing(dir) == "picture.png");
  }
}

TEST_CASE(
    "--screenshot and --pane-rects replace existing files whole, or on a full disk leave them as they were") {
  if (!gui_test::canRun(true)) return;
  const std::string dir = path("full_disk");
  fs::create_directories(dir);
  const std::string png = dir + "/picture.png", rects = dir + "/rects.txt", log = path("full_disk.log");
  writeKeep(png);
  writeKeep(rects);
  const std::string args =
      "--screenshot " + png + " --pane-rects " + rects + " --after-weeks 2 --size 1024x768";
  // The app alone may write at most 2 kB per file (sh's ulimit -f counts 512-byte blocks); SIGXFSZ
  // ignored, so a longer write fails with EFBIG as on a full disk. The picture is larger than that.
  const std::string app = "'" + gui_test::appPath() + "'";
  std::string cmd = gui_test::xvfbRun("1024x768") + "sh -c \"trap '' XFSZ; ulimit -f 4; exec " + app + " " +
                    args + "\" > '" + log + "' 2>&1";
  INFO(cmd);
  int status = std::system(cmd.c_str());
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 1);
  std::string err = file(log);
  INFO(err);
  CHECK(err.find("cannot write " + png) != std::string::npos);
  CHECK(err.find("left as it was") != std::string::npos);
  // The picture failed, so neither it nor the rectangles that describe it were replaced.
  CHECK(file(png) == "keep\n");
  CHECK(file(rects) == "keep\n");
  CHECK(listing(dir) == "picture.png rects.txt");

  // With room, the same command replaces both: a PNG, and a line per pane.
  REQUIRE(runApp(gui_test::xvfbRun("1024x768"), args, log) == 0);
  const std::string picture = file(png);
  CHECK(picture.size() > 2048);
  CHECK(picture.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0);
  const std::string lines = file(rects);
  CHECK(lines.rfind("# pane x y w h name", 0) == 0);
  CHECK(std::count(lines.begin(), lines.end(), '\n') >= 3);  // the header and the default's two panes
  CHECK(listing(dir) == "picture.png rects.txt");
}
