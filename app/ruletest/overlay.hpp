#pragma once
// Materialises a test case's bundle in a directory: the base bundle's files, then the
// case's sections (CSV rows merged by id, whole files replaced or removed).
#include <string>

#include "test_file.hpp"

namespace shall::ruletest {

// Throws std::runtime_error naming the test file and line on a bad section.
void write_case_bundle(const Case& c, const std::string& base_dir, const std::string& test_path, const std::string& out_dir);

}  // namespace shall::ruletest
