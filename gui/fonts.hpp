// fonts.hpp: rasterises the embedded TrueType font at the size shown (rebuilt when the scale changes).
#pragma once
#include <imgui.h>

namespace tl::gui {
class ImGuiSfml;

// Rebuilds ImGui's font atlas at base_px * scale pixels (the lesson's text at base_px * lesson_scale)
// and uploads it. Call outside a frame (before newFrame). Returns false when the font is missing
// (ImGui's built-in font is used then).
bool buildFonts(ImGuiSfml& glue, float base_px, float scale, float lesson_scale);
// The lesson and notes text (larger than the rest where the window allows, see lessonScale), or the
// text font; and the lesson scale it was built at (-1 before the first build).
ImFont* lessonFont();
float lessonFontScale();
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
