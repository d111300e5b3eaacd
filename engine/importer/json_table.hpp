#pragma once
// A JSON export as a raw table: the array at a dotted path ("issues"; "" = the document
// itself) holds the records; each record's nested objects become dotted columns
// ("fields.status.name"), arrays of values one ';'-joined cell, arrays of objects one
// ';'-joined cell per inner key ("fields.components.name"). The header is the union of the
// columns in first-seen order; a record's "line" is its position in the array (1-based).
#include <string>
#include <vector>

#include "raw_table.hpp"

namespace shall::importer {

// `columns`: the columns a mapping reads; they are in the header even when no record has them
// (JSON exports leave out empty keys). Throws std::runtime_error when the file is not JSON or
// the path does not lead to an array.
RawTable read_json_table(const std::string& path, const std::string& records_path, const std::vector<std::string>& columns);

}  // namespace shall::importer
