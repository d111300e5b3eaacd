#pragma once
// The import pipeline: parse the mapping -> check it against the evidence schema -> read the
// raw exports -> run it. Writing the bundle is the caller's step (bundle_writer.hpp).
#include <optional>
#include <string>
#include <vector>

#include "../../dsl/check/schema.hpp"
#include "../../dsl/diagnostics.hpp"
#include "import_result.hpp"

namespace shall::importer {

struct ImportRequest {
    std::string mapping;               // a shipped mapping's name or a mapping file
    std::vector<std::string> inputs;   // raw files or directories of them
    std::string timezone;              // --timezone: overrides the mapping's
};

// nullopt when the mapping is broken or an input cannot be used; diagnostics say why.
std::optional<ImportResult> import_raw(const ImportRequest& request, const Schema& schema, Diagnostics& diagnostics);

}  // namespace shall::importer
