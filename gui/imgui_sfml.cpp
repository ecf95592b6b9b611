// imgui_sfml.cpp: our own Dear ImGui platform + renderer glue for SFML (events in, GL 1.x draw out).
// Written for this project; builds against imgui 1.86 (Debian 12), the 1.87+ input API (Debian 13's
// 1.90) and 1.92 (Debian unstable: texture references; the atlas is still uploaded whole, by us).
#include "gui/imgui_sfml.hpp"

#include <SFML/OpenGL.hpp>
#include <SFML/Window/Clipboard.hpp>
#include <algorithm>
#include <cfloat>
#include <cstddef>
#include <iterator>
#include <string>

#if TL_STOCK_RENDERER
#include <backends/imgui_impl_opengl2.h>
#endif

#ifndef GL_CLAMP_TO_EDGE
#define GL_CLAMP_TO_EDGE 0x812F
#endif

namespace tl::gui {
namespace {

std::string g_clipboard;  // keeps the text ImGui asked for alive until the next call

const char* getClipboard(void*) {
  sf::String s = sf::Clipboard::getString();
  auto u8 = s.toUtf8();
  g_clipboard.assign(u8.begin(), u8.end());
  return g_clipboard.c_str();
}
void setClipboard(void*, const char* text) {
  std::string t(text ? text : "");
  sf::Clipboard::setString(sf::String::fromUtf8(t.begin(), t.end()));
}

int mouseIndex(sfc::MouseButton b) { return b == sfc::MouseButton::Other ? -1 : static_cast<int>(b); }

// The font atlas' texture: 1.92 replaced ImFontAtlas::TexID by a texture reference.
ImTextureID atlasTextureId() {
#if IMGUI_VERSION_NUM >= 19200
  return ImGui::GetIO().Fonts->TexRef.GetTexID();
#else
  return ImGui::GetIO().Fonts->TexID;
#endif
}

#if IMGUI_VERSION_NUM >= 18700
// 1.87+: ImGui owns a full key enum and takes key events.
ImGuiKey toImGuiKey(sfc::Key k) {
  using K = sfc::Key;
  auto in = [k](K first, K last) { return k >= first && k <= last; };
  auto from = [k](ImGuiKey base, K first) {
    return static_cast<ImGuiKey>(base + (static_cast<int>(k) - static_cast<int>(first)));
  };
  if (in(K::A, K::Z)) return from(ImGuiKey_A, K::A);
  if (in(K::Num0, K::Num9)) return from(ImGuiKey_0, K::Num0);
  if (in(K::F1, K::F12)) return from(ImGuiKey_F1, K::F1);
  if (in(K::Numpad0, K::Numpad9)) return from(ImGuiKey_Keypad0, K::Numpad0);
  switch (k) {
    case K::Tab:
      return ImGuiKey_Tab;
    case K::Left:
      return ImGuiKey_LeftArrow;
    case K::Right:
      return ImGuiKey_RightArrow;
    case K::Up:
      return ImGuiKey_UpArrow;
    case K::Down:
      return ImGuiKey_DownArrow;
    case K::PageUp:
      return ImGuiKey_PageUp;
    case K::PageDown:
      return ImGuiKey_PageDown;
    case K::Home:
      return ImGuiKey_Home;
    case K::End:
      return ImGuiKey_End;
    case K::Insert:
      return ImGuiKey_Insert;
    case K::Delete:
      return ImGuiKey_Delete;
    case K::Backspace:
      return ImGuiKey_Backspace;
    case K::Space:
      return ImGuiKey_Space;
    case K::Enter:
      return ImGuiKey_Enter;
    case K::Escape:
      return ImGuiKey_Escape;
    case K::LControl:
      return ImGuiKey_LeftCtrl;
    case K::RControl:
      return ImGuiKey_RightCtrl;
    case K::LShift:
      return ImGuiKey_LeftShift;
    case K::RShift:
      return ImGuiKey_RightShift;
    case K::LAlt:
      return ImGuiKey_LeftAlt;
    case K::RAlt:
      return ImGuiKey_RightAlt;
    case K::LSystem:
      return ImGuiKey_LeftSuper;
    case K::RSystem:
      return ImGuiKey_RightSuper;
    case K::Comma:
      return ImGuiKey_Comma;
    case K::Period:
      return ImGuiKey_Period;
    case K::Hyphen:
      return ImGuiKey_Minus;
    case K::Equal:
      return ImGuiKey_Equal;
    case K::Slash:
      return ImGuiKey_Slash;
    case K::Semicolon:
      return ImGuiKey_Semicolon;
    case K::Apostrophe:
      return ImGuiKey_Apostrophe;
    case K::LBracket:
      return ImGuiKey_LeftBracket;
    case K::RBracket:
      return ImGuiKey_RightBracket;
    case K::Backslash:
      return ImGuiKey_Backslash;
    case K::Add:
      return ImGuiKey_KeypadAdd;
    case K::Subtract:
      return ImGuiKey_KeypadSubtract;
    case K::Multiply:
      return ImGuiKey_KeypadMultiply;
    case K::Divide:
      return ImGuiKey_KeypadDivide;
    default:
      return ImGuiKey_None;
  }
}

void sendModifiers(ImGuiIO& io, const sfc::KeyEvent& k) {
#if IMGUI_VERSION_NUM >= 18900
  io.AddKeyEvent(ImGuiMod_Ctrl, k.control);
  io.AddKeyEvent(ImGuiMod_Shift, k.shift);
  io.AddKeyEvent(ImGuiMod_Alt, k.alt);
  io.AddKeyEvent(ImGuiMod_Super, k.system);
#else
  io.AddKeyEvent(ImGuiKey_ModCtrl, k.control);
  io.AddKeyEvent(ImGuiKey_ModShift, k.shift);
  io.AddKeyEvent(ImGuiKey_ModAlt, k.alt);
  io.AddKeyEvent(ImGuiKey_ModSuper, k.system);
#endif
}
#endif

}  // namespace

ImGuiSfml::ImGuiSfml(sf::RenderWindow& window) : window_(window) {
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.BackendPlatformName = "trustlab_sfml";
#if TL_STOCK_RENDERER
  ImGui_ImplOpenGL2_Init();  // 1.92: also takes over the font textures (RendererHasTextures)
#else
  io.BackendRendererName = "trustlab_gl1";
  io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;
#endif
  io.IniFilename = nullptr;  // layout is computed from the window size; nothing to persist
#if IMGUI_VERSION_NUM < 18700
  // 1.86: ImGui reads io.KeysDown[] through KeyMap; our native index is sfc::Key.
  io.KeyMap[ImGuiKey_Tab] = static_cast<int>(sfc::Key::Tab);
  io.KeyMap[ImGuiKey_LeftArrow] = static_cast<int>(sfc::Key::Left);
  io.KeyMap[ImGuiKey_RightArrow] = static_cast<int>(sfc::Key::Right);
  io.KeyMap[ImGuiKey_UpArrow] = static_cast<int>(sfc::Key::Up);
  io.KeyMap[ImGuiKey_DownArrow] = static_cast<int>(sfc::Key::Down);
  io.KeyMap[ImGuiKey_PageUp] = static_cast<int>(sfc::Key::PageUp);
  io.KeyMap[ImGuiKey_PageDown] = static_cast<int>(sfc::Key::PageDown);
  io.KeyMap[ImGuiKey_Home] = static_cast<int>(sfc::Key::Home);
  io.KeyMap[ImGuiKey_End] = static_cast<int>(sfc::Key::End);
  io.KeyMap[ImGuiKey_Insert] = static_cast<int>(sfc::Key::Insert);
  io.KeyMap[ImGuiKey_Delete] = static_cast<int>(sfc::Key::Delete);
  io.KeyMap[ImGuiKey_Backspace] = static_cast<int>(sfc::Key::Backspace);
  io.KeyMap[ImGuiKey_Space] = static_cast<int>(sfc::Key::Space);
  io.KeyMap[ImGuiKey_Enter] = static_cast<int>(sfc::Key::Enter);
  io.KeyMap[ImGuiKey_Escape] = static_cast<int>(sfc::Key::Escape);
  io.KeyMap[ImGuiKey_KeyPadEnter] = static_cast<int>(sfc::Key::Enter);
  io.KeyMap[ImGuiKey_A] = static_cast<int>(sfc::Key::A);
  io.KeyMap[ImGuiKey_C] = static_cast<int>(sfc::Key::C);
  io.KeyMap[ImGuiKey_V] = static_cast<int>(sfc::Key::V);
  io.KeyMap[ImGuiKey_X] = static_cast<int>(sfc::Key::X);
  io.KeyMap[ImGuiKey_Y] = static_cast<int>(sfc::Key::Y);
  io.KeyMap[ImGuiKey_Z] = static_cast<int>(sfc::Key::Z);
#endif
  io.SetClipboardTextFn = setClipboard;
  io.GetClipboardTextFn = getClipboard;
  io.ClipboardUserData = nullptr;
}

ImGuiSfml::~ImGuiSfml() {
#if TL_STOCK_RENDERER
  ImGui_ImplOpenGL2_Shutdown();
#endif
  ImGui::DestroyContext();
}

void ImGuiSfml::processEvent(const sfc::Event& e) {
  using E = sfc::Event;
  ImGuiIO& io = ImGui::GetIO();
  switch (e.type) {
    case E::MouseMoved:
#if IMGUI_VERSION_NUM >= 18700
      io.AddMousePosEvent(static_cast<float>(e.x), static_cast<float>(e.y));
#else
      io.MousePos = ImVec2(static_cast<float>(e.x), static_cast<float>(e.y));
#endif
      break;
    case E::MouseButtonPressed:
    case E::MouseButtonReleased: {
      int b = mouseIndex(e.button);
      if (b < 0) break;
      bool down = e.type == E::MouseButtonPressed;
#if IMGUI_VERSION_NUM >= 18700
      io.AddMousePosEvent(static_cast<float>(e.x), static_cast<float>(e.y));
      io.AddMouseButtonEvent(b, down);
#else
      io.MousePos = ImVec2(static_cast<float>(e.x), static_cast<float>(e.y));
      if (down) mouse_pressed_[b] = true;  // latched so a click inside one frame is not lost
#endif
      break;
    }
    case E::MouseWheelScrolled: {
      float v = e.wheel_delta;
      bool vertical = e.wheel_vertical;
#if IMGUI_VERSION_NUM >= 18700
      io.AddMouseWheelEvent(vertical ? 0.f : v, vertical ? v : 0.f);
#else
      if (vertical)
        io.MouseWheel += v;
      else
        io.MouseWheelH += v;
#endif
      break;
    }
    case E::TextEntered:
      if (e.unicode >= 32 && e.unicode != 127) io.AddInputCharacter(e.unicode);
      break;
    case E::KeyPressed:
    case E::KeyReleased: {
      bool down = e.type == E::KeyPressed;
#if IMGUI_VERSION_NUM >= 18700
      sendModifiers(io, e.key);
      ImGuiKey k = toImGuiKey(e.key.code);
      if (k != ImGuiKey_None) io.AddKeyEvent(k, down);
#else
      int code = static_cast<int>(e.key.code);
      if (code >= 0 && code < 512) {
        // A key pressed and released between two frames stays down for one frame,
        // or ImGui (which samples KeysDown) would never see it.
        if (down) {
          io.KeysDown[code] = true;
          key_pressed_[code] = true;
        } else if (key_pressed_[code]) {
          release_later_.push_back(code);
        } else {
          io.KeysDown[code] = false;
        }
      }
      // Modifiers as of the latest event, plus any held by a key pressed since the last
      // frame (Ctrl+A pressed and released between two frames still reads as Ctrl+A).
      mods_now_[0] = e.key.control, mods_now_[1] = e.key.shift, mods_now_[2] = e.key.alt,
      mods_now_[3] = e.key.system;
      if (down) {
        mods_latched_[0] |= e.key.control, mods_latched_[1] |= e.key.shift;
        mods_latched_[2] |= e.key.alt, mods_latched_[3] |= e.key.system;
      }
#endif
      break;
    }
    case E::LostFocus:
      focused_ = false;
#if IMGUI_VERSION_NUM >= 18700
      io.AddFocusEvent(false);
#endif
      break;
    case E::GainedFocus:
      focused_ = true;
#if IMGUI_VERSION_NUM >= 18700
      io.AddFocusEvent(true);
#endif
      break;
    case E::MouseLeft:
#if IMGUI_VERSION_NUM >= 18700
      io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);
#else
      io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
#endif
      break;
    default:
      break;
  }
}

