#include "column.hpp"

#include "../../dsl/check/schema.hpp"

namespace shall {

bool is_list_field(const FieldDecl& f) { return f.kind == FieldKind::list || (f.kind == FieldKind::ref && f.many); }

Column Column::for_field(const FieldDecl& f) {
    if (is_list_field(f)) return {Layout::list, Tag::list};
    switch (f.kind) {
        case FieldKind::text:
        case FieldKind::ref: return {Layout::string, Tag::text, CellWidth::four_string};
        case FieldKind::decimal: return {Layout::decimal, Tag::decimal};
        case FieldKind::int_: return {Layout::whole, Tag::int_, CellWidth::four};   // widens for bigger numbers
        case FieldKind::bool_: return {Layout::whole, Tag::bool_, CellWidth::one};
        case FieldKind::date: return {Layout::whole, Tag::date, CellWidth::four};
        case FieldKind::datetime: return {Layout::whole, Tag::datetime, CellWidth::four_seconds};   // widens for milliseconds
        case FieldKind::enum_: {
            const bool small = f.enumeration && f.enumeration->values.size() < Column::absent_one;
            return {Layout::whole, Tag::enum_, small ? CellWidth::one : CellWidth::eight};
        }
        case FieldKind::list: break;
    }
    return {Layout::list, Tag::list};
}

void Column::widen() {
    if (!widens(width_)) return;
    const std::size_t rows = size();
    std::vector<unsigned char, FilledLater<unsigned char>> wide;
    wide.reserve(capacity() << 3);
    wide.resize(rows << 3);
    for (std::size_t r = 0; r < rows; ++r) store_cell<CellWidth::eight>(wide.data(), r, load_cell(width_, cells_.data(), r));
    cells_ = std::move(wide);
    width_ = CellWidth::eight;
}

}  // namespace shall
