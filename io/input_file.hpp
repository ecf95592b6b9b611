// input_file.hpp: reading a file a user names as input (a scenario, a preset, a
// summary.json), bounded: only regular files, at most kMaxInputBytes, so a device,
// a FIFO, a folder or a huge file gives a clear error instead of a hang or 4 GB.
#pragma once
#include <cstddef>
#include <string>

namespace tl {

// Scenario files are a few kilobytes; a summary.json with its manifest some tens.
constexpr size_t kMaxInputBytes = 8u << 20;  // 8 MiB
// Scenarios nest 5 levels, a summary.json 7; anything deeper is not one of ours.
constexpr int kMaxJsonDepth = 64;

// Reads the whole of a regular file of at most kMaxInputBytes into `out`. Returns ""
// on success, else what is wrong, as a sentence ("it is a folder, not a file").
std::string readInputFile(const std::string& path, std::string& out);

// Offset of the first byte that does not belong to valid UTF-8, or npos.
size_t firstInvalidUtf8(const std::string& text);

// A file name or text as it can be printed: control characters as \u00XX and bytes
// that are not UTF-8 as \xNN (file names are bytes; terminals and JSON want text).
std::string printable(const std::string& bytes);

}  // namespace tl
