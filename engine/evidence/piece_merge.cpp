#include "piece_merge.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <mutex>
#include <stdexcept>

#include "table_builder.hpp"

namespace shall {

namespace {

bool holds_string(Tag t) { return t == Tag::text || t == Tag::dangling_ref; }

// Enters the piece's ids in the table's index; returns, per row, whether it is kept. This is
// where a file's duplicate ids are found, within a piece as across pieces: the readers give
// every id a text of its own.
std::vector<bool> enter_ids(EvidenceStore& store, TypeTable& table, const TypeTable& piece, const std::vector<std::uint32_t>& remap,
                            std::vector<Issue>& issues, bool& dropped, CopiesInFlight& copies) {
    const Column& ids = piece.columns[0];
    std::vector<bool> keep(ids.size(), true);
    table.row_of_id.reserve(table.rows() + ids.size());
    const auto base = static_cast<std::uint32_t>(table.rows());
    std::vector<std::uint32_t> kept;   // the piece row of each kept row (table row base + k)
    kept.reserve(ids.size());
    for (std::size_t r = 0; r < ids.size(); ++r) {
        if (r + 16 < ids.size()) table.row_of_id.prefetch(remap[static_cast<std::size_t>(ids[r + 16].i)]);
        std::uint32_t id = remap[static_cast<std::size_t>(ids[r].i)];
        auto [first_row, inserted] = table.row_of_id.insert(id, base + static_cast<std::uint32_t>(kept.size()));
        if (inserted) {
            kept.push_back(static_cast<std::uint32_t>(r));
            continue;
        }
        keep[r] = false;
        dropped = true;
        std::uint32_t first_line = 0;
        if (first_row >= base) {
            first_line = piece.line[kept[first_row - base]];
        } else {
            copies.wait_idle();   // the first row's line may still be on its way into the table
            first_line = table.line[first_row];
        }
        issues.push_back(make_issue("error", table.file, piece.line[r], "duplicate-id",
                                    duplicate_id_message(store.strings.view(id), table.file, first_line)));
    }
    return keep;
}

// Removes the dropped rows from the piece, with their list items, keeping the items of the
// other rows in the order they were read.
void drop_rows(LoadedFile& piece, const std::vector<bool>& keep) {
    TypeTable& t = piece.table;
    Values items;
    items.reserve(piece.list_items.size());
    struct ListCell {
        Column* column;
        Value value;
    };
    std::vector<ListCell> lists;   // the list values of one row, by where their items were
    std::size_t kept = 0;
    for (std::size_t r = 0; r < keep.size(); ++r) {
        if (!keep[r]) continue;
        for (auto& column : t.columns) column.copy_rows(kept, column, r, 1);
        for (auto& column : t.extra_columns) column.copy_rows(kept, column, r, 1);
        t.line[kept] = t.line[r];
        lists.clear();
        for (auto& column : t.columns)
            if (Value v = column[kept]; v.tag == Tag::list) lists.push_back({&column, v});
        std::sort(lists.begin(), lists.end(), [](const ListCell& a, const ListCell& b) { return a.value.i < b.value.i; });
        for (ListCell& list : lists) {
            auto from = piece.list_items.begin() + list.value.i;
            list.column->set(kept, Value::make_list(static_cast<std::int64_t>(items.size()), list.value.count));
            items.insert(items.end(), from, from + list.value.count);
        }
        ++kept;
    }
    for (auto& column : t.columns) column.resize(kept);
    for (auto& column : t.extra_columns) column.resize(kept);
    t.line.resize(kept);
    piece.list_items = std::move(items);
}

}  // namespace

void CopiesInFlight::start() {
    std::lock_guard lock(mutex_);
    ++count_;
}

void CopiesInFlight::finish() {
    std::lock_guard lock(mutex_);
    if (--count_ == 0) idle_.notify_all();
}

void CopiesInFlight::wait_idle() {
    std::unique_lock lock(mutex_);
    idle_.wait(lock, [&] { return count_ == 0; });
}

namespace {

// Room for n more values at the end of `v` without moving it (waiting for copies into it first).
template <class Vector>
void make_room(Vector& v, std::size_t n, CopiesInFlight& copies) {
    if (v.size() + n <= v.capacity()) return;
    copies.wait_idle();
    v.reserve(std::max(v.size() + n, 2 * v.capacity()));
}

}  // namespace

PieceCopy prepare_merge(EvidenceStore& store, std::size_t type_index, LoadedFile& piece, std::vector<Issue>& issues,
                        CopiesInFlight& copies, std::size_t expected_rows) {
    PieceCopy copy;
    copy.piece = &piece;
    copy.store = &store;
    copy.table = &store.tables[type_index];
    copy.copies = &copies;
    std::vector<std::uint32_t>& remap = copy.remap;
    remap.resize(piece.strings.size());
    // three steps ahead of interning, each waiting for the one before to reach the cache:
    // the slot, the view in it, the text of that view
    constexpr std::uint32_t ahead = 8;
    StringPool& pool = store.strings;
    pool.reserve(pool.size() + remap.size());   // no rehash while prefetching
    const auto count = static_cast<std::uint32_t>(remap.size());
    for (std::uint32_t i = 0; i < count; ++i) {
        if (i + 3 * ahead < count) pool.prefetch(piece.strings.hash(i + 3 * ahead));
        if (i + 2 * ahead < count) pool.prefetch_view(piece.strings.hash(i + 2 * ahead));
        if (i + ahead < count) pool.prefetch_text(piece.strings.hash(i + ahead));
        remap[i] = pool.intern(piece.strings.view(i), piece.strings.hash(i));
    }
    if (pool.size() > max_string_cell_ids)   // a cell names a text in 30 bits
        throw std::length_error(fmt::format("the bundle has more than {} distinct texts", max_string_cell_ids));

    TypeTable& table = *copy.table;
    TypeTable& from = piece.table;
    if (table.presence == Presence::absent) {   // the first piece: the table takes its presence and columns
        table.presence = from.presence;
        table.file = from.file;
        table.column_present = from.column_present;
        table.extra_names = from.extra_names;
        table.columns.clear();
        for (const Column& column : from.columns) table.columns.push_back(column.like());
        table.extra_columns.assign(from.extra_columns.size(), Column());
        table.reserve(expected_rows);   // nothing is being copied into this table yet
        table.row_of_id.reserve(expected_rows);
    }
    bool dropped = false;
    std::vector<bool> keep = enter_ids(store, table, from, remap, issues, dropped, copies);
    if (dropped) drop_rows(piece, keep);

    // Whole numbers and datetimes take 4 bytes a row until some piece holds one that needs 8;
    // then the store's column and every piece after it are 8 (rows are copied as they are, so
    // widths must agree).
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
        Column &to = table.columns[c], &piece_column = from.columns[c];
        if (to.width() == piece_column.width()) continue;
        if (widens(to.width())) {
            copies.wait_idle();   // no copy may be writing into the rows being re-encoded
            to.widen();
        } else {
            piece_column.widen();
        }
    }

