#include "evidence_graph.hpp"

#include <algorithm>

namespace shall {

namespace {

// Calls add(target, item) for each item of a reference value that names a record.
template <class Add>
void for_each_target(const EvidenceStore& store, const Value& v, Add add) {
    if (v.tag == Tag::ref) add(static_cast<std::uint32_t>(v.i));
    if (v.tag != Tag::list) return;
    for (std::uint32_t k = 0; k < v.count; ++k) {
        const Value& item = store.list_items[static_cast<std::size_t>(v.i) + k];
        if (item.tag == Tag::ref) add(static_cast<std::uint32_t>(item.i));
    }
}

// Calls add(source, target, label) for every resolved reference of the store.
template <class Add>
void for_each_reference(const EvidenceStore& store, Add add) {
    const Schema& schema = store.schema();
    for (std::size_t t = 0; t < schema.types.size(); ++t) {
        const RecordType& type = *schema.types[t];
        const TypeTable& table = store.tables[t];
        for (const FieldDecl& f : type.fields) {
            if (f.kind != FieldKind::ref || f.index >= table.columns.size()) continue;
            const auto& column = table.columns[f.index];
            EdgeLabel label{field_key(type, f)};
            for (std::uint32_t row = 0; row < column.size(); ++row)
                for_each_target(store, column[row], [&](std::uint32_t target) { add(table.first + row, target, label); });
        }
    }
}

}  // namespace

EvidenceGraph::EvidenceGraph(const EvidenceStore& store) : store_(&store) {
    std::size_t count = 0;   // counted first: the edge lists of a big bundle are too big to regrow
    for_each_reference(store, [&count](std::uint32_t, std::uint32_t, EdgeLabel) { ++count; });
    std::vector<std::pair<std::uint32_t, std::uint32_t>> edges;
    std::vector<EdgeLabel> labels;
    edges.reserve(count);
    labels.reserve(count);
    for_each_reference(store, [&](std::uint32_t source, std::uint32_t target, EdgeLabel label) {
        edges.emplace_back(target, source);
        labels.push_back(label);
    });
    reversed_ = ReverseCsrGraph(boost::edges_are_unsorted_multi_pass, edges.begin(), edges.end(), labels.begin(),
                                static_cast<std::uint32_t>(store.record_count));
}

void EvidenceGraph::referrers(std::uint32_t target, std::uint32_t key, std::vector<std::uint32_t>& out) const {
    out.clear();
    for (auto [it, end] = boost::out_edges(target, reversed_); it != end; ++it)
        if (reversed_[*it].field == key) out.push_back(static_cast<std::uint32_t>(boost::target(*it, reversed_)));
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
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
