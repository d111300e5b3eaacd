#pragma once
// One row per finding, as the spreadsheet formats (CSV, XLSX) write them: the same columns
// in the same order, every cell text already neutralised against formula injection.
#include <string>
#include <vector>

#include "report.hpp"

namespace shall {

const std::vector<std::string>& finding_columns();
std::vector<std::vector<std::string>> finding_rows(const ReportInput& in);

}  // namespace shall
