// gui_test_support.hpp: what the GUI tests share: where the app is, whether it can run here (GUI
// built, xvfb-run installed), and the rule that a GUI test which cannot run FAILS in CI (env
// CI=true) instead of passing with nothing tested.
#pragma once
#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <string>

namespace gui_test {

// The app sits beside the CLI in the build tree: <build>/gui/trustlab.
inline std::string appPath() {
  std::string cli = TRUSTLAB_CLI;
  std::string dir = cli.substr(0, cli.find_last_of('/'));
  return dir.substr(0, dir.find_last_of('/')) + "/gui/trustlab";
}

inline bool inCi() {
  const char* ci = std::getenv("CI");
  return ci && std::string(ci) == "true";
}

// Why the GUI cannot be driven here ("" when it can).
inline std::string missing(bool need_display) {
  if (!std::ifstream(appPath()).good()) return "the GUI was not built (" + appPath() + ")";
  if (need_display && std::system("command -v xvfb-run >/dev/null 2>&1") != 0)
    return "xvfb-run is not installed (apt-get install xvfb)";
  return "";
}

// The start of a command that runs under a virtual X server of the given size ("1280x800").
// The X authority file is named here (-f): left to itself, xvfb-run keeps it in a temporary
// folder whose removal at exit sometimes fails on Debian unstable ("problem while cleaning up
// temporary directory", 1 run in 15 in its chroot), and xvfb-run then exits 5 whatever the app did.
inline std::string xvfbRun(const std::string& size) {
  return "xvfb-run -a -f gui_test.xauth -s '-screen 0 " + size + "x24' ";
}

// True when the test can go on; otherwise skips it with a message, or fails it in CI.
inline bool canRun(bool need_display, const std::string& extra_missing = "") {
  std::string why = missing(need_display);
  if (why.empty()) why = extra_missing;
  if (why.empty()) return true;
  if (inCi())
    FAIL_CHECK("CI=true but the GUI cannot be tested: " << why);
  else
    MESSAGE("skipped: " << why);
  return false;
}

}  // namespace gui_test
