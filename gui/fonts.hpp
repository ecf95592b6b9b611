// fonts.hpp: rasterises the embedded TrueType font at the size shown (rebuilt when the scale changes).
#pragma once
#include <imgui.h>

namespace tl::gui {
class ImGuiSfml;

// Rebuilds ImGui's font atlas at base_px * scale pixels and uploads it. Call
// outside a frame (before newFrame). Returns false when the font is missing
// (ImGui's built-in font is used then).
bool buildFonts(ImGuiSfml& glue, float base_px, float scale);
// The large font of the outcome tiles' numbers (kNumberScale times the text), or the text font.
constexpr float kNumberScale = 1.75f;
ImFont* numberFont();
// The pixel size a font was added with (ImFont::FontSize, renamed LegacySize in imgui 1.92).
inline float fontAddedSize(const ImFont* f) {
#if IMGUI_VERSION_NUM >= 19200
  return f->LegacySize;
#else
  return f->FontSize;
#endif
}
}  // namespace tl::gui
