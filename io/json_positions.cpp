// json_positions.cpp: a tiny recursive scanner over already-valid JSON that
// records the position of every value and key by its JSON pointer.
#include "io/json_positions.hpp"

namespace tl {
namespace {

// Walks the text once, tracking line and column as it goes.
class Scanner {
 public:
  Scanner(const std::string& t, std::unordered_map<std::string, TextPos>& values,
          std::unordered_map<std::string, TextPos>& keys)
      : t_(t), values_(values), keys_(keys) {}

  void run() {
    skipSpace();
    value("");
  }

 private:
  const std::string& t_;
  std::unordered_map<std::string, TextPos>& values_;
  std::unordered_map<std::string, TextPos>& keys_;
  size_t i_ = 0;
  TextPos pos_{1, 1};

  bool done() const { return i_ >= t_.size(); }
  char peek() const { return done() ? '\0' : t_[i_]; }
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
  std::string string() {  // at the opening quote; returns the decoded-enough key text
    std::string out;
    advance();
    while (!done() && peek() != '"') {
      if (peek() == '\\') {
        advance();
        char e = peek();
        advance();
        if (e == 'u') {  // keep \uXXXX escapes verbatim: keys in scenarios are ASCII
          out += "\\u";
          for (int k = 0; k < 4 && !done(); ++k) out += peek(), advance();
          continue;
        }
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
          default:
            out += e;
        }
        continue;
      }
      out += peek();
      advance();
    }
    if (!done()) advance();  // closing quote
    return out;
  }
  void value(const std::string& ptr) {
    values_[ptr] = pos_;
    char c = peek();
    if (c == '{') {
      advance();
      skipSpace();
      while (!done() && peek() != '}') {
        TextPos kp = pos_;
        std::string child = ptr + "/" + pointerToken(string());
        keys_[child] = kp;
        skipSpace();
        if (peek() == ':') advance();
        skipSpace();
        value(child);
        skipSpace();
        if (peek() == ',') advance();
        skipSpace();
      }
      if (!done()) advance();
    } else if (c == '[') {
      advance();
      skipSpace();
      for (size_t n = 0; !done() && peek() != ']'; ++n) {
        value(ptr + "/" + std::to_string(n));
        skipSpace();
        if (peek() == ',') advance();
        skipSpace();
      }
      if (!done()) advance();
    } else if (c == '"') {
      string();
    } else {  // number, true, false, null
      while (!done() && peek() != ',' && peek() != '}' && peek() != ']' && peek() != ' ' && peek() != '\n' &&
             peek() != '\r' && peek() != '\t')
        advance();
    }
  }
};

}  // namespace

TextPos positionOfOffset(const std::string& text, size_t offset) {
  TextPos p{1, 1};
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      ++p.line;
      p.col = 1;
    } else if ((c & 0xC0) != 0x80) {
      ++p.col;
    }
  }
  return p;
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

JsonPositions::JsonPositions(const std::string& text) { Scanner(text, values_, keys_).run(); }

TextPos JsonPositions::value(const std::string& pointer) const {
  auto it = values_.find(pointer);
  return it == values_.end() ? TextPos{} : it->second;
}

TextPos JsonPositions::key(const std::string& pointer) const {
  auto it = keys_.find(pointer);
  return it == keys_.end() ? value(pointer) : it->second;
}

}  // namespace tl