void ImGuiSfml::uploadFontAtlas() {
#if TL_STOCK_RENDERER
#if IMGUI_VERSION_NUM < 19200  // 1.92's backend uploads the atlas itself, when it changes
  ImGui_ImplOpenGL2_DestroyFontsTexture();
  ImGui_ImplOpenGL2_CreateFontsTexture();
#endif
  return;
#endif
  ImGuiIO& io = ImGui::GetIO();
  unsigned char* pixels = nullptr;
  int w = 0, h = 0;
  io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
  sfc::createTexture(font_texture_, static_cast<unsigned>(w), static_cast<unsigned>(h));
  font_texture_.update(pixels);
  font_texture_.setSmooth(false);  // glyphs are rasterised at the shown size: no filtering needed
  io.Fonts->SetTexID(textureId(font_texture_));
#if IMGUI_VERSION_NUM < 19200
  io.Fonts->ClearTexData();  // the GPU copy is enough (1.92 keeps it to grow the atlas)
#endif
}

void ImGuiSfml::newFrame(float dt) {
  ImGuiIO& io = ImGui::GetIO();
  auto size = window_.getSize();
  io.DisplaySize = ImVec2(static_cast<float>(size.x), static_cast<float>(size.y));
  io.DisplayFramebufferScale = ImVec2(1, 1);
  io.DeltaTime = dt > 0 ? dt : 1.0f / 60.0f;
#if IMGUI_VERSION_NUM < 18700
  for (int i = 0; i < 5; ++i) {
    bool held = focused_ && sfc::isMouseButtonDown(static_cast<sfc::MouseButton>(i));
    io.MouseDown[i] = mouse_pressed_[i] || held;
    mouse_pressed_[i] = false;
  }
#endif
#if IMGUI_VERSION_NUM < 18700
  io.KeyCtrl = mods_now_[0] || mods_latched_[0];
  io.KeyShift = mods_now_[1] || mods_latched_[1];
  io.KeyAlt = mods_now_[2] || mods_latched_[2];
  io.KeySuper = mods_now_[3] || mods_latched_[3];
#endif
#if TL_STOCK_RENDERER
  ImGui_ImplOpenGL2_NewFrame();
#endif
  ImGui::NewFrame();
#if IMGUI_VERSION_NUM < 18700
  for (bool& m : mods_latched_) m = false;
  for (int k : release_later_) io.KeysDown[k] = false;
  release_later_.clear();
  std::fill(std::begin(key_pressed_), std::end(key_pressed_), false);
#endif
}

