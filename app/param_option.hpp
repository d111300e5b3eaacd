#pragma once
// --param NAME=VALUE pairs.
#include <string>
#include <utility>
#include <vector>

#include "../dsl/diagnostics.hpp"

namespace shall::cli {

inline std::vector<std::pair<std::string, std::string>> split_params(const std::vector<std::string>& raw, Diagnostics& diags) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& p : raw) {
        auto eq = p.find('=');
        if (eq == std::string::npos || eq == 0) {
            diags.error({}, "--param " + p + ": expected NAME=VALUE");
            continue;
        }
        out.emplace_back(p.substr(0, eq), p.substr(eq + 1));
    }
    return out;
}

}  // namespace shall::cli
