#include "output_files.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <iostream>

namespace shall::cli {

const std::vector<std::string> known_formats = {"text", "json"};

std::vector<OutputRequest> parse_outputs(const std::vector<std::string>& formats, const std::string& out, Diagnostics& diags) {
    std::vector<OutputRequest> result;
    for (const auto& f : formats) {
        auto colon = f.find(':');
        OutputRequest r{f.substr(0, colon), colon == std::string::npos ? std::string() : f.substr(colon + 1)};
        if (std::find(known_formats.begin(), known_formats.end(), r.format) == known_formats.end()) {
            diags.error({}, fmt::format("--format {}: unknown format '{}'", f, r.format), did_you_mean(r.format, known_formats));
            continue;
        }
        result.push_back(r);
    }
    if (result.empty()) result.push_back({"text", ""});
    if (!out.empty()) {
        if (result.size() != 1 || !result[0].file.empty())
            diags.error({}, "--out goes with a single --format without a file; use --format FORMAT:FILE for several");
        else result[0].file = out;
    }
    int to_stdout = 0;
    for (const auto& r : result) to_stdout += r.file.empty();
    if (to_stdout > 1) diags.error({}, "only one report can go to standard output; give the others a file (FORMAT:FILE)");
    return result;
}

bool write_outputs(const std::vector<RenderedOutput>& outputs) {
    namespace fs = std::filesystem;
    std::vector<std::pair<std::string, std::string>> staged;   // temp, final
    auto discard = [&] {
        for (auto& [tmp, _] : staged) std::remove(tmp.c_str());
    };
    for (const auto& o : outputs) {
        if (o.request.file.empty()) continue;
        std::string tmp = o.request.file + ".shall-tmp";
        std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
        if (f) f << o.text;
        if (!f || !f.flush()) {
            std::cerr << fmt::format("shall: error: cannot write report {}\n", o.request.file);
            std::remove(tmp.c_str());
            discard();
            return false;
        }
        staged.emplace_back(tmp, o.request.file);
    }
    for (auto& [tmp, dest] : staged) {
        std::error_code ec;
        fs::rename(tmp, dest, ec);
        if (ec) {
            std::cerr << fmt::format("shall: error: cannot write report {}: {}\n", dest, ec.message());
            discard();
            return false;
        }
    }
    for (const auto& o : outputs)
        if (o.request.file.empty()) std::cout << o.text;
    std::cout.flush();
    return true;
}

}  // namespace shall::cli