void ImGuiSfml::render() {
  ImGui::Render();
  ImDrawData* dd = ImGui::GetDrawData();
  if (!dd) return;
  int fb_w = static_cast<int>(dd->DisplaySize.x * dd->FramebufferScale.x);
  int fb_h = static_cast<int>(dd->DisplaySize.y * dd->FramebufferScale.y);
  if (fb_w <= 0 || fb_h <= 0) return;
  (void)window_.setActive(true);
#if TL_STOCK_RENDERER
  glMatrixMode(GL_TEXTURE);  // SFML may leave a pixel-coordinate texture matrix behind
  glPushMatrix();
  glLoadIdentity();
  ImGui_ImplOpenGL2_RenderDrawData(dd);
  glMatrixMode(GL_TEXTURE);
  glPopMatrix();
  return;
#endif

  glPushAttrib(GL_ENABLE_BIT | GL_COLOR_BUFFER_BIT | GL_TRANSFORM_BIT | GL_TEXTURE_BIT | GL_SCISSOR_BIT |
               GL_VIEWPORT_BIT | GL_POLYGON_BIT);
  glPushClientAttrib(GL_CLIENT_ALL_ATTRIB_BITS);
  glEnable(GL_BLEND);
  glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);
  glDisable(GL_CULL_FACE);
  glDisable(GL_DEPTH_TEST);
  glDisable(GL_LIGHTING);
  glDisable(GL_ALPHA_TEST);
  glEnable(GL_SCISSOR_TEST);
  glEnable(GL_TEXTURE_2D);
  glPolygonMode(GL_FRONT_AND_BACK, GL_FILL);
  glTexEnvi(GL_TEXTURE_ENV, GL_TEXTURE_ENV_MODE, GL_MODULATE);
  glEnableClientState(GL_VERTEX_ARRAY);
  glEnableClientState(GL_TEXTURE_COORD_ARRAY);
  glEnableClientState(GL_COLOR_ARRAY);
  glDisableClientState(GL_NORMAL_ARRAY);
  glViewport(0, 0, fb_w, fb_h);

  glMatrixMode(GL_TEXTURE);  // SFML may leave a pixel-coordinate texture matrix behind
  glPushMatrix();
  glLoadIdentity();
  glMatrixMode(GL_PROJECTION);
  glPushMatrix();
  glLoadIdentity();
  const ImVec2 off = dd->DisplayPos;
  glOrtho(off.x, off.x + dd->DisplaySize.x, off.y + dd->DisplaySize.y, off.y, -1.0, 1.0);
  glMatrixMode(GL_MODELVIEW);
  glPushMatrix();
  glLoadIdentity();

  const ImVec2 scale = dd->FramebufferScale;
  const ImVec2 white = ImGui::GetIO().Fonts->TexUvWhitePixel;
  const ImTextureID io_tex = atlasTextureId();
  bool texturing = true, blending = true;
  GLuint bound_tex = ~0u;
  for (int n = 0; n < dd->CmdListsCount; ++n) {
    const ImDrawList* list = dd->CmdLists[n];
    const char* vtx = reinterpret_cast<const char*>(list->VtxBuffer.Data);
    const ImDrawIdx* idx = list->IdxBuffer.Data;
    unsigned int bound_offset = ~0u;
    for (int c = 0; c < list->CmdBuffer.Size; ++c) {
      const ImDrawCmd& cmd = list->CmdBuffer[c];
      if (cmd.UserCallback) {
        cmd.UserCallback(list, &cmd);
        continue;
      }
      float x1 = (cmd.ClipRect.x - off.x) * scale.x, y1 = (cmd.ClipRect.y - off.y) * scale.y;
      float x2 = (cmd.ClipRect.z - off.x) * scale.x, y2 = (cmd.ClipRect.w - off.y) * scale.y;
      if (x2 <= x1 || y2 <= y1) continue;
      glScissor(static_cast<int>(x1), static_cast<int>(fb_h - y2), static_cast<int>(x2 - x1),
                static_cast<int>(y2 - y1));
      GLuint tex = fromTextureId(cmd.GetTexID());
      if (tex != bound_tex) {
        glBindTexture(GL_TEXTURE_2D, tex);
        bound_tex = tex;
      }
      if (cmd.VtxOffset != bound_offset) {
        // Pointers change only with the vertex offset: re-pointing per draw is costly on software GL.
        const char* base = vtx + static_cast<size_t>(cmd.VtxOffset) * sizeof(ImDrawVert);
        glVertexPointer(2, GL_FLOAT, sizeof(ImDrawVert), base + offsetof(ImDrawVert, pos));
        glTexCoordPointer(2, GL_FLOAT, sizeof(ImDrawVert), base + offsetof(ImDrawVert, uv));
        glColorPointer(4, GL_UNSIGNED_BYTE, sizeof(ImDrawVert), base + offsetof(ImDrawVert, col));
        bound_offset = cmd.VtxOffset;
      }
      // Software GL (Mesa's llvmpipe under Xvfb) fills untextured triangles about twice as
      // fast as textured ones, and unblended ones faster still. Most of ImGui's pixels are
      // solid fills that sample the atlas' white texel, many of them opaque: draw runs of
      // triangles of the same kind (textured / solid / solid and opaque) with only what they need.
      const ImDrawIdx* ip = idx + cmd.IdxOffset;
      const ImDrawVert* vb = list->VtxBuffer.Data + cmd.VtxOffset;
      const bool atlas = cmd.GetTexID() == io_tex;
      auto kind = [&](unsigned t) {
        if (!atlas) return 0;
        bool opaque = true;
        for (unsigned k = 0; k < 3; ++k) {
          const ImDrawVert& v = vb[ip[t + k]];
          if (v.uv.x != white.x || v.uv.y != white.y) return 0;
          opaque = opaque && (v.col >> IM_COL32_A_SHIFT) == 0xFF;
        }
        return opaque ? 2 : 1;
      };
      unsigned start = 0;
      int run = cmd.ElemCount >= 3 ? kind(0) : 0;
      auto flush = [&](unsigned end) {
        if (end <= start) return;
        bool want_tex = run == 0, want_blend = run != 2;
        if (want_tex != texturing) {
          if (want_tex)
            glEnable(GL_TEXTURE_2D);
          else
            glDisable(GL_TEXTURE_2D);
          texturing = want_tex;
        }
        if (want_blend != blending) {
          if (want_blend)
            glEnable(GL_BLEND);
          else
            glDisable(GL_BLEND);
          blending = want_blend;
        }
        glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(end - start),
                       sizeof(ImDrawIdx) == 2 ? GL_UNSIGNED_SHORT : GL_UNSIGNED_INT, ip + start);
      };
      for (unsigned t = 3; t + 2 < cmd.ElemCount; t += 3) {
        int k = kind(t);
        if (k == run) continue;
        flush(t);
        start = t;
        run = k;
      }
      flush(cmd.ElemCount);
    }
  }

  glMatrixMode(GL_MODELVIEW);
  glPopMatrix();
  glMatrixMode(GL_PROJECTION);
  glPopMatrix();
  glMatrixMode(GL_TEXTURE);
  glPopMatrix();
  glPopClientAttrib();
  glPopAttrib();
}

}  // namespace tl::gui
