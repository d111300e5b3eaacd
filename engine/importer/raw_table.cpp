#include "raw_table.hpp"

#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "../evidence/csv_reader.hpp"
#include "../evidence/text_util.hpp"

namespace shall::importer {

std::optional<std::size_t> RawTable::column(std::string_view name) const {
    for (std::size_t i = 0; i < header.size(); ++i)
        if (header[i] == name) return i;
    return std::nullopt;
}

RawTable read_csv_table(const std::string& path) {
    RawTable t;
    t.path = path;
    t.name = std::filesystem::path(path).filename().string();
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error(fmt::format("cannot read {}", path));
    std::ostringstream buf;
    buf << in.rdbuf();
    t.text = std::make_unique<std::string>(std::move(buf).str());
    if (utf16_bom(*t.text)) throw std::runtime_error(fmt::format("{} is UTF-16 text: save it as UTF-8 CSV", path));

    CsvReader reader(*t.text);
    CsvRecord rec;
    if (reader.next(rec) != CsvReader::Status::record) throw std::runtime_error(fmt::format("{} has no header line", path));
    for (auto c : rec.cells) t.header.emplace_back(trim(c));
    const std::size_t width = t.header.size();
    const char* begin = t.text->data();
    const char* end = begin + t.text->size();
    for (;;) {
        auto status = reader.next(rec);
        if (status == CsvReader::Status::end) break;
        if (status == CsvReader::Status::unterminated_quote) {
            t.rejected.push_back({rec.line, fmt::format("a quote opened on line {} never closes; the rest of the file is unreadable",
                                                        reader.quote_line())});
            break;
        }
        if (rec.cells.size() != width) {
            t.rejected.push_back({rec.line, fmt::format("{} cells where the header has {}", rec.cells.size(), width)});
            continue;
        }
        t.lines.push_back(rec.line);
        for (auto c : rec.cells) {
            if (c.data() >= begin && c.data() + c.size() <= end) t.cells.push_back(c);
            else t.cells.push_back(t.unescaped.emplace_back(c));
        }
    }
    return t;
}

}  // namespace shall::importer
