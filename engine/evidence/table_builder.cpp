#include "table_builder.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "text_util.hpp"

namespace shall {

TableBuilder::TableBuilder(LoadedFile& out)
    : out_(out), type_(*out.table.type), row_(type_.fields.size()), extra_row_(out.table.extra_names.size()) {}

std::string duplicate_id_message(std::string_view id, const std::string& file, std::uint32_t first_line) {
    return fmt::format("duplicate id {}: also at {}; this row is not imported, the first one is kept", id, source_text(file, first_line));
}

std::size_t TableBuilder::add_extra_column(std::string name) {
    TypeTable& t = out_.table;
    t.extra_names.push_back(std::move(name));
    t.extra_columns.emplace_back().assign_absent(t.rows());  // rows read before the column appeared lack it
    extra_row_.emplace_back();
    return t.extra_names.size() - 1;
}


FieldKind TableBuilder::item_kind(const FieldDecl& f) const {
    if (f.kind == FieldKind::ref) return FieldKind::ref;
    return f.item == FieldKind::list ? FieldKind::text : f.item;
}

void TableBuilder::reserve(std::size_t rows) { out_.table.reserve(rows); }

void TableBuilder::begin_row(std::uint32_t line) {
    line_ = line;
    rejected_ = false;
    list_start_ = out_.list_items.size();
    std::fill(row_.begin(), row_.end(), Value{});
    std::fill(extra_row_.begin(), extra_row_.end(), Value{});
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
    const FieldDecl& f = field(i);
    if (is_list_field(f)) {
        begin_items(i);
        while (!text.empty()) {
            std::size_t semi = text.find(';');
            add_item(text.substr(0, semi));
            text = semi == std::string_view::npos ? std::string_view() : text.substr(semi + 1);
        }
        end_items();
        return;
    }
    // parsed straight into the row (parse_value writes only a good value): a temporary copied
    // over would be read back whole before its two halves are stored, a stall on every cell
    ParseProblem p = parse_value(f.kind, f.enumeration, text, out_.strings, row_[i]);
    if (p != ParseProblem::none) report(p, f, f.kind, text, false);
}

void TableBuilder::begin_items(std::size_t i) {
    items_field_ = i;
    items_begin_ = out_.list_items.size();
}

void TableBuilder::add_item(std::string_view text) {
    text = trim(text);
    if (text.empty()) return;  // "a;;b" and trailing ';' carry no item
    const FieldDecl& f = field(items_field_);
    FieldKind kind = item_kind(f);
    Value& item = out_.list_items.emplace_back();   // parsed in place, as in set()
    ParseProblem p = parse_value(kind, f.enumeration, text, out_.strings, item);
    if (p == ParseProblem::none) return;
    out_.list_items.pop_back();
    report(p, f, kind, text, true);
}

void TableBuilder::end_items() {
    auto count = static_cast<std::uint32_t>(out_.list_items.size() - items_begin_);
    row_[items_field_] = count == 0 ? Value{} : Value::make_list(static_cast<std::int64_t>(items_begin_), count);
}

void TableBuilder::bad_item(std::string_view shown) {
    const FieldDecl& f = field(items_field_);
    report(ParseProblem::bad_value, f, item_kind(f), shown, true);
}

void TableBuilder::set_extra(std::size_t extra, std::string_view text) {
    text = trim(text);
    if (!text.empty()) extra_row_[extra] = Value::make_int(Tag::text, out_.strings.intern(text));
}

void TableBuilder::bad_value(std::size_t i, std::string_view shown) {
    const FieldDecl& f = field(i);
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
    const Value& id = row_[0];
    if (id.tag != Tag::text) {
        out_.log.error(line_, "missing-id", "the row has no id; it is not imported");
        return rollback();
    }
    auto key = static_cast<std::uint32_t>(id.i);
    if (key >= row_of_text_.size()) row_of_text_.resize(std::max<std::size_t>(key + 1, 2 * row_of_text_.size()), 0);
    std::uint32_t& seen = row_of_text_[key];
    if (seen != 0) {
        out_.log.error(line_, "duplicate-id", duplicate_id_message(out_.strings.view(key), out_.log.file(), t.line[seen - 1]));
        return rollback();
    }
    seen = static_cast<std::uint32_t>(t.rows()) + 1;
    for (std::size_t f = 0; f < row_.size(); ++f) t.columns[f].push_back(row_[f]);
    for (std::size_t e = 0; e < extra_row_.size(); ++e) t.extra_columns[e].push_back(extra_row_[e]);
    t.line.push_back(line_);
}

}  // namespace shall
