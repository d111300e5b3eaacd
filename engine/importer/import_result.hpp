#pragma once
// What a mapping run produces: one output table per record type, and the reconciliation
// of every source file (rows read = records written + rows merged + rows rejected).
#include <cstdint>
#include <string>
#include <vector>

#include "../../dsl/check/schema.hpp"
#include "raw_table.hpp"

namespace shall::importer {

struct ValueWarning {
    std::uint32_t line = 0;
    std::string field;     // Type.field
    std::string message;   // the record is kept, the field left absent
};

struct FileReport {
    std::string file;          // file name
    std::string record_type;   // what its rows became
    std::size_t rows_read = 0, records_written = 0, rows_merged = 0, rows_rejected = 0;
    std::size_t rows_other = 0;    // rows the record's `where` leaves to the mapping's other records
    std::vector<Rejection> rejections;
    std::vector<ValueWarning> warnings;
    std::size_t table = 0;         // index of the raw table (internal)
    bool adds_up() const { return rows_read == records_written + rows_merged + rows_rejected + rows_other; }
};

struct OutputTable {
    const RecordType* type = nullptr;
    std::vector<bool> used;                        // [field index]: some mapping fills it
    std::vector<std::vector<std::string>> rows;    // [row][field index], "" = absent
};

struct ImportResult {
    std::string mapping, timezone;
    std::vector<std::string> inputs;
    std::vector<OutputTable> tables;               // in schema order
    std::vector<FileReport> files;
    std::size_t records(std::string_view type) const;
};

}  // namespace shall::importer
