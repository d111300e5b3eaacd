#include "evidence_graph.hpp"

#include <algorithm>
#include <functional>
#include <utility>

#include "../evidence/parallel.hpp"
#include "../evidence/references.hpp"

namespace shall {

namespace {

// Calls add(target) for each item of a reference value that names a record.
template <class Add>
void for_each_target(const EvidenceStore& store, const Value& v, Add add) {
    if (v.tag == Tag::ref) add(static_cast<std::uint32_t>(v.i));
    if (v.tag != Tag::list) return;
    for (std::uint32_t k = 0; k < v.count; ++k) {
        const Value& item = store.list_items[static_cast<std::size_t>(v.i) + k];
        if (item.tag == Tag::ref) add(static_cast<std::uint32_t>(item.i));
    }
}

// The referrers of each target, as the graph stores them side by side (Boost keeps the
// column array public for its own algorithms; it is read, never changed).
std::span<const std::uint32_t> stored_targets(const ReverseCsrGraph& g, std::uint32_t vertex) {
    const auto& rows = g.m_forward.m_rowstart;
    return {g.m_forward.m_column.data() + rows[vertex], rows[vertex + 1] - rows[vertex]};
}

}  // namespace

EvidenceGraph::EvidenceGraph(const EvidenceStore& store, unsigned threads) : store_(&store) {
    const Schema& schema = store.schema();
    struct Field {
        const RecordType* type;
        const FieldDecl* field;
        const TypeTable* target;
    };
    std::vector<Field> fields;
    for (std::size_t t = 0; t < schema.types.size(); ++t) {
        const RecordType& type = *schema.types[t];
        for (const FieldDecl& f : type.fields) {
            const RecordType* target_type = target_of(schema, f);
            if (f.kind != FieldKind::ref || !target_type || f.index >= store.tables[t].columns.size()) continue;
            fields.push_back({&type, &f, &store.tables[target_type->index]});
        }
    }
    // one reverse graph per reference field, built side by side
    reverse_.resize(fields.size());
    std::vector<std::size_t> edge_counts(fields.size());
    std::vector<std::function<void()>> tasks;
    for (std::size_t n = 0; n < fields.size(); ++n)
        tasks.push_back([&, n] {
            const auto [type, f, target] = fields[n];
            const TypeTable& table = store.tables[type->index];
            const Column& column = table.columns[f->index];
            std::vector<std::pair<std::uint32_t, std::uint32_t>> edges;   // (target row, referencing record)
            // at most one a row for a single reference: room for them at once instead of doubling
            // up to millions (the part never written is never touched)
            if (!f->many) edges.reserve(column.size());
            bool named_twice = false;   // a list that names one record twice
            std::vector<std::uint32_t> named;
            for (std::uint32_t row = 0; row < column.size(); ++row) {
                const std::size_t row_edges = edges.size();
                for_each_target(store, column[row], [&](std::uint32_t to) { edges.emplace_back(to - target->first, table.first + row); });
                if (edges.size() - row_edges > 1 && !named_twice) {
                    named.clear();
                    for (std::size_t k = row_edges; k < edges.size(); ++k) named.push_back(edges[k].first);
                    std::sort(named.begin(), named.end());
                    named_twice = std::adjacent_find(named.begin(), named.end()) != named.end();
                }
            }
            edge_counts[n] = edges.size();
            ReverseIndex& index = reverse_[n];
            index = {field_key(*type, *f), target->first,
                     ReverseCsrGraph(boost::edges_are_unsorted_multi_pass, edges.begin(), edges.end(),
                                     static_cast<std::uint32_t>(target->rows()))};
            // Boost places each target's edges in the order given (a counting sort), which is
            // record order; only a record named twice by one list breaks "once each"
            index.ordered = !named_twice;
        });
    run_tasks(tasks, threads);
    for (auto count : edge_counts) edges_ += count;
    std::sort(reverse_.begin(), reverse_.end(), [](const ReverseIndex& a, const ReverseIndex& b) { return a.key < b.key; });
}

const EvidenceGraph::ReverseIndex* EvidenceGraph::reverse_index(std::uint32_t key) const {
    auto it = std::lower_bound(reverse_.begin(), reverse_.end(), key, [](const ReverseIndex& r, std::uint32_t k) { return r.key < k; });
    return it != reverse_.end() && it->key == key ? &*it : nullptr;
}

void EvidenceGraph::referrers(std::uint32_t target, std::uint32_t key, std::vector<std::uint32_t>& out) const {
    out.clear();
    const ReverseIndex* index = reverse_index(key);
    if (!index || target < index->first || target - index->first >= boost::num_vertices(index->graph)) return;
    for (auto [it, end] = boost::out_edges(target - index->first, index->graph); it != end; ++it)
        out.push_back(static_cast<std::uint32_t>(boost::target(*it, index->graph)));
    // in record order already when the graph keeps the order the edges were given in; a list
    // naming the same record twice gives it twice
    if (!std::is_sorted(out.begin(), out.end())) std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
}

std::optional<std::span<const std::uint32_t>> EvidenceGraph::referrers_in_place(std::uint32_t target, std::uint32_t key) const {
    const ReverseIndex* index = reverse_index(key);
    if (!index) return std::span<const std::uint32_t>{};
    if (!index->ordered) return std::nullopt;
    if (target < index->first || target - index->first >= boost::num_vertices(index->graph)) return std::span<const std::uint32_t>{};
    return stored_targets(index->graph, target - index->first);
}

void EvidenceGraph::referenced(std::uint32_t source, std::uint32_t key, std::vector<std::uint32_t>& out) const {
    out.clear();
    if (source >= store_->record_count) return;
    const auto [type, row] = store_->locate(source);
    const std::size_t field = key & 0xffff;
    const TypeTable& table = store_->tables[type];
    if (type != key >> 16 || field >= table.columns.size() || table.type->fields[field].kind != FieldKind::ref) return;
    for_each_target(*store_, table.columns[field][row], [&out](std::uint32_t target) { out.push_back(target); });
}

}  // namespace shall
