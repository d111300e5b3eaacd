#pragma once
// Writes an import as an evidence bundle: <Type>.csv per output table (RFC 4180 quoting),
// bundle.json (source, timezone, as_of when given) and import-report.json (the reconciliation).
#include <optional>
#include <string>

#include "../evidence/time.hpp"
#include "import_result.hpp"

namespace shall::importer {

struct BundleMeta {
    std::optional<Days> as_of;
    std::string organization;
};

// Throws std::runtime_error when the directory or a file cannot be written.
void write_bundle(const ImportResult& result, const std::string& dir, const BundleMeta& meta);

}  // namespace shall::importer
