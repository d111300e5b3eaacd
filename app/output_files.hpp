#pragma once
// --format FORMAT[:FILE] / --out handling. Files are written through a temporary name and
// renamed once every report is complete, so a failed run leaves no half-written report. A
// destination that is not a regular file (a FIFO, /dev/null) is written in place, last.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "../dsl/diagnostics.hpp"

namespace shall::cli {

struct OutputRequest {
    std::string format;
    std::string file;   // empty: stdout
};

struct RenderedOutput {
    OutputRequest request;
    std::string text;
    // when set, writes the report piece by piece instead of `text` (a big JSON report is never
    // held whole in memory)
    std::function<void(const std::function<void(std::string_view)>&)> stream;
};

extern const std::vector<std::string> known_formats;   // shall audit's formats: text, json, md, html, oscal, sarif, junit, csv, xlsx

// `allowed` defaults to known_formats; without any --format the result is text to stdout.
std::vector<OutputRequest> parse_outputs(const std::vector<std::string>& formats, const std::string& out, Diagnostics& diags,
                                         const std::vector<std::string>& allowed = known_formats);
bool write_outputs(const std::vector<RenderedOutput>& outputs);   // false (with a message) when a file cannot be written

}  // namespace shall::cli
