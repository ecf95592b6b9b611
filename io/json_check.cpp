// json_check.cpp: one forward pass over the text with a stack of open objects and
// lists (bounded by kMaxJsonDepth), each object remembering its keys.
#include "io/json_check.hpp"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <unordered_map>

#include "io/input_file.hpp"
#include "io/json_cursor.hpp"

namespace tl {
namespace {

struct Frame {
  bool object = false;
  bool expect_key = false;  // in an object, after '{' or ','
  std::string key;          // the current member (object)
  size_t index = 0;         // the current element (list)
  std::unordered_map<std::string, TextPos> keys;
};

std::string pointerOf(const std::vector<Frame>& stack) {
  std::string p;
  for (const Frame& f : stack) p += "/" + (f.object ? pointerToken(f.key) : std::to_string(f.index));
  return p.empty() ? "/" : p;
}

// "" when a double holds the number as written, else why not.
std::string numberProblem(const std::string& text) {
  errno = 0;
  double v = std::strtod(text.c_str(), nullptr);
  if (!std::isfinite(v))
    return "number out of range: " + std::string(text.size() > 40 ? "it" : "'" + text + "'") +
           " is beyond what a double holds (about 1.8e308)";
  if (errno == ERANGE && v == 0)
    return "number too small: '" + text.substr(0, 40) + "' would be read as 0; write 0 if you mean it";
  return "";
}

}  // namespace

JsonCheck checkJsonText(const std::string& text, const std::string& file) {
  JsonCheck out;
  auto report = [&](TextPos p, const std::string& ptr, const std::string& msg) {
    if (out.errors.size() < static_cast<size_t>(kMaxReportedErrors))
      out.errors.push_back({file, p.line, p.col, ptr, msg});
  };
  std::vector<Frame> stack;
  JsonCursor c(text);
  for (;;) {
    c.skipSpace();
    if (c.done()) break;
    const char ch = c.peek();
    const TextPos p = c.pos();
    if (ch == '{' || ch == '[') {
      if (stack.size() >= static_cast<size_t>(kMaxJsonDepth)) {
        report(p, pointerOf(stack),
               "nested deeper than " + std::to_string(kMaxJsonDepth) +
                   " levels: not a scenario (scenarios nest 5 levels)");
        out.too_deep = true;
        return out;
      }
      c.advance();
      stack.emplace_back();
      stack.back().object = ch == '{';
      stack.back().expect_key = ch == '{';
    } else if (ch == '}' || ch == ']') {
      if (stack.empty()) break;
      c.advance();
      stack.pop_back();
    } else if (ch == ',') {
      c.advance();
      if (!stack.empty()) {
        if (stack.back().object)
          stack.back().expect_key = true;
        else
          ++stack.back().index;
      }
    } else if (ch == ':') {
      c.advance();
    } else if (ch == '"') {
      std::string s = c.string();
      if (!stack.empty() && stack.back().object && stack.back().expect_key) {
        Frame& f = stack.back();
        f.expect_key = false;
        f.key = s;
        auto first = f.keys.emplace(std::move(s), p);
        if (!first.second)
          report(p, pointerOf(stack),
                 "duplicate key '" + f.key + "': it is already at line " +
                     std::to_string(first.first->second.line) + ", column " +
                     std::to_string(first.first->second.col) + " (a key may appear once in an object)");
      }
    } else if (JsonCursor::isScalarChar(ch)) {
      std::string s = c.scalar();
      if (s[0] == '-' || (s[0] >= '0' && s[0] <= '9')) {
        std::string problem = numberProblem(s);
        if (!problem.empty()) report(p, pointerOf(stack), problem);
      }
    } else {
      break;  // not JSON: the parser reports it
    }
  }
  return out;
}

}  // namespace tl
