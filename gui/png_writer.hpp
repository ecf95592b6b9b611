// png_writer.hpp: writes screenshots as compact PNGs (256-colour palette, zlib level 9).
#pragma once
#include <cstdint>
#include <string>

namespace tl::gui {
// rgba: w*h*4 bytes, rows top to bottom; alpha is ignored (pictures are opaque).
bool writePng(const std::string& path, unsigned w, unsigned h, const uint8_t* rgba);
}  // namespace tl::gui
