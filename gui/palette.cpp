// palette.cpp: colours and shapes of citizen states (Okabe-Ito + pattern), and the two UI styles.
#include "gui/palette.hpp"

namespace tl::gui {
namespace {
// Okabe & Ito (2008) colour-blind-safe palette, plus two neutrals for the calm states.
constexpr Rgb kColours[kViewCount] = {
    {72, 74, 84},     // NotEnrolled: dim grey
    {160, 160, 160},  // Normal: light grey
    {0, 158, 115},    // Rewarded: bluish green
    {240, 228, 66},   // Flagged: yellow
    {0, 114, 178},    // RightlySanctioned: blue
    {213, 94, 0},     // WronglySanctioned: vermillion
    {204, 121, 167},  // InAppeal: reddish purple
};
constexpr Glyph kGlyphs[kViewCount] = {Glyph::Dot,    Glyph::Square, Glyph::Diamond, Glyph::Ring,
                                       Glyph::Square, Glyph::Cross,  Glyph::Hatch};
constexpr const char* kLabels[kViewCount] = {
    "not enrolled", "normal", "rewarded", "flagged", "rightly sanctioned", "wrongly sanctioned", "in appeal"};
int idx(CitizenView v) {
  int i = static_cast<int>(v);
  return i >= 0 && i < kViewCount ? i : 1;
}
}  // namespace

Rgb stateColour(CitizenView v) { return kColours[idx(v)]; }
ImU32 stateColourU32(CitizenView v, uint8_t a) {
  Rgb c = stateColour(v);
  return IM_COL32(c.r, c.g, c.b, a);
}
ImVec4 stateColourVec(CitizenView v) {
  Rgb c = stateColour(v);
  return ImVec4(c.r / 255.f, c.g / 255.f, c.b / 255.f, 1.f);
}
Glyph stateGlyph(CitizenView v) { return kGlyphs[idx(v)]; }
const char* stateLabel(CitizenView v) { return kLabels[idx(v)]; }
const char* glyphName(Glyph g) {
  switch (g) {
    case Glyph::Dot:
      return "small dot";
    case Glyph::Square:
      return "solid square";
    case Glyph::Ring:
      return "ring";
    case Glyph::Cross:
      return "cross";
    case Glyph::Hatch:
      return "striped";
    case Glyph::Diamond:
      return "diamond";
  }
  return "";
}

void drawSwatch(ImDrawList* dl, ImVec2 p, float s, CitizenView v) {
  ImU32 col = stateColourU32(v);
  ImVec2 q(p.x + s, p.y + s), c(p.x + s * 0.5f, p.y + s * 0.5f);
  float t = s * 0.22f;
  switch (stateGlyph(v)) {
    case Glyph::Dot:
      dl->AddCircleFilled(c, s * 0.22f, col);
      break;
    case Glyph::Square:
      dl->AddRectFilled(p, q, col);
      break;
    case Glyph::Ring:
      dl->AddRect(ImVec2(p.x + t * 0.5f, p.y + t * 0.5f), ImVec2(q.x - t * 0.5f, q.y - t * 0.5f), col, 0, 0,
                  t);
      break;
    case Glyph::Cross:
      dl->AddLine(p, q, col, t * 1.3f);
      dl->AddLine(ImVec2(p.x, q.y), ImVec2(q.x, p.y), col, t * 1.3f);
      break;
    case Glyph::Hatch:
      dl->AddRectFilled(p, ImVec2(q.x, p.y + s / 3), col);
      dl->AddRectFilled(ImVec2(p.x, p.y + 2 * s / 3), q, col);
      dl->AddRect(p, q, col, 0, 0, 1.0f);
      break;
    case Glyph::Diamond:
      dl->AddQuadFilled(ImVec2(c.x, p.y), ImVec2(q.x, c.y), ImVec2(c.x, q.y), ImVec2(p.x, c.y), col);
      break;
  }
}

ImU32 paneColour(int pane) {
  static const ImU32 cols[4] = {IM_COL32(86, 180, 233, 255), IM_COL32(230, 159, 0, 255),
                                IM_COL32(204, 121, 167, 255), IM_COL32(0, 158, 115, 255)};
  return cols[((pane % 4) + 4) % 4];
}
ImU32 groupColour(int group) {
  return group == 0   ? IM_COL32(86, 180, 233, 255)
         : group == 1 ? IM_COL32(230, 159, 0, 255)
                      : IM_COL32(220, 220, 220, 255);
}

Rgb backgroundColour(bool presenter) { return presenter ? Rgb{0, 0, 0} : Rgb{24, 26, 32}; }

void applyStyle(bool presenter, float scale) {
  ImGuiStyle style;
  ImGui::StyleColorsDark(&style);
  style.WindowRounding = 3;
  style.FrameRounding = 3;
  style.GrabRounding = 3;
  style.WindowBorderSize = 1;
  style.FrameBorderSize = presenter ? 1.0f : 0.0f;
  style.ItemSpacing = ImVec2(7, 5);
  ImVec4* c = style.Colors;
  if (presenter) {
    // High contrast for projectors: black ground, white text, bright yellow focus.
    c[ImGuiCol_Text] = ImVec4(1, 1, 1, 1);
    c[ImGuiCol_TextDisabled] = ImVec4(0.80f, 0.80f, 0.80f, 1);
    c[ImGuiCol_WindowBg] = ImVec4(0, 0, 0, 1);
    c[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_PopupBg] = ImVec4(0.05f, 0.05f, 0.05f, 1);
    c[ImGuiCol_Border] = ImVec4(1, 1, 1, 0.85f);
    c[ImGuiCol_FrameBg] = ImVec4(0.12f, 0.12f, 0.12f, 1);
    c[ImGuiCol_FrameBgHovered] = ImVec4(0.25f, 0.25f, 0.10f, 1);
    c[ImGuiCol_FrameBgActive] = ImVec4(0.35f, 0.35f, 0.10f, 1);
    c[ImGuiCol_TitleBg] = ImVec4(0.1f, 0.1f, 0.1f, 1);
    c[ImGuiCol_TitleBgActive] = ImVec4(0.2f, 0.2f, 0.2f, 1);
    c[ImGuiCol_MenuBarBg] = ImVec4(0.08f, 0.08f, 0.08f, 1);
    c[ImGuiCol_Button] = ImVec4(0.18f, 0.18f, 0.18f, 1);
    c[ImGuiCol_ButtonHovered] = ImVec4(0.45f, 0.42f, 0.05f, 1);
    c[ImGuiCol_ButtonActive] = ImVec4(0.6f, 0.55f, 0.05f, 1);
    c[ImGuiCol_Header] = ImVec4(0.22f, 0.22f, 0.22f, 1);
    c[ImGuiCol_HeaderHovered] = ImVec4(0.45f, 0.42f, 0.05f, 1);
    c[ImGuiCol_HeaderActive] = ImVec4(0.6f, 0.55f, 0.05f, 1);
    c[ImGuiCol_SliderGrab] = ImVec4(0.94f, 0.89f, 0.26f, 1);
    c[ImGuiCol_SliderGrabActive] = ImVec4(1, 1, 0.5f, 1);
    c[ImGuiCol_CheckMark] = ImVec4(0.94f, 0.89f, 0.26f, 1);
    c[ImGuiCol_Tab] = ImVec4(0.15f, 0.15f, 0.15f, 1);
    c[ImGuiCol_TabActive] = ImVec4(0.45f, 0.42f, 0.05f, 1);
    c[ImGuiCol_TabHovered] = ImVec4(0.6f, 0.55f, 0.05f, 1);
    c[ImGuiCol_PlotLines] = ImVec4(1, 1, 1, 1);
    c[ImGuiCol_TableHeaderBg] = ImVec4(0.2f, 0.2f, 0.2f, 1);
    c[ImGuiCol_TableBorderStrong] = ImVec4(1, 1, 1, 0.7f);
  } else {
    c[ImGuiCol_WindowBg] = ImVec4(0.11f, 0.12f, 0.14f, 1);
    c[ImGuiCol_PopupBg] = ImVec4(0.07f, 0.08f, 0.10f, 1);
    c[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);  // transparent: one less full-screen layer to fill
    c[ImGuiCol_Header] = ImVec4(0.20f, 0.25f, 0.32f, 1);
    c[ImGuiCol_HeaderHovered] = ImVec4(0.26f, 0.36f, 0.48f, 1);
    c[ImGuiCol_Button] = ImVec4(0.20f, 0.27f, 0.36f, 1);
  }
  style.ScaleAllSizes(scale);
  ImGui::GetStyle() = style;
}

}  // namespace tl::gui
