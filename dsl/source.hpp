#pragma once
// Source text and positions: every AST node and diagnostic points into a SourceFile.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace shall {

struct SourceFile {
    std::string path;     // as shown to the user
    std::string text;
    std::string_view line(std::uint32_t one_based) const;
};

struct Location {
    const SourceFile* file = nullptr;
    std::uint32_t line = 0;  // 1-based
    std::uint32_t column = 0;  // 1-based, in bytes
};

std::shared_ptr<SourceFile> read_source_file(const std::string& path);  // throws std::runtime_error

}  // namespace shall
