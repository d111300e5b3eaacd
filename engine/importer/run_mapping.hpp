#pragma once
// Runs a checked mapping over raw tables: rows -> records (grouping event logs by key and
// collapsing them with the field aggregates), state histories -> StateChange records.
#include "../../dsl/diagnostics.hpp"
#include "../../dsl/mapping/check_mapping.hpp"
#include "import_result.hpp"

namespace shall::importer {

struct RunOptions {
    std::string timezone;   // overrides the mapping's; "" = the mapping's, else UTC
};

// A mapped column missing from a file, or a file no record of the mapping reads, is an error
// (diagnostics); everything inside the data is reconciled in the result.
ImportResult run_mapping(const mapping::CheckedMapping& mapping, const std::vector<RawTable>& tables,
                         const RunOptions& options, Diagnostics& diagnostics);

}  // namespace shall::importer
