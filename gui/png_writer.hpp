// png_writer.hpp: writes screenshots as compact PNGs (256-colour palette, zlib level 9).
#pragma once
#include <cstdint>
#include <string>

namespace tl::gui {
// rgba: w*h*4 bytes, rows top to bottom; alpha is ignored (pictures are opaque). The PNG file's
// bytes, or "" when zlib fails.
std::string encodePng(unsigned w, unsigned h, const uint8_t* rgba);
// Encodes and writes it all-or-nothing (writeFileAtomic): on a failure an existing file is left
// as it was and no temp file stays. "" when written, else why not (naming `path`).
std::string writePng(const std::string& path, unsigned w, unsigned h, const uint8_t* rgba);
}  // namespace tl::gui
