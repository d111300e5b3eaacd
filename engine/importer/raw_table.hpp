#pragma once
// A raw export read into memory: header, rows of cells (views into the file text), and the
// rows that could not be read at all (ragged, unterminated quote), each with its line.
#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace shall::importer {

struct Rejection {
    std::uint32_t line = 0;
    std::string reason;
};

struct RawTable {
    std::string path;   // as given
    std::string name;   // file name, as reports show it
    std::vector<std::string> header;
    std::vector<std::uint32_t> lines;         // physical line of each row
    std::vector<std::string_view> cells;      // row-major, header.size() per row
    std::vector<Rejection> rejected;          // rows that are not rows of the table

    std::size_t rows() const { return lines.size(); }
    std::size_t rows_read() const { return lines.size() + rejected.size(); }
    std::string_view cell(std::size_t row, std::size_t column) const { return cells[row * header.size() + column]; }
    std::optional<std::size_t> column(std::string_view name) const;

    std::unique_ptr<std::string> text;         // the file's bytes; cells point into it ...
    std::deque<std::string> unescaped;         // ... or into these (quoted cells with "" escapes)
};

// Throws std::runtime_error when the file cannot be read or has no header line.
RawTable read_csv_table(const std::string& path);

}  // namespace shall::importer
