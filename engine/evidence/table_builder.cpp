#include "table_builder.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "text_util.hpp"

namespace shall {

TableBuilder::TableBuilder(LoadedFile& out) : out_(out), row_(out.table.rows()), room_(row_) {
    for (const FieldDecl& f : out.table.type->fields) {
        const bool list = is_list_field(f);
        FieldKind kind = f.kind;
        if (list && f.kind != FieldKind::ref) kind = f.item == FieldKind::list ? FieldKind::text : f.item;
        fields_.push_back({&f, kind, list});
    }
    make_room(row_ + 1);
}

TableBuilder::~TableBuilder() {
    TypeTable& t = out_.table;
    for (auto& column : t.columns) column.resize(t.rows());
    for (auto& column : t.extra_columns) column.resize(t.rows());
}

void TableBuilder::make_room(std::size_t rows) {
    if (rows <= room_) return;
    TypeTable& t = out_.table;
    t.line.reserve(rows);
    for (auto& column : t.columns) column.resize(rows);   // unwritten: each row writes all its cells
    for (auto& column : t.extra_columns) column.resize(rows);
    room_ = rows;
    find_cells();
}

void TableBuilder::find_cells() {
    for (AbsentCells& group : absent_cells_) group.clear();
    auto add = [&](Column& column) { absent_cells_[static_cast<std::size_t>(column.width())].emplace_back(column.cells(), column.encode(Value{})); };
    for (auto& column : out_.table.columns) add(column);
    for (auto& column : out_.table.extra_columns) add(column);
}

std::string duplicate_id_message(std::string_view id, const std::string& file, std::uint32_t first_line) {
    return fmt::format("duplicate id {}: also at {}; this row is not imported, the first one is kept", id, source_text(file, first_line));
}

std::size_t TableBuilder::add_extra_column(std::string name) {
    TypeTable& t = out_.table;
    t.extra_names.push_back(std::move(name));
    t.extra_columns.emplace_back().assign_absent(room_);  // rows read before the column appeared lack it
    find_cells();
    return t.extra_names.size() - 1;
}


void TableBuilder::reserve(std::size_t rows) { make_room(rows); }

void TableBuilder::begin_row(std::uint32_t line) {
    line_ = line;
    rejected_ = false;
    list_start_ = out_.list_items.size();
    if (row_ == room_) make_room(std::max<std::size_t>(64, 2 * room_));
    for (std::size_t w = 0; w < absent_cells_.size(); ++w)
        with_width(static_cast<CellWidth>(w), [&](auto width) {
            for (const auto& [cells, absent] : absent_cells_[w]) store_cell<width()>(cells, row_, absent);
        });
}

void TableBuilder::report(ParseProblem problem, const FieldDecl& f, FieldKind kind, std::string_view text, bool item) {
    std::string what = item ? f.name + " item" : f.name;
    switch (problem) {
        case ParseProblem::none: return;
        case ParseProblem::bad_value:
            out_.log.error(line_, "bad-value", fmt::format("{} {} is not {}", what, quote_value(text), expected_text(kind, f.enumeration)));
            return;
        case ParseProblem::out_of_range:
            out_.log.error(line_, "bad-value", fmt::format("{} {} is out of range for a whole number", what, quote_value(text)));
            return;
        case ParseProblem::unknown_enum:
            out_.log.error(line_, "unknown-enum-value",
                           fmt::format("{} {} is not {}", what, quote_value(text), expected_text(kind, f.enumeration)));
            return;
    }
}

void TableBuilder::set(std::size_t i, std::string_view text) {
    text = trim(text);
    if (text.empty()) return;
    const FieldPlan& f = fields_[i];
    if (f.list) {
        begin_items(i);
        while (!text.empty()) {
            std::size_t semi = text.find(';');
            add_item(text.substr(0, semi));
            text = semi == std::string_view::npos ? std::string_view() : text.substr(semi + 1);
        }
        end_items();
        return;
    }
    if (i == 0) {   // the id: a record's own, so not looked up among the file's texts
        put(out_.table.columns[0], Value::make_int(Tag::text, out_.strings.append(text)));
        return;
    }
    Value v;   // stays absent unless the text parses
    ParseProblem p = parse_value(f.kind, f.decl->enumeration, text, out_.strings, v);
    put(out_.table.columns[i], v);
    if (p != ParseProblem::none) report(p, *f.decl, f.kind, text, false);
}

void TableBuilder::begin_items(std::size_t i) {
    items_field_ = i;
    items_begin_ = out_.list_items.size();
}

void TableBuilder::add_item(std::string_view text) {
    text = trim(text);
    if (text.empty()) return;  // "a;;b" and trailing ';' carry no item
    const FieldPlan& f = fields_[items_field_];
    Value& item = out_.list_items.emplace_back();   // parsed in place: a temporary copied over would stall
    ParseProblem p = parse_value(f.kind, f.decl->enumeration, text, out_.strings, item);
    if (p == ParseProblem::none) return;
    out_.list_items.pop_back();
    report(p, *f.decl, f.kind, text, true);
}

void TableBuilder::end_items() {
    auto count = static_cast<std::uint32_t>(out_.list_items.size() - items_begin_);
    put(out_.table.columns[items_field_], count == 0 ? Value{} : Value::make_list(static_cast<std::int64_t>(items_begin_), count));
}

void TableBuilder::bad_item(std::string_view shown) {
    const FieldPlan& f = fields_[items_field_];
    report(ParseProblem::bad_value, *f.decl, f.kind, shown, true);
}

void TableBuilder::set_extra(std::size_t extra, std::string_view text) {
    text = trim(text);
    if (!text.empty()) put(out_.table.extra_columns[extra], Value::make_int(Tag::text, out_.strings.intern(text)));
}

void TableBuilder::bad_value(std::size_t i, std::string_view shown) {
    const FieldDecl& f = *fields_[i].decl;
    report(ParseProblem::bad_value, f, f.kind, shown, false);
}

void TableBuilder::reject_row(std::string code, std::string message) {
    rejected_ = true;
    out_.log.error(line_, std::move(code), std::move(message));
}

void TableBuilder::rollback() { out_.list_items.resize(list_start_); }

void TableBuilder::end_row() {
    if (rejected_) return rollback();
    TypeTable& t = out_.table;
    const Value id = t.columns[0][row_];
    if (id.tag != Tag::text) {
        out_.log.error(line_, "missing-id", "the row has no id; it is not imported");
        return rollback();
    }
    t.line.push_back(line_);
    ++row_;
}

}  // namespace shall
