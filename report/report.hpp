#pragma once
// Reporters: an audit result rendered for people (text, md, html), for tools (json, oscal,
// sarif, junit) and for spreadsheets (csv, xlsx). Every renderer is a pure function of its
// input: no clock, no randomness, so reports are byte-identical across runs and --threads.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "../dsl/diagnostics.hpp"
#include "../engine/evidence/store.hpp"
#include "../engine/findings/findings.hpp"

namespace shall {

struct ReportInput {
    const Program& program;
    const BundleSummary& bundle;
    const AuditResult& result;
    std::string evidence_path;   // as given on the command line
};

struct ReportOptions {
    bool colour = false;   // text: ANSI colours (the caller decides: a TTY and no NO_COLOR)
    bool all = false;      // text: every record of a failing population, not a summary
};

struct Summary {
    std::size_t rules = 0, passed = 0, failed = 0, not_evaluated = 0;
    std::size_t major = 0, minor = 0, observation = 0, ofi = 0;
    bool has_nonconformity() const { return major + minor > 0; }
};

Summary summarize(const AuditResult& result);

std::string json_report(const ReportInput& in);
// The same bytes handed to `sink` a piece at a time, for reports too big to hold whole.
using ReportSink = std::function<void(std::string_view)>;
void json_report(const ReportInput& in, const ReportSink& sink);
std::string text_report(const ReportInput& in, const ReportOptions& options);
std::string text_report(const ReportInput& in, bool colour);
std::string md_report(const ReportInput& in);
std::string html_report(const ReportInput& in);
std::string oscal_report(const ReportInput& in);
std::string sarif_report(const ReportInput& in);
std::string junit_report(const ReportInput& in);
std::string csv_report(const ReportInput& in);
std::string xlsx_report(const ReportInput& in);   // the bytes of an .xlsx file

// `shall check` diagnostics as a SARIF log (rule files as the artifacts).
std::string sarif_diagnostics(const std::vector<Diagnostic>& diagnostics);

// The audit report formats by name, and rendering by name (throws std::invalid_argument
// for a name not in the list).
const std::vector<std::string>& report_formats();
std::string render_report(const std::string& format, const ReportInput& in, const ReportOptions& options);
// render_report's bytes handed to `sink`: a piece at a time where the format allows (json),
// else whole.
void stream_report(const std::string& format, const ReportInput& in, const ReportOptions& options, const ReportSink& sink);

extern const char* const tool_version;

}  // namespace shall
