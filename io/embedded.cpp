// embedded.cpp: lookup over the files compiled in by cmake/Embed.cmake.
#include "io/embedded.hpp"

namespace tl {
const EmbeddedFile* findEmbedded(const std::string& path) {
  for (int i = 0; i < embedded_scenarios_count; ++i)
    if (path == embedded_scenarios[i].path) return &embedded_scenarios[i];
  return nullptr;
}
}  // namespace tl
