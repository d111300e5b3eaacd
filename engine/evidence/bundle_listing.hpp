#pragma once
// Which files of a bundle directory are read: bundle.json and one <Type>.csv or <Type>.jsonl
// per schema type. Everything else is reported, except hidden files, import-report.json and
// README files.
#include <string>
#include <vector>

#include "../../dsl/check/schema.hpp"
#include "issue_log.hpp"

namespace shall {

struct BundleListing {
    bool has_manifest = false;            // bundle.json
    std::vector<std::string> type_files;  // [type index]: the file to read, "" when none
};

// Throws std::runtime_error when the directory cannot be listed at all.
BundleListing list_bundle(const Schema& schema, const std::string& dir, std::vector<Issue>& issues);

}  // namespace shall
