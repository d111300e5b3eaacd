#include "evidence_graph.hpp"

#include <algorithm>

namespace shall {

EvidenceGraph::EvidenceGraph(const EvidenceStore& store) {
    std::vector<std::pair<std::uint32_t, std::uint32_t>> edges;
    std::vector<EdgeLabel> labels;
    const Schema& schema = store.schema();
    for (std::size_t t = 0; t < schema.types.size(); ++t) {
        const RecordType& type = *schema.types[t];
        const TypeTable& table = store.tables[t];
        for (const FieldDecl& f : type.fields) {
            if (f.kind != FieldKind::ref || f.index >= table.columns.size()) continue;
            const auto& column = table.columns[f.index];
            EdgeLabel label{field_key(type, f)};
            for (std::uint32_t row = 0; row < column.size(); ++row) {
                const Value& v = column[row];
                auto add = [&](const Value& item) {
                    if (item.tag == Tag::ref) {
                        edges.emplace_back(table.first + row, static_cast<std::uint32_t>(item.i));
                        labels.push_back(label);
                    }
                };
                if (v.tag == Tag::list)
                    for (std::uint32_t k = 0; k < v.count; ++k) add(store.list_items[static_cast<std::size_t>(v.i) + k]);
                else
                    add(v);
            }
        }
    }
    graph_ = CsrGraph(boost::edges_are_unsorted_multi_pass, edges.begin(), edges.end(), labels.begin(),
                      static_cast<std::uint32_t>(store.record_count));
}

void EvidenceGraph::referrers(std::uint32_t target, std::uint32_t key, std::vector<std::uint32_t>& out) const {
    out.clear();
    for (auto [it, end] = boost::in_edges(target, graph_); it != end; ++it)
        if (graph_[*it].field == key) out.push_back(static_cast<std::uint32_t>(boost::source(*it, graph_)));
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
}

void EvidenceGraph::referenced(std::uint32_t source, std::uint32_t key, std::vector<std::uint32_t>& out) const {
    out.clear();
    for (auto [it, end] = boost::out_edges(source, graph_); it != end; ++it)
        if (graph_[*it].field == key) out.push_back(static_cast<std::uint32_t>(boost::target(*it, graph_)));
}

}  // namespace shall
