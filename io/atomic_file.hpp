// atomic_file.hpp: whole-file reads and all-or-nothing writes, so a failed run or
// save never leaves a half-written file behind and never destroys the original.
#pragma once
#include <string>

#include "io/atomic_dir.hpp"

namespace tl {

// Reads a whole file; false (and errno set) when it cannot. For files this program
// wrote; input a user names goes through readInputFile (input_file.hpp), bounded.
bool readTextFile(const std::string& path, std::string& out);

// Replaces `path` with `content` or leaves it as it was: writes a temp file beside it
// (.NAME.trustlab-tmp-PID-N, same folder, so the rename is atomic), flushes it to disk
// (fsync), renames it over `path`, then flushes the folder. On any failure (a full
// disk, no permission) the temp is removed, the original is untouched, and
// std::runtime_error says what failed, naming `path`. An existing file keeps its
// permissions; a symbolic link is followed (the file it points to is replaced).
// The app's Save and Export and the CLI's outputs use it.
void writeFileAtomic(const std::string& path, const std::string& content);

// The helpers writeFileAtomic and AtomicDir share. Both throw std::runtime_error.
namespace atomic_detail {
// Creates `path` (O_EXCL, `mode` before umask), writes all of `content`, fsyncs, closes.
void writeNewFileSynced(const std::string& path, const std::string& content, unsigned mode);
// fsync on a folder, so a rename in it is on disk.
void syncFolder(const std::string& dir);
}  // namespace atomic_detail

}  // namespace tl
