// png_writer.cpp: writes screenshots as compact PNGs (256-colour palette, zlib level 9),
// all-or-nothing (writeFileAtomic).
#include "gui/png_writer.hpp"

#include <zlib.h>

#include <algorithm>
#include <cstdlib>
#include <stdexcept>
#include <unordered_map>
#include <vector>

#include "io/atomic_file.hpp"

namespace tl::gui {
namespace {

void put32(std::vector<uint8_t>& v, uint32_t x) {
  v.push_back(static_cast<uint8_t>(x >> 24));
  v.push_back(static_cast<uint8_t>(x >> 16));
  v.push_back(static_cast<uint8_t>(x >> 8));
  v.push_back(static_cast<uint8_t>(x));
}

void chunk(std::string& out, const char* type, const std::vector<uint8_t>& data) {
  std::vector<uint8_t> c;
  put32(c, static_cast<uint32_t>(data.size()));
  c.insert(c.end(), type, type + 4);
  c.insert(c.end(), data.begin(), data.end());
  uLong crc = crc32(0L, c.data() + 4, static_cast<uInt>(c.size() - 4));
  put32(c, static_cast<uint32_t>(crc));
  out.append(reinterpret_cast<const char*>(c.data()), c.size());
}

}  // namespace

std::string encodePng(unsigned w, unsigned h, const uint8_t* rgba) {
  // A palette image: the 256 most frequent colours, every other colour drawn with its
  // nearest (only anti-aliased text edges lose a little). A UI picture compresses far better.
  const size_t n = static_cast<size_t>(w) * h;
  auto key = [&](size_t i) {
    return (uint32_t(rgba[i * 4]) << 16) | (uint32_t(rgba[i * 4 + 1]) << 8) | rgba[i * 4 + 2];
  };
  std::unordered_map<uint32_t, size_t> freq;
  for (size_t i = 0; i < n; ++i) ++freq[key(i)];
  std::vector<std::pair<size_t, uint32_t>> by_count;
  for (const auto& kv : freq) by_count.emplace_back(kv.second, kv.first);
  std::sort(by_count.begin(), by_count.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  std::vector<uint32_t> palette;
  for (size_t k = 0; k < by_count.size() && k < 256; ++k) palette.push_back(by_count[k].second);
  std::unordered_map<uint32_t, uint8_t> index;
  for (size_t k = 0; k < palette.size(); ++k) index[palette[k]] = static_cast<uint8_t>(k);
  for (const auto& kv : freq) {
    if (index.count(kv.first)) continue;
    int r = int(kv.first >> 16), g = int((kv.first >> 8) & 255), b = int(kv.first & 255);
    long best = -1;
    uint8_t bi = 0;
    for (size_t k = 0; k < palette.size(); ++k) {
      int dr = r - int(palette[k] >> 16), dg = g - int((palette[k] >> 8) & 255),
          db = b - int(palette[k] & 255);
      long d = 3L * dr * dr + 4L * dg * dg + 2L * db * db;
      if (best < 0 || d < best) best = d, bi = static_cast<uint8_t>(k);
    }
    index[kv.first] = bi;
  }
  // One filter byte (none) per row: palette images compress best unfiltered.
  std::vector<uint8_t> filtered;
  filtered.reserve((static_cast<size_t>(w) + 1) * h);
  for (unsigned y = 0; y < h; ++y) {
    filtered.push_back(0);
    for (unsigned x = 0; x < w; ++x) filtered.push_back(index[key(static_cast<size_t>(y) * w + x)]);
  }
  uLongf zsize = compressBound(static_cast<uLong>(filtered.size()));
  std::vector<uint8_t> z(zsize);
  if (compress2(z.data(), &zsize, filtered.data(), static_cast<uLong>(filtered.size()), 9) != Z_OK) return "";
  z.resize(zsize);

  const uint8_t sig[8] = {137, 80, 78, 71, 13, 10, 26, 10};
  std::string f(reinterpret_cast<const char*>(sig), 8);
  std::vector<uint8_t> ihdr;
  put32(ihdr, w);
  put32(ihdr, h);
  ihdr.insert(ihdr.end(), {8, 3, 0, 0, 0});  // 8-bit palette
  chunk(f, "IHDR", ihdr);
  std::vector<uint8_t> plte;
  for (uint32_t c : palette) plte.insert(plte.end(), {uint8_t(c >> 16), uint8_t(c >> 8), uint8_t(c)});
  chunk(f, "PLTE", plte);
  chunk(f, "IDAT", z);
  chunk(f, "IEND", {});
  return f;
}

std::string writePng(const std::string& path, unsigned w, unsigned h, const uint8_t* rgba) {
  std::string png = encodePng(w, h, rgba);
  if (png.empty()) return "cannot write " + path + ": the picture could not be compressed";
  try {
    writeFileAtomic(path, png);
  } catch (const std::exception& e) {
    return e.what();
  }
  return "";
}

}  // namespace tl::gui
