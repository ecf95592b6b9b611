// imgui_sfml.hpp: our own Dear ImGui platform + renderer glue for SFML (events in, GL 1.x draw out).
#pragma once
#include <imgui.h>

#include <SFML/Graphics/RenderWindow.hpp>
#include <SFML/Graphics/Texture.hpp>
#include <cstdint>
#include <vector>

#include "gui/sfml_compat.hpp"

namespace tl::gui {

// Converts between an OpenGL texture name and ImTextureID on every imgui version
// (void* before 1.91.4, ImU64 after).
inline ImTextureID toTextureId(unsigned int gl_name) { return (ImTextureID)(intptr_t)gl_name; }
inline unsigned int fromTextureId(ImTextureID id) { return (unsigned int)(intptr_t)id; }
inline ImTextureID textureId(const sf::Texture& t) { return toTextureId(t.getNativeHandle()); }

class ImGuiSfml {
 public:
  // Creates the ImGui context bound to the window (io, key map, clipboard).
  explicit ImGuiSfml(sf::RenderWindow& window);
  ~ImGuiSfml();
  ImGuiSfml(const ImGuiSfml&) = delete;
  ImGuiSfml& operator=(const ImGuiSfml&) = delete;

  // Feeds one window event to ImGui.
  void processEvent(const sfc::Event& e);
  // Uploads the current font atlas (call after building or rebuilding fonts).
  void uploadFontAtlas();
  // Starts a frame: display size, time step, mouse state.
  void newFrame(float dt_seconds);
  // Renders ImGui's draw data with OpenGL 1.x client arrays and scissor clipping.
  void render();

 private:
  sf::RenderWindow& window_;
  sf::Texture font_texture_;
  bool mouse_pressed_[5] = {false, false, false, false, false};
  bool focused_ = true;
  bool key_pressed_[512] = {};      // imgui 1.86: pressed since the last frame began
  std::vector<int> release_later_;  // released in the same frame: let go next frame
  bool mods_now_[4] = {};           // ctrl, shift, alt, super as of the latest key event
  bool mods_latched_[4] = {};       // held by a key pressed since the last frame
};

}  // namespace tl::gui
