#pragma once
// Fills a LoadedFile row by row from text values (CSV cells, JSONL scalars), parsing each per
// its FieldDecl and reporting every problem with the row's line. A row is committed only when
// it has an id; ids seen twice are found when the file is merged into the store (piece_merge).
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "loaded_file.hpp"
#include "value_parse.hpp"

namespace shall {

// The evidence-quality message for a row whose id was already seen at `file`:`first_line`.
std::string duplicate_id_message(std::string_view id, const std::string& file, std::uint32_t first_line);


class TableBuilder {
public:
    explicit TableBuilder(LoadedFile& out);
    ~TableBuilder();   // leaves the table's columns as long as its committed rows
    TableBuilder(const TableBuilder&) = delete;
    TableBuilder& operator=(const TableBuilder&) = delete;

    std::size_t add_extra_column(std::string name);  // an unknown column, kept as text

    void reserve(std::size_t rows);   // room for this many rows in all, to spare regrowing
    void begin_row(std::uint32_t line);
    // A CSV cell or JSON scalar: trimmed; empty = absent; lists are split on ';'.
    void set(std::size_t field, std::string_view text);
    // A JSON array for a list or `-> T*` field, item by item.
    void begin_items(std::size_t field);
    void add_item(std::string_view text);
    void end_items();
    void bad_item(std::string_view shown);  // an array element that is itself an array or object
    void set_extra(std::size_t extra, std::string_view text);
    // A value that cannot stand for the field at all (e.g. a JSON object); `shown` is its text.
    void bad_value(std::size_t field, std::string_view shown);
    // The row as a whole is unusable; it is not committed.
    void reject_row(std::string code, std::string message);
    void end_row();

private:
    // What set() needs of a field, looked up once instead of per cell.
    struct FieldPlan {
        const FieldDecl* decl;
        FieldKind kind;        // of the value, or of each item of a list
        bool list;
    };
    void report(ParseProblem problem, const FieldDecl& f, FieldKind kind, std::string_view text, bool item);
    void rollback();
    void make_room(std::size_t rows);
    void put(Column& column, const Value& v) {
        const CellWidth before = column.width();
        column.set(row_, v);
        if (column.width() != before) find_cells();   // a whole number or datetime widened the column: its cells moved
    }

    LoadedFile& out_;
    std::vector<FieldPlan> fields_;
    // Where begin_row writes each column's absent cell, by width; found again whenever the
    // columns move (make_room, add_extra_column).
    void find_cells();
    using AbsentCells = std::vector<std::pair<unsigned char*, std::uint64_t>>;   // cells, the absent (8-byte) cell
    std::array<AbsentCells, cell_widths> absent_cells_;   // [CellWidth]
    std::uint32_t line_ = 0;
    bool rejected_ = false;
    // The row being built is written in place at index row_ of every column (which are kept
    // longer than the table, up to room_ rows); it counts only once end_row commits its line.
    std::size_t row_ = 0;
    std::size_t room_ = 0;
    std::size_t list_start_ = 0;   // list_items size when the row began (rolled back on reject)
    std::size_t items_field_ = 0;  // the list being built by begin_items/add_item
    std::size_t items_begin_ = 0;
};

}  // namespace shall
