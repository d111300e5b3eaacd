#pragma once
// SHA-256 over a set of input files, as the findings contract asks: the files sorted by
// relative path, each hashed as: path, NUL, 8-byte little-endian length, bytes.
#include <string>
#include <utility>
#include <vector>

namespace shall {

struct DigestInput {
    std::string relative_path;
    std::string bytes;
};

std::string files_digest(std::vector<DigestInput> files);  // "sha256:<64 hex>"

}  // namespace shall
