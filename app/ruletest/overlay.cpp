#include "overlay.hpp"

#include <algorithm>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>

#include "../../engine/evidence/csv_reader.hpp"

namespace shall::ruletest {
namespace {

namespace fs = std::filesystem;

struct Table {
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;
};

Table parse_csv(const std::string& text, const std::string& where) {
    Table t;
    CsvReader reader(text);
    CsvRecord rec;
    bool first = true;
    for (;;) {
        auto status = reader.next(rec);
        if (status == CsvReader::Status::end) break;
        if (status == CsvReader::Status::unterminated_quote)
            throw std::runtime_error(fmt::format("{}: unterminated quote opened on line {} of the section", where, reader.quote_line()));
        std::vector<std::string> cells(rec.cells.begin(), rec.cells.end());
        if (first) {
            for (auto& c : cells) {
                auto b = c.find_first_not_of(" \t"), e = c.find_last_not_of(" \t");
                c = b == std::string::npos ? std::string() : c.substr(b, e - b + 1);
            }
            t.header = std::move(cells);
            first = false;
        } else {
            t.rows.push_back(std::move(cells));
        }
    }
    return t;
}

std::string quote(const std::string& cell) {
    if (cell.find_first_of(",\"\n\r") == std::string::npos) return cell;
    std::string out = "\"";
    for (char c : cell) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::string write_csv(const Table& t) {
    std::string out;
    auto line = [&](const std::vector<std::string>& cells) {
        for (std::size_t i = 0; i < cells.size(); ++i) out += (i ? "," : "") + quote(cells[i]);
        out += "\n";
    };
    line(t.header);
    for (const auto& r : t.rows) line(r);
    return out;
}

// Rows of `overlay` replace the base rows with the same id and are appended otherwise;
// columns are the base's, then any new ones.
Table merge(const Table& base, const Table& overlay, const std::string& where) {
    Table out = base;
    std::vector<std::size_t> column_of;
    for (const auto& h : overlay.header) {
        auto it = std::find(out.header.begin(), out.header.end(), h);
        if (it == out.header.end()) {
            out.header.push_back(h);
            for (auto& r : out.rows) r.resize(out.header.size());
            column_of.push_back(out.header.size() - 1);
        } else {
            column_of.push_back(static_cast<std::size_t>(it - out.header.begin()));
        }
    }
    for (auto& r : out.rows) r.resize(out.header.size());
    auto id_col = std::find(out.header.begin(), out.header.end(), "id");
    if (id_col == out.header.end()) throw std::runtime_error(fmt::format("{}: the rows need an id column to be merged", where));
    std::size_t id = static_cast<std::size_t>(id_col - out.header.begin());
    for (const auto& row : overlay.rows) {
        std::vector<std::string> full(out.header.size());
        for (std::size_t i = 0; i < row.size() && i < column_of.size(); ++i) full[column_of[i]] = row[i];
        auto existing = std::find_if(out.rows.begin(), out.rows.end(), [&](const auto& r) { return r[id] == full[id]; });
        if (existing != out.rows.end()) {
            // a merged row keeps the base's values in columns the overlay does not name
            for (std::size_t c = 0; c < full.size(); ++c)
                if (std::find(column_of.begin(), column_of.end(), c) != column_of.end()) (*existing)[c] = full[c];
        } else {
            out.rows.push_back(std::move(full));
        }
    }
    return out;
}

std::string read_all(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

void write_all(const fs::path& p, const std::string& text) {
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out) throw std::runtime_error(fmt::format("cannot write {}", p.string()));
}

}  // namespace

void write_case_bundle(const Case& c, const std::string& base_dir, const std::string& test_path, const std::string& out_dir) {
    fs::remove_all(out_dir);
    fs::create_directories(out_dir);
    if (!base_dir.empty()) {
        if (!fs::is_directory(base_dir))
            throw std::runtime_error(fmt::format("{}:{}: base bundle {} is not a directory", test_path, c.line, base_dir));
        for (const auto& entry : fs::directory_iterator(base_dir))
            if (entry.is_regular_file()) fs::copy_file(entry.path(), fs::path(out_dir) / entry.path().filename());
    }
    bool manifest_given = false;
    for (const auto& s : c.sections) {
        std::string where = fmt::format("{}:{}", test_path, s.line);
        fs::path target = fs::path(out_dir) / s.file;
        if (s.file == "bundle.json") manifest_given = true;
        switch (s.mode) {
        case Section::Mode::remove:
            fs::remove(target);
            break;
        case Section::Mode::replace:
            write_all(target, s.content);
            break;
        case Section::Mode::merge:
            if (target.extension() == ".csv" && fs::exists(target))
                write_all(target, write_csv(merge(parse_csv(read_all(target), where), parse_csv(s.content, where), where)));
            else
                write_all(target, s.content);
            break;
        }
    }
    if (!manifest_given) {
        fs::path manifest = fs::path(out_dir) / "bundle.json";
        nlohmann::ordered_json j = nlohmann::ordered_json::object();
        if (fs::exists(manifest)) {
            try {
                j = nlohmann::ordered_json::parse(read_all(manifest));
            } catch (const std::exception&) {
                j = nlohmann::ordered_json::object();
            }
        }
        if (!c.settings.as_of.empty()) j["as_of"] = c.settings.as_of;
        write_all(manifest, j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
    }
}

}  // namespace shall::ruletest
