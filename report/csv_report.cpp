// CSV (RFC 4180, UTF-8, LF line ends): a header, then one row per finding in contract order.
#include "escape.hpp"
#include "finding_rows.hpp"
#include "report.hpp"

namespace shall {

static std::string csv_line(const std::vector<std::string>& cells) {
    std::string out;
    for (std::size_t i = 0; i < cells.size(); ++i) out += (i ? "," : "") + csv_field(cells[i]);
    return out + "\n";
}

std::string csv_report(const ReportInput& in) {
    std::string out = csv_line(finding_columns());
    for (const auto& row : finding_rows(in)) out += csv_line(row);
    return out;
}

}  // namespace shall
