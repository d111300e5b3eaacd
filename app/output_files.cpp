#include "output_files.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <iostream>

#include "../report/report.hpp"
#include "background_writer.hpp"

namespace shall::cli {

const std::vector<std::string> known_formats = report_formats();

std::vector<OutputRequest> parse_outputs(const std::vector<std::string>& formats, const std::string& out, Diagnostics& diags,
                                         const std::vector<std::string>& allowed) {
    std::vector<OutputRequest> result;
    for (const auto& f : formats) {
        auto colon = f.find(':');
        OutputRequest r{f.substr(0, colon), colon == std::string::npos ? std::string() : f.substr(colon + 1)};
        if (std::find(allowed.begin(), allowed.end(), r.format) == allowed.end()) {
            diags.error({}, fmt::format("--format {}: unknown format '{}' (formats: {})", f, r.format, fmt::join(allowed, ", ")),
                        did_you_mean(r.format, allowed));
            continue;
        }
        if (colon != std::string::npos && r.file.empty()) {
            diags.error({}, fmt::format("--format {}: no file name after ':'", f));
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
    for (std::size_t i = 0; i < result.size(); ++i) {
        to_stdout += result[i].file.empty();
        for (std::size_t j = 0; j < i; ++j)
            if (!result[i].file.empty() && result[i].file == result[j].file)
                diags.error({}, fmt::format("two reports would be written to {}", result[i].file));
    }
    if (to_stdout > 1) diags.error({}, "only one report can go to standard output; give the others a file (FORMAT:FILE)");
    return result;
}

bool write_outputs(const std::vector<RenderedOutput>& outputs) {
    namespace fs = std::filesystem;
    std::vector<std::pair<std::string, std::string>> staged;   // temp, final
    auto discard = [&] {
        for (auto& [tmp, _] : staged) std::remove(tmp.c_str());
    };
    auto write = [](const RenderedOutput& o, std::ostream& out) {
        if (!o.stream) {
            out << o.text;
            return;
        }
        BackgroundWriter writer(out);
        o.stream([&writer](std::string_view piece) { writer.write(piece); });
        writer.finish();
    };
    // A destination that exists and is not a regular file (a FIFO, /dev/null, /dev/stdout) is
    // written in place, last, as standard output is: renaming a temporary file over it would
    // replace the device or pipe with a plain file.
    std::vector<bool> in_place;
    for (const auto& o : outputs) {
        std::error_code ec;
        const auto st = fs::status(o.request.file, ec);
        in_place.push_back(!o.request.file.empty() && !ec && fs::exists(st) && !fs::is_regular_file(st) && !fs::is_directory(st));
    }
    for (std::size_t i = 0; i < outputs.size(); ++i) {
        const RenderedOutput& o = outputs[i];
        if (o.request.file.empty() || in_place[i]) continue;
        std::string tmp = o.request.file + ".shall-tmp";
        std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
        try {
            if (f) write(o, f);
        } catch (...) {   // the report could not be made: no file of this run is left behind
            f.close();
            std::remove(tmp.c_str());
            discard();
            throw;
        }
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
    for (std::size_t i = 0; i < outputs.size(); ++i) {
        const RenderedOutput& o = outputs[i];
        if (!in_place[i]) continue;
        std::ofstream f(o.request.file, std::ios::binary);
        if (f) write(o, f);
        if (!f || !f.flush()) {
            std::cerr << fmt::format("shall: error: cannot write report {}\n", o.request.file);
            return false;
        }
    }
    for (const auto& o : outputs)
        if (o.request.file.empty()) write(o, std::cout);
    std::cout.flush();
    return true;
}

}  // namespace shall::cli
