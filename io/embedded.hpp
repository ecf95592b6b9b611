// embedded.hpp: files compiled into the binaries (default scenario, presets, scenarios).
#pragma once
#include <cstddef>
#include <string>

namespace tl {
struct EmbeddedFile {
  const char* path;  // relative to the repository root, e.g. "scenarios/default.json"
  const char* data;
  size_t size;
};
extern const EmbeddedFile embedded_scenarios[];
extern const int embedded_scenarios_count;
// Looks a file up by its repository path; nullptr when absent.
const EmbeddedFile* findEmbedded(const std::string& path);
}  // namespace tl
