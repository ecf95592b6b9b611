// palette.cpp: colours and shapes of citizen states (Okabe-Ito + pattern), and the two UI styles.
#include "gui/palette.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>

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
// Rightly sanctioned is barred (vertical stripes) so that it differs from normal (solid) by shape.
constexpr Glyph kGlyphs[kViewCount] = {Glyph::Dot,  Glyph::Square, Glyph::Diamond, Glyph::Ring,
                                       Glyph::Bars, Glyph::Cross,  Glyph::Hatch};
// "flagged, not in force": the state is judged adverse but with no sanction yet (grace, overridden);
// the `flagged` output ("flagged (in force or not)", sim/metrics.def) counts everyone judged
// adverse, so the two names must not read as the same count.
constexpr const char* kLabels[kViewCount] = {
    "not enrolled",       "normal",   "rewarded", "flagged, not in force", "rightly sanctioned",
    "wrongly sanctioned", "in appeal"};
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
namespace {
// The label with each run of spaces and punctuation as one _ ("flagged_not_in_force").
std::string cliName(int v) {
  std::string n;
  for (const char* c = stateLabel(static_cast<CitizenView>(v)); *c; ++c) {
    if (std::isalnum(static_cast<unsigned char>(*c)))
      n += *c;
    else if (!n.empty() && n.back() != '_')
      n += '_';
  }
  return n;
}
}  // namespace
int stateFromName(const std::string& name) {
  for (int v = 0; v < kViewCount; ++v)
    if (cliName(v) == name) return v;
  return -1;
}
std::string stateNames() {
  std::string s;
  for (int v = 0; v < kViewCount; ++v) s += (v ? ", " : "") + cliName(v);
  return s;
}
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
    case Glyph::Bars:
      return "barred";
  }
  return "";
}

void drawSwatch(ImDrawList* dl, ImVec2 p, float s, CitizenView v) {
  ImU32 col = stateColourU32(v);
  // Filled without the anti-aliased fringe: Mesa's llvmpipe (software GL, e.g. under Xvfb) can
  // paint a fringed fill in the colour of an earlier shape (the "rewarded" diamond drawn blue,
  // issue 9); a swatch is small enough not to need the fringe.
  const ImDrawListFlags flags = dl->Flags;
  dl->Flags &= ~ImDrawListFlags_AntiAliasedFill;
  struct Restore {
    ImDrawList* dl;
    ImDrawListFlags f;
    ~Restore() { dl->Flags = f; }
  } restore{dl, flags};
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
    case Glyph::Bars:
      dl->AddRectFilled(p, ImVec2(p.x + s / 3, q.y), col);
      dl->AddRectFilled(ImVec2(p.x + 2 * s / 3, p.y), q, col);
      dl->AddRect(p, q, col, 0, 0, 1.0f);
      break;
  }
}

namespace {
std::vector<int> g_slots;  // pane -> style slot (see setPaneSlots)
int slotOf(int pane) {
  int s = pane >= 0 && pane < static_cast<int>(g_slots.size()) ? g_slots[static_cast<size_t>(pane)] : pane;
  return ((s % 4) + 4) % 4;
}
}  // namespace

void setPaneSlots(const std::vector<int>& slots) { g_slots = slots; }

ImU32 paneColour(int pane) {
  static const ImU32 cols[4] = {IM_COL32(86, 180, 233, 255), IM_COL32(230, 159, 0, 255),
                                IM_COL32(204, 121, 167, 255), IM_COL32(0, 158, 115, 255)};
  return cols[slotOf(pane)];
}

std::vector<float> paneDash(int pane) { return slotDash(slotOf(pane)); }

std::vector<float> slotDash(int slot) {
  switch (((slot % 4) + 4) % 4) {
    case 1:
      return {0.9f, 0.45f};  // dashed
    case 2:
      return {0.18f, 0.3f};  // dotted
    case 3:
      return {0.9f, 0.3f, 0.18f, 0.3f};  // dash-dot
    default:
      return {};  // solid
  }
}

void addPaneLine(ImDrawList* dl, const ImVec2* pts, int n, int pane, float thickness) {
  addDashedLine(dl, pts, n, paneColour(pane), paneDash(pane), thickness);
}

void addDashedLine(ImDrawList* dl, const ImVec2* pts, int n, ImU32 col, const std::vector<float>& dash,
                   float thickness) {
  if (dash.empty() || n < 2) {
    dl->AddPolyline(pts, n, col, 0, thickness);
    return;
  }
  const float unit = ImGui::GetFontSize();
  size_t k = 0;                 // which run of the pattern
  float left = dash[0] * unit;  // length left in it
  for (int i = 1; i < n; ++i) {
    ImVec2 a = pts[i - 1], b = pts[i];
    float dx = b.x - a.x, dy = b.y - a.y, len = std::sqrt(dx * dx + dy * dy), t = 0;
    while (len > 0 && t < len) {
      float step = std::min(left, len - t);
      if (k % 2 == 0) {  // an "on" run
        ImVec2 p0(a.x + dx * t / len, a.y + dy * t / len),
            p1(a.x + dx * (t + step) / len, a.y + dy * (t + step) / len);
        dl->AddLine(p0, p1, col, thickness);
      }
      t += step;
      left -= step;
      if (left <= 0.01f) {
        k = (k + 1) % dash.size();
        left = dash[k] * unit;
      }
    }
  }
}

void drawPaneDash(ImDrawList* dl, ImVec2 from, float length, int pane) {
  ImVec2 pts[2] = {from, ImVec2(from.x + length, from.y)};
  addPaneLine(dl, pts, 2, pane, std::max(2.0f, ImGui::GetFontSize() * 0.14f));
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
    // The selected tab (e.g. which regime's parameters are shown) must stand out from the others.
    c[ImGuiCol_Tab] = ImVec4(0.15f, 0.17f, 0.21f, 1);
    c[ImGuiCol_TabHovered] = ImVec4(0.33f, 0.48f, 0.68f, 1);
    c[ImGuiCol_TabActive] = ImVec4(0.27f, 0.42f, 0.62f, 1);
  }
  style.ScaleAllSizes(scale);
  ImGui::GetStyle() = style;
}

}  // namespace tl::gui
