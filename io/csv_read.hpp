// csv_read.hpp: the reading side of the CSV files trustlab writes (csvField quotes a
// field holding a comma, a quote or a line break; this splits such lines back).
#pragma once
#include <string>
#include <vector>

namespace tl {

// Splits at `sep`; with `quotes`, CSV rules: quoted fields may hold the separator and "".
std::vector<std::string> splitList(const std::string& text, char sep, bool quotes = false);
// The fields of one CSV line.
inline std::vector<std::string> csvFields(const std::string& line) { return splitList(line, ',', true); }

}  // namespace tl
