// json_positions.hpp: where each key and value of a JSON text sits (line:col), so
// scenario errors can point at the offending value (nlohmann 3.11 keeps no positions).
#pragma once
#include <cstddef>
#include <string>

namespace tl {

struct TextPos {
  int line = 0, col = 0;  // 1-based; 0 = unknown
};

// Line and column (in characters, not bytes; a leading UTF-8 byte order mark takes
// none) of a 0-based byte offset.
TextPos positionOfOffset(const std::string& text, size_t offset);

// Escapes one JSON-pointer token ("a/b" -> "a~1b").
std::string pointerToken(const std::string& key);

// Finds positions in a JSON text by JSON pointer ("/regimes/1/appeal/cost"). Each
// lookup walks the text once (linear time, no recursion, no index kept): errors are
// few (at most kMaxReportedErrors), texts are bounded, so nothing grows with depth.
// The text must outlive this object.
class JsonPositions {
 public:
  JsonPositions() = default;
  explicit JsonPositions(const std::string& text) : text_(&text) {}
  TextPos value(const std::string& pointer) const;  // where the value starts
  TextPos key(const std::string& pointer) const;    // where the member's key starts (value if none)

 private:
  const std::string* text_ = nullptr;
  bool find(const std::string& pointer, TextPos& value, TextPos& key) const;
};

}  // namespace tl
