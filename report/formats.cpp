#include <functional>
#include <map>
#include <stdexcept>

#include "report.hpp"

namespace shall {

namespace {
using Renderer = std::function<std::string(const ReportInput&, const ReportOptions&)>;

const std::vector<std::pair<std::string, Renderer>>& renderers() {
    static const std::vector<std::pair<std::string, Renderer>> table = {
        {"text", [](const ReportInput& in, const ReportOptions& o) { return text_report(in, o); }},
        {"json", [](const ReportInput& in, const ReportOptions&) { return json_report(in); }},
        {"md", [](const ReportInput& in, const ReportOptions&) { return md_report(in); }},
        {"html", [](const ReportInput& in, const ReportOptions&) { return html_report(in); }},
        {"oscal", [](const ReportInput& in, const ReportOptions&) { return oscal_report(in); }},
        {"sarif", [](const ReportInput& in, const ReportOptions&) { return sarif_report(in); }},
        {"junit", [](const ReportInput& in, const ReportOptions&) { return junit_report(in); }},
        {"csv", [](const ReportInput& in, const ReportOptions&) { return csv_report(in); }},
        {"xlsx", [](const ReportInput& in, const ReportOptions&) { return xlsx_report(in); }},
    };
    return table;
}
}  // namespace

const std::vector<std::string>& report_formats() {
    static const std::vector<std::string> names = [] {
        std::vector<std::string> out;
        for (const auto& [name, _] : renderers()) out.push_back(name);
        return out;
    }();
    return names;
}

std::string render_report(const std::string& format, const ReportInput& in, const ReportOptions& options) {
    for (const auto& [name, render] : renderers())
        if (name == format) return render(in, options);
    throw std::invalid_argument("unknown report format '" + format + "'");
}

void stream_report(const std::string& format, const ReportInput& in, const ReportOptions& options, const ReportSink& sink) {
    if (format == "json") return json_report(in, sink);
    sink(render_report(format, in, options));
}

}  // namespace shall
