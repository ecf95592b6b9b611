// cmd_bench.cpp: placeholder, replaced below.
#include "cli/commands.hpp"
namespace tl::cli {
int cmdBench(const Args&) { return 1; }
int cmdSweep(const Args&) { return 1; }
int cmdMerge(const Args&) { return 1; }
}
