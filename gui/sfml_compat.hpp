// sfml_compat.hpp: the few SFML calls whose API differs between SFML 2.5/2.6 and SFML 3, behind one
// interface, so the app code reads the same on both. SFML 3 made sf::Event a variant (pollEvent
// returns std::optional), scoped and renamed the keys and mouse buttons, made VideoMode take a
// vector and replaced Texture::create; everything else the app uses is the same in both.
#pragma once
#include <SFML/Graphics/RenderWindow.hpp>
#include <SFML/Graphics/Texture.hpp>
#include <SFML/Window/VideoMode.hpp>
#include <cstdint>

namespace tl::gui::sfc {

// The keys the app and the ImGui glue use (SFML 2.5's names where they exist).
enum class Key : int {
  Unknown = -1,
  A = 0,
  B,
  C,
  D,
  E,
  F,
  G,
  H,
  I,
  J,
  K,
  L,
  M,
  N,
  O,
  P,
  Q,
  R,
  S,
  T,
  U,
  V,
  W,
  X,
  Y,
  Z,
  Num0,
  Num1,
  Num2,
  Num3,
  Num4,
  Num5,
  Num6,
  Num7,
  Num8,
  Num9,
  Numpad0,
  Numpad1,
  Numpad2,
  Numpad3,
  Numpad4,
  Numpad5,
  Numpad6,
  Numpad7,
  Numpad8,
  Numpad9,
  F1,
  F2,
  F3,
  F4,
  F5,
  F6,
  F7,
  F8,
  F9,
  F10,
  F11,
  F12,
  Escape,
  LControl,
  LShift,
  LAlt,
  LSystem,
  RControl,
  RShift,
  RAlt,
  RSystem,
  LBracket,
  RBracket,
  Semicolon,
  Comma,
  Period,
  Apostrophe,
  Slash,
  Backslash,
  Equal,
  Hyphen,
  Space,
  Enter,
  Backspace,
  Tab,
  PageUp,
  PageDown,
  End,
  Home,
  Insert,
  Delete,
  Add,
  Subtract,
  Multiply,
  Divide,
  Left,
  Right,
  Up,
  Down,
  Count  // number of keys above; fits the glue's key tables
};

enum class MouseButton : int { Left = 0, Right, Middle, Extra1, Extra2, Other };

struct KeyEvent {
  Key code = Key::Unknown;
  bool alt = false, control = false, shift = false, system = false;
};

// One window event, as a plain struct: `type` says which members hold data.
struct Event {
  enum Type {
    None,  // an event the app does not use (joystick, touch, mouse entered, ...)
    Closed,
    Resized,
    LostFocus,
    GainedFocus,
    TextEntered,
    KeyPressed,
    KeyReleased,
    MouseWheelScrolled,
    MouseButtonPressed,
    MouseButtonReleased,
    MouseMoved,
    MouseLeft,
  };
  Type type = None;
  KeyEvent key;                            // KeyPressed, KeyReleased
  std::uint32_t unicode = 0;               // TextEntered: the character entered
  int x = 0, y = 0;                        // mouse events: position in the window
  MouseButton button = MouseButton::Left;  // MouseButtonPressed, MouseButtonReleased
  float wheel_delta = 0;                   // MouseWheelScrolled
  bool wheel_vertical = true;              // MouseWheelScrolled: vertical (or horizontal) wheel
  unsigned width = 0, height = 0;          // Resized: the new size
};

// Takes the next pending event of the window into `out`; false when there is none.
bool pollEvent(sf::Window& window, Event& out);
// A windowed video mode of w x h pixels.
sf::VideoMode videoMode(unsigned w, unsigned h);
// (Re)creates `t` as an empty w x h texture; false when the driver refuses.
bool createTexture(sf::Texture& t, unsigned w, unsigned h);
// Whether the mouse button is held down right now (real-time state, not an event).
bool isMouseButtonDown(MouseButton b);

}  // namespace tl::gui::sfc