    // the rows' place: grown now, in merge order; filled by the copy, possibly on another thread
    const std::size_t n = from.line.size();
    make_room(store.list_items, piece.list_items.size(), copies);
    for (auto& column : table.columns) make_room(column, n, copies);
    for (auto& column : table.extra_columns) make_room(column, n, copies);
    make_room(table.line, n, copies);
    copy.list_base = store.list_items.size();
    copy.row_base = table.line.size();
    store.list_items.resize(copy.list_base + piece.list_items.size());
    for (auto& column : table.columns) column.resize(copy.row_base + n);
    for (auto& column : table.extra_columns) column.resize(copy.row_base + n);
    table.line.resize(copy.row_base + n);
    copies.start();
    return copy;
}

void PieceCopy::operator()() {
    struct Finish {   // whatever happens, the merge must not wait for this copy for ever
        CopiesInFlight* copies;
        ~Finish() { copies->finish(); }
    } finish{copies};
    const auto list_offset = static_cast<std::int64_t>(list_base);
    Value* items = store->list_items.data() + list_base;
    for (std::size_t i = 0; i < piece->list_items.size(); ++i) {
        Value v = piece->list_items[i];
        if (holds_string(v.tag)) v.i = remap[static_cast<std::size_t>(v.i)];
        items[i] = v;
    }
    // cells are copied as they are, but for string ids (renumbered in the store's pool) and list
    // offsets (moved to where the piece's items went)
    auto fill = [&](Column& to, const Column& from) {
        const std::size_t n = from.size();
        switch (from.layout()) {
            case Column::Layout::string:
                with_width(from.width(), [&](auto w) {
                    const unsigned char* cells = from.cells();
                    unsigned char* into = to.cells();
                    for (std::size_t r = 0; r < n; ++r) {
                        const std::uint64_t cell = load_cell<w()>(cells, r);
                        const auto tag = static_cast<Tag>(cell >> 32);
                        store_cell<w()>(into, row_base + r, holds_string(tag) ? (cell & ~std::uint64_t{0xffffffff}) | remap[static_cast<std::uint32_t>(cell)] : cell);
                    }
                });
                return;
            case Column::Layout::list:
                for (std::size_t r = 0; r < n; ++r) {
                    const Value v = from[r];
                    to.set_cell(row_base + r, v.tag == Tag::list ? to.encode(Value::make_list(v.i + list_offset, v.count)) : from.cell(r));
                }
                return;
            case Column::Layout::whole:
            case Column::Layout::decimal: to.copy_rows(row_base, from, 0, n); return;
        }
    };
    TypeTable& from = piece->table;
    for (std::size_t c = 0; c < table->columns.size(); ++c) fill(table->columns[c], from.columns[c]);
    for (std::size_t c = 0; c < table->extra_columns.size(); ++c) fill(table->extra_columns[c], from.extra_columns[c]);
    std::copy(from.line.begin(), from.line.end(), table->line.data() + row_base);
    *piece = LoadedFile(*from.type, piece->log.file());   // the piece's memory is not needed any more
}

}  // namespace shall
