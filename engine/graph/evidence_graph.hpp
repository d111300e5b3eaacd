#pragma once
// The evidence graph: one vertex per record (its global index), one edge per resolved
// reference, labelled with the reference field. A reference's forward direction (a change's
// approvers) is the store's own reference column; the graph keeps every edge reversed in a
// compressed sparse row graph, so that going from a record to the records that point at it
// (the incidents that name a CI) is one contiguous scan.
#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <cstdint>
#include <vector>

#include "../evidence/store.hpp"

namespace shall {

struct EdgeLabel {
    std::uint32_t field = 0;   // FieldKey: type index << 16 | field index of the referencing field
};

// Edges run from the referenced record to the referencing one.
using ReverseCsrGraph = boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, EdgeLabel,
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
    std::size_t vertices() const { return boost::num_vertices(reversed_); }
    std::size_t edges() const { return boost::num_edges(reversed_); }
private:
    const EvidenceStore* store_;
    ReverseCsrGraph reversed_;
};

}  // namespace shall
