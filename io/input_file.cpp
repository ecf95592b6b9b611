// input_file.cpp: bounded reads of input files (type and size checked before
// reading, never more than the limit + 1 bytes read) and printable names.
#include "io/input_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>

namespace tl {
namespace {

std::string typeOf(mode_t m) {
  if (S_ISDIR(m)) return "it is a folder, not a file";
  if (S_ISFIFO(m)) return "it is a FIFO (a pipe), not a regular file";
  if (S_ISCHR(m) || S_ISBLK(m)) return "it is a device, not a regular file";
  if (S_ISSOCK(m)) return "it is a socket, not a regular file";
  return "it is not a regular file";
}

std::string tooLarge() {
  return "it is larger than " + std::to_string(kMaxInputBytes >> 20) +
         " MiB, the limit for a scenario, preset or summary file";
}

// Length of the valid UTF-8 sequence at s[i], or 0 when it is not one.
size_t utf8Length(const std::string& s, size_t i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
  if (n == 0 || i + n > s.size()) return 0;
  for (size_t k = 1; k < n; ++k)
    if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return 0;
  unsigned cp = n == 1 ? c : c & (0x7F >> n);
  for (size_t k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  static const unsigned kMin[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMin[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;  // overlong, surrogate
  return n;
}

}  // namespace

std::string readInputFile(const std::string& path, std::string& out) {
  // O_NONBLOCK: opening a FIFO must not wait for a writer; the type check follows.
  int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) return std::strerror(errno);
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    int e = errno;
    ::close(fd);
    return std::strerror(e);
  }
  if (!S_ISREG(st.st_mode)) {
    ::close(fd);
    return typeOf(st.st_mode);
  }
  if (static_cast<unsigned long long>(st.st_size) > kMaxInputBytes) {
    ::close(fd);
    return tooLarge();
  }
  std::string text;
  text.resize(static_cast<size_t>(st.st_size) + 1);
  size_t got = 0;
  for (;;) {  // the file may grow while it is read: stop one byte past the limit
    if (got == text.size()) {
      if (text.size() > kMaxInputBytes) break;
      text.resize(std::min(kMaxInputBytes + 1, text.size() * 2));
    }
    ssize_t n = ::read(fd, &text[got], text.size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      int e = errno;
      ::close(fd);
      return std::strerror(e);
    }
    if (n == 0) break;
    got += static_cast<size_t>(n);
  }
  ::close(fd);
  if (got > kMaxInputBytes) return tooLarge();
  text.resize(got);
  out = std::move(text);
  return "";
}

size_t firstInvalidUtf8(const std::string& text) {
  for (size_t i = 0; i < text.size();) {
    size_t n = utf8Length(text, i);
    if (n == 0) return i;
    i += n;
  }
  return std::string::npos;
}

std::string printable(const std::string& bytes) {
  std::string out;
  char buf[8];
  for (size_t i = 0; i < bytes.size();) {
    unsigned char c = static_cast<unsigned char>(bytes[i]);
    size_t n = utf8Length(bytes, i);
    if (n == 0) {
      std::snprintf(buf, sizeof buf, "\\x%02X", c);
      out += buf;
      ++i;
    } else if (c < 0x20 || c == 0x7F) {
      std::snprintf(buf, sizeof buf, "\\u%04X", c);
      out += buf;
      ++i;
    } else {
      out.append(bytes, i, n);
      i += n;
    }
  }
  return out;
}

}  // namespace tl
