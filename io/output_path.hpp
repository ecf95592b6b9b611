// output_path.hpp: checks on where an output file is to go, made before a run so a
// bad path costs nothing (the CLI's --citizens-out and plot --out).
#pragma once
#include <string>

namespace tl {

// Why a file cannot be written at `path` ("" when it can): its folder is missing or
// read-only, or the path is a folder. Checked before a run, so a bad path costs nothing.
std::string whyUnwritable(const std::string& path);

// The file name of `file` when it lies directly in `folder` (existing or not), else "".
std::string fileNameIn(const std::string& file, const std::string& folder);

}  // namespace tl
