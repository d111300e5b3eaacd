#pragma once
// Readers for one type file of a bundle. Each fills `out` (whose table names the record type
// and whose log names the file): presence, column presence, rows and every problem found.
// A file that cannot be read as a table at all leaves the type absent with an error entry.
#include <string_view>

#include "loaded_file.hpp"

namespace shall {

// <Type>.csv: the header row names the columns; a column is present when the header has it.
// An empty file (not even a header) is read as no records with every column present.
void read_csv_table(std::string_view bytes, LoadedFile& out, const EvidenceLimits& limits = {});

// <Type>.jsonl: one object per line; a column is present when some object has the key (even
// with null). A file with no objects at all is read as no records with every column present.
void read_jsonl_table(std::string_view bytes, LoadedFile& out, const EvidenceLimits& limits = {});

}  // namespace shall
