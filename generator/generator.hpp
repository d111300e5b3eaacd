#pragma once
// `shall generate`: synthetic, realistic evidence bundles (Evidence model v1) of any size,
// with defects planted at known rates so that the findings of some rules are known in
// advance. Deterministic: the same options give byte-identical files on every machine.
#include <cstdint>
#include <map>
#include <string>

namespace shall::gen {

struct GenerateOptions {
    std::uint64_t records = 10000;   // total number of records over all types (approximately)
    std::uint64_t seed = 1;
    std::string out;                 // bundle directory (created)
    std::string organization;        // default: "Generated Org <seed>"
    double defect_scale = 1.0;       // multiplies every planted defect rate (0 = clean bundle)
};

struct GenerateResult {
    std::map<std::string, std::uint64_t> records;   // per record type
    std::map<std::string, std::uint64_t> planted;   // rule id -> number of failing records planted
    std::uint64_t total_records = 0;
    std::uint64_t bytes = 0;
};

// The rules whose findings the generator plants, with the rate used (before defect_scale).
const std::map<std::string, double>& planted_rates();

GenerateResult generate_bundle(const GenerateOptions& options);

}  // namespace shall::gen
