// json_cursor.hpp (internal to io/): a forward reader over JSON text that knows its
// line and column, shared by the position lookup and the pre-parse checks. It never
// recurses, so no input can exhaust the stack, and it stops (done) on text that is
// not JSON: nlohmann's parser reports those errors.
#pragma once
#include <cstddef>
#include <string>

#include "io/json_positions.hpp"

namespace tl {

class JsonCursor {
 public:
  explicit JsonCursor(const std::string& text) : t_(text) {
    // A UTF-8 byte order mark is not part of the text (nlohmann skips it too) and
    // takes no column: editors do not show it.
    if (t_.compare(0, 3, "\xEF\xBB\xBF") == 0) i_ = 3;
  }

  bool done() const { return i_ >= t_.size(); }
  char peek() const { return done() ? '\0' : t_[i_]; }
  size_t offset() const { return i_; }
  TextPos pos() const { return pos_; }

  void advance() {
    unsigned char c = static_cast<unsigned char>(t_[i_++]);
    if (c == '\n') {
      ++pos_.line;
      pos_.col = 1;
    } else if ((c & 0xC0) != 0x80) {  // UTF-8 continuation bytes do not start a column
      ++pos_.col;
    }
  }
  void skipSpace() {
    while (!done() && (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r')) advance();
  }

  // At the opening quote: reads the string and returns it decoded as nlohmann decodes
  // it (escapes, \u including surrogate pairs, to UTF-8), so keys compare equal.
  std::string string() {
    std::string out;
    advance();
    while (!done() && peek() != '"') {
      if (peek() != '\\') {
        out += peek();
        advance();
        continue;
      }
      advance();
      char e = peek();
      if (!done()) advance();
      switch (e) {
        case 'n':
          out += '\n';
          break;
        case 't':
          out += '\t';
          break;
        case 'r':
          out += '\r';
          break;
        case 'b':
          out += '\b';
          break;
        case 'f':
          out += '\f';
          break;
        case 'u':
          appendCodePoint(out, unicodeEscape());
          break;
        default:
          out += e;
      }
    }
    if (!done()) advance();  // closing quote
    return out;
  }

  // A number, true, false or null: returns its text.
  std::string scalar() {
    size_t start = i_;
    while (!done() && isScalarChar(peek())) advance();
    return t_.substr(start, i_ - start);
  }
  static bool isScalarChar(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || c == '-' || c == '+' || c == '.' || c == 'E';
  }

 private:
  const std::string& t_;
  size_t i_ = 0;
  TextPos pos_{1, 1};

  unsigned hex4() {
    unsigned v = 0;
    for (int k = 0; k < 4 && !done(); ++k) {
      char c = peek();
      v = v * 16 + static_cast<unsigned>(c >= '0' && c <= '9'   ? c - '0'
                                         : c >= 'a' && c <= 'f' ? c - 'a' + 10
                                         : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                                                : 0);
      advance();
    }
    return v;
  }
  unsigned unicodeEscape() {  // after "\u"
    unsigned cp = hex4();
    if (cp >= 0xD800 && cp <= 0xDBFF && i_ + 1 < t_.size() && t_[i_] == '\\' && t_[i_ + 1] == 'u') {
      advance();
      advance();
      unsigned low = hex4();
      if (low >= 0xDC00 && low <= 0xDFFF) return 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
    }
    return cp;
  }
  static void appendCodePoint(std::string& out, unsigned cp) {
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      out += static_cast<char>(0xC0 | (cp >> 6));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (cp >> 18));
      out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }
};

}  // namespace tl
