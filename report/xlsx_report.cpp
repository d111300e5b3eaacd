// XLSX through libxlsxwriter: a Findings sheet (one row per finding, the same columns as
// the CSV), then Rules, Evidence quality and Audit sheets. Every cell is written as text,
// neutralised against formula injection. The document's creation time is as_of, so the
// bytes depend on the audit alone.
#include <cstdlib>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <xlsxwriter.h>

#include "audit_view.hpp"
#include "escape.hpp"
#include "finding_rows.hpp"
#include "report.hpp"

namespace shall {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t max_cell = 32767;   // Excel's limit on the characters of a cell

std::string fit(std::string s) {
    if (s.size() <= max_cell) return s;
    std::size_t n = max_cell - 3;
    while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;   // not inside a UTF-8 sequence
    return s.substr(0, n) + "…";
}

// A temporary directory for the workbook (libxlsxwriter writes to a file), removed after.
struct ScratchDir {
    fs::path path;
    ScratchDir() {
        std::string pattern = (fs::temp_directory_path() / "shall-xlsx-XXXXXX").string();
        if (!mkdtemp(pattern.data())) throw std::runtime_error("cannot create a temporary directory for the xlsx report");
        path = pattern;
    }
    ~ScratchDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

class Sheet {
public:
    Sheet(lxw_workbook* wb, const char* name, lxw_format* header, lxw_format* cell)
        : ws_(workbook_add_worksheet(wb, name)), header_(header), cell_(cell) {}
    void header(const std::vector<std::string>& names, const std::vector<double>& widths) {
        for (std::size_t c = 0; c < names.size(); ++c) {
            worksheet_write_string(ws_, 0, static_cast<lxw_col_t>(c), names[c].c_str(), header_);
            worksheet_set_column(ws_, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), c < widths.size() ? widths[c] : 20, nullptr);
        }
        columns_ = names.size();
        worksheet_freeze_panes(ws_, 1, 0);
    }
    void row(const std::vector<std::string>& cells) {
        ++rows_;
        for (std::size_t c = 0; c < cells.size(); ++c)
            if (!cells[c].empty())
                worksheet_write_string(ws_, static_cast<lxw_row_t>(rows_), static_cast<lxw_col_t>(c),
                                       fit(neutralise_formula(cells[c])).c_str(), cell_);
    }
    void filter() {
        if (columns_ > 0) worksheet_autofilter(ws_, 0, 0, static_cast<lxw_row_t>(rows_), static_cast<lxw_col_t>(columns_ - 1));
    }
private:
    lxw_worksheet* ws_;
    lxw_format* header_;
    lxw_format* cell_;
    std::size_t rows_ = 0, columns_ = 0;
};

void write_workbook(const ReportInput& in, const std::string& path, const std::string& tmpdir) {
    lxw_workbook_options options{};
    options.constant_memory = LXW_FALSE;
    options.tmpdir = const_cast<char*>(tmpdir.c_str());
    options.use_zip64 = LXW_FALSE;
    lxw_workbook* wb = workbook_new_opt(path.c_str(), &options);
    if (!wb) throw std::runtime_error("cannot create the xlsx report");

    std::string title = fmt::format("Audit of {} as of {}", organization_or_path(in), as_of_date(in));
    std::string company = in.bundle.info.organization;
    std::string comments = fmt::format("shall {}; evidence {} ({})", tool_version, in.evidence_path, in.bundle.digest);
    lxw_doc_properties props{};
    props.title = title.data();
    props.subject = const_cast<char*>("ISO/IEC 20000-1:2018 audit findings");
    props.author = const_cast<char*>("shall");
    props.company = company.data();
    props.comments = comments.data();
    props.created = static_cast<time_t>(in.bundle.info.as_of.value_or(0)) * 86400;
    workbook_set_properties(wb, &props);

    lxw_format* header = workbook_add_format(wb);
    format_set_bold(header);
    format_set_bg_color(header, 0xEEEEEE);
    format_set_border(header, LXW_BORDER_THIN);
    lxw_format* cell = workbook_add_format(wb);
    format_set_text_wrap(cell);
    format_set_align(cell, LXW_ALIGN_VERTICAL_TOP);

    Sheet findings(wb, "Findings", header, cell);
    findings.header(finding_columns(), {9, 28, 12, 40, 16, 16, 20, 60, 30, 60, 50, 20, 40, 34});
    for (const auto& row : finding_rows(in)) findings.row(row);
    findings.filter();

    Sheet rules(wb, "Rules", header, cell);
    rules.header({"clause", "rule", "title", "status", "grade", "checked", "failed", "missing", "note"}, {9, 28, 50, 14, 12, 10, 10, 30, 40});
    for (const auto& r : in.result.rules) {
        std::vector<std::string> missing = r.missing_types;
        missing.insert(missing.end(), r.missing_fields.begin(), r.missing_fields.end());
        rules.row({r.rule->clause(), r.rule->id(), r.rule->title, std::string(to_string(r.status)), worst_grade(r),
                   std::to_string(r.checked), std::to_string(r.failed), fmt::format("{}", fmt::join(missing, ", ")), r.note});
    }
    rules.filter();

    Sheet quality(wb, "Evidence quality", header, cell);
    quality.header({"level", "code", "source", "message"}, {10, 22, 24, 80});
    for (const auto& q : in.bundle.quality) quality.row({q.level, q.code, q.source, q.message});
    quality.filter();

    Summary s = summarize(in.result);
    Sheet audit(wb, "Audit", header, cell);
    audit.header({"item", "value"}, {22, 80});
    audit.row({"organisation", in.bundle.info.organization});
    audit.row({"evidence", in.evidence_path});
    audit.row({"evidence digest", in.bundle.digest});
    audit.row({"records", std::to_string(in.bundle.record_count)});
    audit.row({"as of", as_of_date(in)});
    for (const auto& r : in.program.rulesets) audit.row({"ruleset", fmt::format("{} {} ({} rules, {})", r.name, r.version, r.rules, r.digest)});
    audit.row({"rules", fmt::format("{} passed, {} failed, {} not evaluated", s.passed, s.failed, s.not_evaluated)});
    audit.row({"findings", fmt::format("{} major, {} minor, {} observations, {} OFI", s.major, s.minor, s.observation, s.ofi)});
    audit.row({"tool", fmt::format("shall {}", tool_version)});

    lxw_error error = workbook_close(wb);
    if (error != LXW_NO_ERROR) throw std::runtime_error(fmt::format("cannot write the xlsx report: {}", lxw_strerror(error)));
}

}  // namespace

std::string xlsx_report(const ReportInput& in) {
    ScratchDir dir;
    std::string path = (dir.path / "report.xlsx").string();
    write_workbook(in, path, dir.path.string());
    std::ifstream f(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << f.rdbuf();
    if (!f) throw std::runtime_error("cannot read back the xlsx report");
    return bytes.str();
}

}  // namespace shall
