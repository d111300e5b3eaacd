#pragma once
// A whole file's bytes. A big regular file is mapped from the page cache (no copy, and no
// fresh memory to fault in, which on a big bundle is where the time goes); anything else is
// read straight into a buffer. Should a mapped file be cut short by another program while it
// is read, the vanished pages read as zeros instead of killing the process (SIGBUS), and
// changed() says so, so that the loader can refuse the file rather than trust those bytes.
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace shall {

class FileBytes {
public:
    FileBytes() = default;
    FileBytes(FileBytes&& other) noexcept { *this = std::move(other); }
    FileBytes& operator=(FileBytes&& other) noexcept;
    FileBytes(const FileBytes&) = delete;
    FileBytes& operator=(const FileBytes&) = delete;
    ~FileBytes() { reset(); }

    std::string_view view() const { return {data_, size_}; }
    bool mapped() const { return guard_ >= 0; }
    // True when the mapped file is now shorter than it was, or a page of it could not be read.
    bool changed() const;
    void reset();

private:
    friend int read_file_bytes(const std::string& path, FileBytes& out, bool may_map);
    const char* data_ = nullptr;
    std::size_t size_ = 0;
    std::unique_ptr<char[]> buffer_;   // when read
    int guard_ = -1;                   // when mapped: its slot in the SIGBUS guard
    int fd_ = -1;                      // when mapped: kept open to see whether the file shrank
};

// 0, or the errno of what went wrong. A read file is read to the end even if it grew since it
// was sized; a mapped one is the size it had when opened. `may_map`: files of 1 MB and more
// may be mapped.
int read_file_bytes(const std::string& path, FileBytes& out, bool may_map = true);

}  // namespace shall
