#pragma once
// A whole file in memory, read straight into its buffer (one copy from the page cache, no
// zero-filling first).
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace shall {

struct FileBytes {
    std::unique_ptr<char[]> data;
    std::size_t size = 0;
    std::string_view view() const { return {data.get(), size}; }
};

// 0, or the errno of what went wrong; reads to the end even if the file grew since it was sized.
int read_file_bytes(const std::string& path, FileBytes& out);

}  // namespace shall
