#pragma once
// Helpers for the importer tests: the evidence schema, running a mapping, reading records back.
#include <map>
#include <string>
#include <vector>

#include "../../dsl/check/schema.hpp"
#include "../../dsl/diagnostics.hpp"
#include "../../engine/importer/import_result.hpp"

namespace shall::test {

const Schema& evidence_schema();
std::string source_path(const std::string& relative);   // under the repository
// A file of ../shared/data/itsm; fails the test clearly when the shared data is not there.
std::string shared_data(const std::string& relative);

// Imports with a mapping; fails the test (printing the diagnostics) when it does not run.
importer::ImportResult import_with(const std::string& mapping, const std::vector<std::string>& inputs,
                                   const std::string& timezone = {});
// Diagnostics rendered, one per line (empty when the mapping is fine).
std::string mapping_errors(const std::string& mapping_text);

// field -> value of one output record ("" = absent); empty map when there is no such record.
std::map<std::string, std::string> record(const importer::ImportResult& r, const std::string& type, const std::string& id);
std::vector<std::map<std::string, std::string>> records_where(const importer::ImportResult& r, const std::string& type,
                                                             const std::string& field, const std::string& value);
const importer::FileReport& file_report(const importer::ImportResult& r, const std::string& file);

}  // namespace shall::test
