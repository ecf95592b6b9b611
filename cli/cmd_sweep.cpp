// cmd_sweep.cpp: placeholder until the sweep lands.
#include "cli/commands.hpp"
namespace tl::cli {
int cmdSweep(const Args&) { return 1; }
int cmdMerge(const Args&) { return 1; }
}  // namespace tl::cli
