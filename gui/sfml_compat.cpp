// sfml_compat.cpp: SFML 2.5/2.6 and SFML 3 behind the interface of sfml_compat.hpp. The only file of
// the app that tests SFML_VERSION_MAJOR.
#include "gui/sfml_compat.hpp"

#include <SFML/Config.hpp>
#include <SFML/Window/Event.hpp>
#include <SFML/Window/Keyboard.hpp>
#include <SFML/Window/Mouse.hpp>
#include <optional>

#if SFML_VERSION_MAJOR >= 3
#define TL_SFML3 1
#else
#define TL_SFML3 0
#endif

namespace tl::gui::sfc {
namespace {

using SK = sf::Keyboard::Key;  // SFML 2: a plain enum, SFML 3: an enum class; both accept SK::Name

// Position of k in the run of keys starting at `first` (both SFML versions keep letters, digits,
// keypad digits and function keys contiguous and in order), or -1.
int offsetIn(SK k, SK first, SK last) {
  int i = static_cast<int>(k), a = static_cast<int>(first), b = static_cast<int>(last);
  return i >= a && i <= b ? i - a : -1;
}

Key toKey(SK k) {
  auto from = [](Key first, int offset) { return static_cast<Key>(static_cast<int>(first) + offset); };
  if (int o = offsetIn(k, SK::A, SK::Z); o >= 0) return from(Key::A, o);
  if (int o = offsetIn(k, SK::Num0, SK::Num9); o >= 0) return from(Key::Num0, o);
  if (int o = offsetIn(k, SK::Numpad0, SK::Numpad9); o >= 0) return from(Key::Numpad0, o);
  if (int o = offsetIn(k, SK::F1, SK::F12); o >= 0) return from(Key::F1, o);
  switch (k) {
    case SK::Escape:
      return Key::Escape;
    case SK::LControl:
      return Key::LControl;
    case SK::LShift:
      return Key::LShift;
    case SK::LAlt:
      return Key::LAlt;
    case SK::LSystem:
      return Key::LSystem;
    case SK::RControl:
      return Key::RControl;
    case SK::RShift:
      return Key::RShift;
    case SK::RAlt:
      return Key::RAlt;
    case SK::RSystem:
      return Key::RSystem;
    case SK::LBracket:
      return Key::LBracket;
    case SK::RBracket:
      return Key::RBracket;
    case SK::Semicolon:
      return Key::Semicolon;
    case SK::Comma:
      return Key::Comma;
    case SK::Period:
      return Key::Period;
#if TL_SFML3
    case SK::Apostrophe:
      return Key::Apostrophe;
#else
    case SK::Quote:
      return Key::Apostrophe;
#endif
    case SK::Slash:
      return Key::Slash;
    case SK::Backslash:
      return Key::Backslash;
    case SK::Equal:
      return Key::Equal;
    case SK::Hyphen:
      return Key::Hyphen;
    case SK::Space:
      return Key::Space;
    case SK::Enter:
      return Key::Enter;
    case SK::Backspace:
      return Key::Backspace;
    case SK::Tab:
      return Key::Tab;
    case SK::PageUp:
      return Key::PageUp;
    case SK::PageDown:
      return Key::PageDown;
    case SK::End:
      return Key::End;
    case SK::Home:
      return Key::Home;
    case SK::Insert:
      return Key::Insert;
    case SK::Delete:
      return Key::Delete;
    case SK::Add:
      return Key::Add;
    case SK::Subtract:
      return Key::Subtract;
    case SK::Multiply:
      return Key::Multiply;
    case SK::Divide:
      return Key::Divide;
    case SK::Left:
      return Key::Left;
    case SK::Right:
      return Key::Right;
    case SK::Up:
      return Key::Up;
    case SK::Down:
      return Key::Down;
    default:
      return Key::Unknown;
  }
}

MouseButton toButton(sf::Mouse::Button b) {
  switch (b) {
    case sf::Mouse::Button::Left:
      return MouseButton::Left;
    case sf::Mouse::Button::Right:
      return MouseButton::Right;
    case sf::Mouse::Button::Middle:
      return MouseButton::Middle;
#if TL_SFML3
    case sf::Mouse::Button::Extra1:
      return MouseButton::Extra1;
    case sf::Mouse::Button::Extra2:
      return MouseButton::Extra2;
#else
    case sf::Mouse::Button::XButton1:
      return MouseButton::Extra1;
    case sf::Mouse::Button::XButton2:
      return MouseButton::Extra2;
#endif
    default:
      return MouseButton::Other;
  }
}

template <class K>
KeyEvent toKeyEvent(const K& k) {
  KeyEvent out;
  out.code = toKey(k.code);
  out.alt = k.alt, out.control = k.control, out.shift = k.shift, out.system = k.system;
  return out;
}

}  // namespace

#if TL_SFML3

bool pollEvent(sf::Window& window, Event& out) {
  std::optional<sf::Event> e = window.pollEvent();
  if (!e) return false;
  out = Event{};
  if (e->is<sf::Event::Closed>()) {
    out.type = Event::Closed;
  } else if (const auto* r = e->getIf<sf::Event::Resized>()) {
    out.type = Event::Resized;
    out.width = r->size.x, out.height = r->size.y;
  } else if (e->is<sf::Event::FocusLost>()) {
    out.type = Event::LostFocus;
  } else if (e->is<sf::Event::FocusGained>()) {
    out.type = Event::GainedFocus;
  } else if (const auto* t = e->getIf<sf::Event::TextEntered>()) {
    out.type = Event::TextEntered;
    out.unicode = static_cast<std::uint32_t>(t->unicode);
  } else if (const auto* k = e->getIf<sf::Event::KeyPressed>()) {
    out.type = Event::KeyPressed;
    out.key = toKeyEvent(*k);
  } else if (const auto* k = e->getIf<sf::Event::KeyReleased>()) {
    out.type = Event::KeyReleased;
    out.key = toKeyEvent(*k);
  } else if (const auto* w = e->getIf<sf::Event::MouseWheelScrolled>()) {
    out.type = Event::MouseWheelScrolled;
    out.wheel_delta = w->delta;
    out.wheel_vertical = w->wheel == sf::Mouse::Wheel::Vertical;
    out.x = w->position.x, out.y = w->position.y;
  } else if (const auto* b = e->getIf<sf::Event::MouseButtonPressed>()) {
    out.type = Event::MouseButtonPressed;
    out.button = toButton(b->button);
    out.x = b->position.x, out.y = b->position.y;
  } else if (const auto* b = e->getIf<sf::Event::MouseButtonReleased>()) {
    out.type = Event::MouseButtonReleased;
    out.button = toButton(b->button);
    out.x = b->position.x, out.y = b->position.y;
  } else if (const auto* m = e->getIf<sf::Event::MouseMoved>()) {
    out.type = Event::MouseMoved;
    out.x = m->position.x, out.y = m->position.y;
  } else if (e->is<sf::Event::MouseLeft>()) {
    out.type = Event::MouseLeft;
  }
  return true;
}

sf::VideoMode videoMode(unsigned w, unsigned h) { return sf::VideoMode({w, h}); }

bool createTexture(sf::Texture& t, unsigned w, unsigned h) { return t.resize({w, h}); }

#else

bool pollEvent(sf::Window& window, Event& out) {
  sf::Event e;
  if (!window.pollEvent(e)) return false;
  out = Event{};
  switch (e.type) {
    case sf::Event::Closed:
      out.type = Event::Closed;
      break;
    case sf::Event::Resized:
      out.type = Event::Resized;
      out.width = e.size.width, out.height = e.size.height;
      break;
    case sf::Event::LostFocus:
      out.type = Event::LostFocus;
      break;
    case sf::Event::GainedFocus:
      out.type = Event::GainedFocus;
      break;
    case sf::Event::TextEntered:
      out.type = Event::TextEntered;
      out.unicode = e.text.unicode;
      break;
    case sf::Event::KeyPressed:
    case sf::Event::KeyReleased:
      out.type = e.type == sf::Event::KeyPressed ? Event::KeyPressed : Event::KeyReleased;
      out.key = toKeyEvent(e.key);
      break;
    case sf::Event::MouseWheelScrolled:
      out.type = Event::MouseWheelScrolled;
      out.wheel_delta = e.mouseWheelScroll.delta;
      out.wheel_vertical = e.mouseWheelScroll.wheel == sf::Mouse::VerticalWheel;
      out.x = e.mouseWheelScroll.x, out.y = e.mouseWheelScroll.y;
      break;
    case sf::Event::MouseButtonPressed:
    case sf::Event::MouseButtonReleased:
      out.type =
          e.type == sf::Event::MouseButtonPressed ? Event::MouseButtonPressed : Event::MouseButtonReleased;
      out.button = toButton(e.mouseButton.button);
      out.x = e.mouseButton.x, out.y = e.mouseButton.y;
      break;
    case sf::Event::MouseMoved:
      out.type = Event::MouseMoved;
      out.x = e.mouseMove.x, out.y = e.mouseMove.y;
      break;
    case sf::Event::MouseLeft:
      out.type = Event::MouseLeft;
      break;
    default:
      break;
  }
  return true;
}

sf::VideoMode videoMode(unsigned w, unsigned h) { return sf::VideoMode(w, h); }

bool createTexture(sf::Texture& t, unsigned w, unsigned h) { return t.create(w, h); }

#endif

bool isMouseButtonDown(MouseButton b) {
  switch (b) {
    case MouseButton::Left:
      return sf::Mouse::isButtonPressed(sf::Mouse::Button::Left);
    case MouseButton::Right:
      return sf::Mouse::isButtonPressed(sf::Mouse::Button::Right);
    case MouseButton::Middle:
      return sf::Mouse::isButtonPressed(sf::Mouse::Button::Middle);
#if TL_SFML3
    case MouseButton::Extra1:
      return sf::Mouse::isButtonPressed(sf::Mouse::Button::Extra1);
    case MouseButton::Extra2:
      return sf::Mouse::isButtonPressed(sf::Mouse::Button::Extra2);
#else
    case MouseButton::Extra1:
      return sf::Mouse::isButtonPressed(sf::Mouse::Button::XButton1);
    case MouseButton::Extra2:
      return sf::Mouse::isButtonPressed(sf::Mouse::Button::XButton2);
#endif
    default:
      return false;
  }
}

}  // namespace tl::gui::sfc
