#pragma once
// The input digests of the findings contract (evidence bundles, rulesets):
// "sha256:" + lowercase hex SHA-256.
#include <string>
#include <string_view>
#include <vector>

namespace shall {

struct DigestInput {
    std::string path;        // relative to the bundle or ruleset directory
    std::string_view bytes;  // the file's content
};

// Hashes the inputs sorted by path; for each: the path, one NUL byte, the content length as
// an 8-byte little-endian unsigned integer, then the content. The length prefix makes the
// concatenation unambiguous (no file's bytes can pass for the next file's header).
std::string files_digest(std::vector<DigestInput> inputs);

}  // namespace shall
