#pragma once
// The reconciliation of an import, for people (text) and for the bundle (import-report.json).
#include <string>

#include "import_result.hpp"

namespace shall::importer {

std::string report_json(const ImportResult& result);
// One line per source file (read = written + merged + rejected), then every rejection with
// file:line and reason, then value warnings (the first `max_listed` of each file, and a count).
std::string report_text(const ImportResult& result, std::size_t max_listed = 10);

}  // namespace shall::importer
