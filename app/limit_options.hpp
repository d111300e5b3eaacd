#pragma once
// --max-file-size, --max-records, --max-line-length: the evidence reader's limits, for a
// bundle that legitimately needs more. Sizes take K/M/G suffixes (powers of 1024).
#include <CLI/CLI.hpp>
#include <memory>

#include "../engine/evidence/store.hpp"

namespace shall::cli {

inline void add_limit_options(CLI::App& app, const std::shared_ptr<EvidenceLimits>& limits) {
    app.add_option("--max-file-size", limits->max_file_size, "Largest evidence file read, e.g. 4G (default 1G)")
        ->transform(CLI::AsSizeValue(false));
    app.add_option("--max-records", limits->max_records, "Most records read from one type file (default 10000000)");
    app.add_option("--max-line-length", limits->max_line_length,
                   "Longest CSV record or JSONL line read, e.g. 16M (default 1M)")
        ->transform(CLI::AsSizeValue(false));
}

}  // namespace shall::cli
