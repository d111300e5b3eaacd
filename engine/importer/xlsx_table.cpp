#include "xlsx_table.hpp"

#include <cmath>
#include <filesystem>
#include <fmt/format.h>
#include <map>
#include <pugixml.hpp>
#include <set>
#include <stdexcept>
#include <zip.h>

#include "../evidence/text_util.hpp"
#include "../evidence/time.hpp"

namespace shall::importer {
namespace {

class Zip {
public:
    explicit Zip(const std::string& path) {
        int err = 0;
        zip_ = zip_open(path.c_str(), ZIP_RDONLY, &err);
        if (!zip_) throw std::runtime_error(fmt::format("{} is not an .xlsx workbook (not a zip archive)", path));
    }
    ~Zip() { zip_close(zip_); }
    Zip(const Zip&) = delete;
    Zip& operator=(const Zip&) = delete;

    bool read(const std::string& name, std::string& out) const {
        zip_stat_t st;
        if (zip_stat(zip_, name.c_str(), 0, &st) != 0) return false;
        zip_file_t* f = zip_fopen(zip_, name.c_str(), 0);
        if (!f) return false;
        out.resize(st.size);
        auto n = zip_fread(f, out.data(), st.size);
        zip_fclose(f);
        return n == static_cast<zip_int64_t>(st.size);
    }

private:
    zip_t* zip_ = nullptr;
};

pugi::xml_document parse_xml(const Zip& zip, const std::string& name, bool required) {
    pugi::xml_document doc;
    std::string text;
    if (!zip.read(name, text)) {
        if (required) throw std::runtime_error(fmt::format("the workbook has no {}", name));
        return doc;
    }
    if (!doc.load_buffer(text.data(), text.size())) throw std::runtime_error(fmt::format("{} in the workbook is not XML", name));
    return doc;
}

std::string inline_text(pugi::xml_node si) {   // <t>, or rich text runs <r><t>
    if (auto t = si.child("t")) return t.text().get();
    std::string out;
    for (auto r : si.children("r")) out += r.child("t").text().get();
    return out;
}

// Which cell styles (cellXfs index) are dates.
std::vector<bool> date_styles(const Zip& zip) {
    auto doc = parse_xml(zip, "xl/styles.xml", false);
    std::set<unsigned> date_formats = {14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47};
    for (auto f : doc.child("styleSheet").child("numFmts").children("numFmt")) {
        std::string code = f.attribute("formatCode").value();
        std::string bare;   // without quoted text and [colour] parts
        bool quoted = false, bracket = false;
        for (char c : code) {
            if (c == '"') quoted = !quoted;
            else if (c == '[') bracket = true;
            else if (c == ']') bracket = false;
            else if (!quoted && !bracket) bare += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        }
        if (bare.find_first_of("dmy") != std::string::npos && bare.find('0') == std::string::npos)
            date_formats.insert(f.attribute("numFmtId").as_uint());
    }
    std::vector<bool> out;
    for (auto xf : doc.child("styleSheet").child("cellXfs").children("xf"))
        out.push_back(date_formats.count(xf.attribute("numFmtId").as_uint()) > 0);
    return out;
}

std::string excel_date(double serial) {   // days since 1899-12-30 (the 1900 system)
    double whole = std::floor(serial);
    auto seconds = static_cast<long long>(std::llround((serial - whole) * 86400.0));
    Days day = static_cast<Days>(whole) - 25569;
    if (seconds == 0) return format_date(day);
    auto text = format_datetime(static_cast<Millis>(day) * 86'400'000 + seconds * 1000);
    return text.substr(0, text.size() - 1);   // a local time: no 'Z'
}

// "BC12" -> column index 54 (0-based); row number is not needed (r attribute of <row>).
std::size_t column_of(std::string_view ref) {
    std::size_t col = 0;
    for (char c : ref) {
        if (c < 'A' || c > 'Z') break;
        col = col * 26 + static_cast<std::size_t>(c - 'A' + 1);
    }
    return col == 0 ? 0 : col - 1;
}

RawTable sheet_table(const std::string& path, const std::string& sheet_name, const pugi::xml_document& sheet,
                     const std::vector<std::string>& shared, const std::vector<bool>& dates) {
    RawTable t;
    t.path = path;
    t.name = std::filesystem::path(path).filename().string() + "#" + sheet_name;
    t.text = std::make_unique<std::string>();
    std::vector<std::pair<std::uint32_t, std::vector<std::string>>> rows;
    for (auto row : sheet.child("worksheet").child("sheetData").children("row")) {
        std::vector<std::string> cells;
        for (auto c : row.children("c")) {
            std::size_t col = column_of(c.attribute("r").value());
            if (!c.attribute("r")) col = cells.size();
            if (cells.size() <= col) cells.resize(col + 1);
            std::string type = c.attribute("t").value();
            std::string v = c.child("v").text().get();
            if (type == "s") v = v.empty() ? std::string() : shared.at(std::stoul(v));
            else if (type == "inlineStr") v = inline_text(c.child("is"));
            else if (type == "b") v = v == "1" ? "true" : "false";
            else if (type.empty() || type == "n") {
                auto style = c.attribute("s").as_uint();
                if (!v.empty() && style < dates.size() && dates[style]) v = excel_date(std::stod(v));
            }
            cells[col] = std::move(v);
        }
        bool empty = true;
        for (const auto& x : cells) empty = empty && x.empty();
        if (!empty) rows.emplace_back(row.attribute("r").as_uint(), std::move(cells));
    }
    if (rows.empty()) return t;
    for (auto& h : rows.front().second) t.header.emplace_back(trim(h));
    const std::size_t width = t.header.size();
    for (std::size_t i = 1; i < rows.size(); ++i) {
        auto& [line, cells] = rows[i];
        bool beyond = false;
        for (std::size_t k = width; k < cells.size(); ++k) beyond = beyond || !cells[k].empty();
        if (beyond) {
            t.rejected.push_back({line, fmt::format("a value beyond the header's {} columns", width)});
            continue;
        }
        cells.resize(width);
        t.lines.push_back(line);
        for (auto& c : cells) t.cells.push_back(t.unescaped.emplace_back(std::move(c)));
    }
    return t;
}

}  // namespace

std::vector<RawTable> read_xlsx_tables(const std::string& path) {
    Zip zip(path);
    std::vector<std::string> shared;
    auto sst = parse_xml(zip, "xl/sharedStrings.xml", false);
    for (auto si : sst.child("sst").children("si")) shared.push_back(inline_text(si));
    auto dates = date_styles(zip);
    auto book = parse_xml(zip, "xl/workbook.xml", true);
    auto rels = parse_xml(zip, "xl/_rels/workbook.xml.rels", true);
    std::map<std::string, std::string> target_of;
    for (auto r : rels.child("Relationships").children("Relationship")) {
        std::string target = r.attribute("Target").value();
        if (!target.empty() && target[0] == '/') target = target.substr(1);
        else target = "xl/" + target;
        target_of[r.attribute("Id").value()] = target;
    }
    std::vector<RawTable> out;
    for (auto s : book.child("workbook").child("sheets").children("sheet")) {
        auto it = target_of.find(s.attribute("r:id").value());
        if (it == target_of.end()) continue;
        auto sheet = parse_xml(zip, it->second, true);
        out.push_back(sheet_table(path, s.attribute("name").value(), sheet, shared, dates));
    }
    return out;
}

}  // namespace shall::importer
