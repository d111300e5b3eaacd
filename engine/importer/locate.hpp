#pragma once
// Where shipped resources are: mapping files (mappings/NAME.shall) and the evidence model
// (rulesets/evidence), looked up next to the working directory, the executable, and the
// source tree the executable was built from.
#include <optional>
#include <string>
#include <vector>

namespace shall::importer {

// NAME or a path to a mapping file. nullopt when not found.
std::optional<std::string> find_mapping(const std::string& name_or_path);
std::vector<std::string> shipped_mapping_names();
std::optional<std::string> find_evidence_model();

// Raw inputs: files as given, directories expanded to their (non-hidden) files, sorted.
std::vector<std::string> expand_inputs(const std::vector<std::string>& inputs);

}  // namespace shall::importer
