// json_positions.hpp: where each key and value of a JSON text sits (line:col), so
// scenario errors can point at the offending value (nlohmann 3.11 keeps no positions).
#pragma once
#include <cstddef>
#include <string>
#include <unordered_map>

namespace tl {

struct TextPos {
  int line = 0, col = 0;  // 1-based; 0 = unknown
};

// Line and column (in characters, not bytes) of a 0-based byte offset.
TextPos positionOfOffset(const std::string& text, size_t offset);

// Escapes one JSON-pointer token ("a/b" -> "a~1b").
std::string pointerToken(const std::string& key);

// Index of a valid JSON text: JSON pointer ("/regimes/1/appeal/cost") -> position.
class JsonPositions {
 public:
  JsonPositions() = default;
  explicit JsonPositions(const std::string& text);  // text must already parse as JSON
  TextPos value(const std::string& pointer) const;  // where the value starts
  TextPos key(const std::string& pointer) const;    // where the member's key starts (value if none)

 private:
  std::unordered_map<std::string, TextPos> values_, keys_;
};

}  // namespace tl
