// json_positions.cpp: position lookups by JSON pointer, walking the text with
// JsonCursor (iterative: any nesting depth is safe).
#include "io/json_positions.hpp"

#include <vector>

#include "io/json_cursor.hpp"

namespace tl {
namespace {

// Splits "/a/b~1c" into {"a", "b/c"} ("" is the root: no tokens).
std::vector<std::string> pointerTokens(const std::string& pointer) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < pointer.size() && pointer[i] == '/') {
    size_t next = pointer.find('/', i + 1);
    std::string raw = pointer.substr(i + 1, next == std::string::npos ? std::string::npos : next - i - 1);
    std::string tok;
    for (size_t k = 0; k < raw.size(); ++k) {
      if (raw[k] == '~' && k + 1 < raw.size() && (raw[k + 1] == '0' || raw[k + 1] == '1')) {
        tok += raw[k + 1] == '0' ? '~' : '/';
        ++k;
      } else {
        tok += raw[k];
      }
    }
    out.push_back(tok);
    if (next == std::string::npos) break;
    i = next;
  }
  return out;
}

// Skips one value (any depth) without recursion.
void skipValue(JsonCursor& c) {
  long depth = 0;
  do {
    c.skipSpace();
    char ch = c.peek();
    if (ch == '{' || ch == '[') {
      ++depth;
      c.advance();
    } else if (ch == '}' || ch == ']') {
      --depth;
      c.advance();
    } else if (ch == '"') {
      c.string();
    } else if (ch == ',' || ch == ':') {
      c.advance();
    } else if (JsonCursor::isScalarChar(ch)) {
      c.scalar();
    } else {
      return;  // end of text or not JSON
    }
  } while (depth > 0 && !c.done());
}

}  // namespace

TextPos positionOfOffset(const std::string& text, size_t offset) {
  JsonCursor c(text);
  while (!c.done() && c.offset() < offset) c.advance();
  return c.pos();
}

std::string pointerToken(const std::string& key) {
  std::string out;
  for (char c : key) {
    if (c == '~')
      out += "~0";
    else if (c == '/')
      out += "~1";
    else
      out += c;
  }
  return out;
}

bool JsonPositions::find(const std::string& pointer, TextPos& value, TextPos& key) const {
  if (!text_) return false;
  JsonCursor c(*text_);
  c.skipSpace();
  key = TextPos{};
  for (const std::string& tok : pointerTokens(pointer)) {
    key = TextPos{};
    if (c.peek() == '{') {
      c.advance();
      for (;;) {
        c.skipSpace();
        if (c.peek() != '"') return false;
        TextPos kp = c.pos();
        std::string k = c.string();
        c.skipSpace();
        if (c.peek() != ':') return false;
        c.advance();
        c.skipSpace();
        if (k == tok) {
          key = kp;
          break;
        }
        skipValue(c);
        c.skipSpace();
        if (c.peek() != ',') return false;
        c.advance();
      }
    } else if (c.peek() == '[') {
      if (tok.empty() || tok.size() > 18 || tok.find_first_not_of("0123456789") != std::string::npos)
        return false;
      unsigned long long n = std::stoull(tok);
      c.advance();
      for (unsigned long long i = 0;; ++i) {
        c.skipSpace();
        if (c.peek() == ']' || c.done()) return false;
        if (i == n) break;
        skipValue(c);
        c.skipSpace();
        if (c.peek() != ',') return false;
        c.advance();
      }
    } else {
      return false;
    }
  }
  value = c.pos();
  return true;
}

TextPos JsonPositions::value(const std::string& pointer) const {
  TextPos v, k;
  return find(pointer, v, k) ? v : TextPos{};
}

TextPos JsonPositions::key(const std::string& pointer) const {
  TextPos v, k;
  if (!find(pointer, v, k)) return TextPos{};
  return k.line > 0 ? k : v;
}

}  // namespace tl
