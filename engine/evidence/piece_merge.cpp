#include "piece_merge.hpp"

#include <algorithm>

#include "table_builder.hpp"

namespace shall {

namespace {

bool holds_string(Tag t) { return t == Tag::text || t == Tag::dangling_ref; }

// Enters the piece's ids in the table's index; returns, per row, whether it is kept.
std::vector<bool> enter_ids(EvidenceStore& store, TypeTable& table, const TypeTable& piece, const std::vector<std::uint32_t>& remap,
                            std::vector<Issue>& issues, bool& dropped) {
    const std::vector<Value>& ids = piece.columns[0];
    std::vector<bool> keep(ids.size(), true);
    table.row_of_id.reserve(table.rows() + ids.size());
    auto next_row = static_cast<std::uint32_t>(table.rows());
    for (std::size_t r = 0; r < ids.size(); ++r) {
        if (r + 16 < ids.size()) table.row_of_id.prefetch(remap[static_cast<std::size_t>(ids[r + 16].i)]);
        std::uint32_t id = remap[static_cast<std::size_t>(ids[r].i)];
        auto [first_row, inserted] = table.row_of_id.insert(id, next_row);
        if (inserted) {
            ++next_row;
            continue;
        }
        keep[r] = false;
        dropped = true;
        issues.push_back(make_issue("error", table.file, piece.line[r], "duplicate-id",
                                    duplicate_id_message(store.strings.view(id), table.file, table.line[first_row])));
    }
    return keep;
}

// Removes the dropped rows from the piece, with their list items, keeping the items of the
// other rows in the order they were read.
void drop_rows(LoadedFile& piece, const std::vector<bool>& keep) {
    TypeTable& t = piece.table;
    std::vector<Value> items;
    items.reserve(piece.list_items.size());
    std::vector<Value*> lists;   // the list values of one row, by where their items were
    std::size_t kept = 0;
    for (std::size_t r = 0; r < keep.size(); ++r) {
        if (!keep[r]) continue;
        lists.clear();
        for (auto& column : t.columns)
            if (column[r].tag == Tag::list) lists.push_back(&column[r]);
        std::sort(lists.begin(), lists.end(), [](const Value* a, const Value* b) { return a->i < b->i; });
        for (Value* v : lists) {
            auto from = piece.list_items.begin() + v->i;
            v->i = static_cast<std::int64_t>(items.size());
            items.insert(items.end(), from, from + v->count);
        }
        for (auto& column : t.columns) column[kept] = column[r];
        for (auto& column : t.extra_columns) column[kept] = column[r];
        t.line[kept] = t.line[r];
        ++kept;
    }
    for (auto& column : t.columns) column.resize(kept);
    for (auto& column : t.extra_columns) column.resize(kept);
    t.line.resize(kept);
    piece.list_items = std::move(items);
}

}  // namespace

void merge_piece(EvidenceStore& store, std::size_t type_index, LoadedFile& piece, std::vector<Issue>& issues) {
    std::vector<std::uint32_t> remap(piece.strings.size());
    constexpr std::uint32_t ahead = 16;
    StringPool& pool = store.strings;
    pool.reserve(pool.size() + remap.size());   // no rehash while prefetching
    for (std::uint32_t i = 0; i < remap.size(); ++i) {
        if (i + ahead < remap.size()) pool.prefetch(piece.strings.hash(i + ahead));
        remap[i] = pool.intern(piece.strings.view(i), piece.strings.hash(i));
    }

    TypeTable& table = store.tables[type_index];
    TypeTable& from = piece.table;
    const bool first_piece = table.presence == Presence::absent;
    if (first_piece) {   // the table takes the piece's presence and columns
        table.presence = from.presence;
        table.file = from.file;
        table.column_present = from.column_present;
        table.extra_names = from.extra_names;
        table.columns.assign(from.columns.size(), {});
        table.extra_columns.assign(from.extra_columns.size(), {});
    }
    bool dropped = false;
    std::vector<bool> keep = enter_ids(store, table, from, remap, issues, dropped);
    if (dropped) drop_rows(piece, keep);

    auto list_base = static_cast<std::int64_t>(store.list_items.size());
    auto fix = [&](Value& v) {
        if (holds_string(v.tag)) v.i = remap[static_cast<std::size_t>(v.i)];
        else if (v.tag == Tag::list) v.i += list_base;
    };
    for (Value v : piece.list_items) {
        fix(v);
        store.list_items.push_back(v);
    }
    auto append = [&](std::vector<Value>& to, std::vector<Value>& rows) {
        for (Value& v : rows) fix(v);
        if (to.empty()) to = std::move(rows);
        else to.insert(to.end(), rows.begin(), rows.end());
    };
    for (std::size_t c = 0; c < table.columns.size(); ++c) append(table.columns[c], from.columns[c]);
    for (std::size_t c = 0; c < table.extra_columns.size(); ++c) append(table.extra_columns[c], from.extra_columns[c]);
    if (table.line.empty()) table.line = std::move(from.line);
    else table.line.insert(table.line.end(), from.line.begin(), from.line.end());
}

}  // namespace shall
