#pragma once
// Excel workbooks (.xlsx) as raw tables: one table per worksheet, named "book.xlsx#Sheet",
// the first non-empty row as header, rows numbered as Excel numbers them. Cells styled as
// dates become ISO 8601 text (YYYY-MM-DD, or YYYY-MM-DDTHH:MM:SS when they have a time).
#include <string>
#include <vector>

#include "raw_table.hpp"

namespace shall::importer {

// Throws std::runtime_error when the file is not a readable workbook.
std::vector<RawTable> read_xlsx_tables(const std::string& path);

}  // namespace shall::importer
