#pragma once
// The evidence graph: one vertex per record (its global index), one edge per resolved
// reference, labelled with the reference field. Built once, then frozen into a
// bidirectional compressed sparse row graph so that navigation in both directions
// (a change's approvers; the incidents that point at a CI) is a contiguous scan.
#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <cstdint>
#include <vector>

#include "../evidence/store.hpp"

namespace shall {

struct EdgeLabel {
    std::uint32_t field = 0;   // FieldKey: type index << 16 | field index of the referencing field
};

using CsrGraph = boost::compressed_sparse_row_graph<boost::bidirectionalS, boost::no_property, EdgeLabel,
                                                    boost::no_property, std::uint32_t, std::uint32_t>;

inline std::uint32_t field_key(const RecordType& type, const FieldDecl& field) {
    return static_cast<std::uint32_t>(type.index << 16 | field.index);
}

class EvidenceGraph {
public:
    explicit EvidenceGraph(const EvidenceStore& store);
    // the records whose `field` (of `type`) references `target`, in record order
    void referrers(std::uint32_t target, std::uint32_t key, std::vector<std::uint32_t>& out) const;
    // the records `field` of `source` references, in the order written
    void referenced(std::uint32_t source, std::uint32_t key, std::vector<std::uint32_t>& out) const;
    std::size_t vertices() const { return boost::num_vertices(graph_); }
    std::size_t edges() const { return boost::num_edges(graph_); }
private:
    CsrGraph graph_;
};

}  // namespace shall
