#pragma once
// The evidence graph: one vertex per record (its global index), one edge per resolved
// reference. A reference's forward direction (a change's approvers) is the store's own
// reference column; going back, from a record to the records that point at it (the incidents
// that name a CI), uses one compressed sparse row graph per reference field, from the rows of
// the field's target type to the referencing records, so that it is one contiguous scan.
#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "../evidence/store.hpp"

namespace shall {

// Vertices: the rows of one record type; edges: to the global index of each record that
// references that row through one field.
using ReverseCsrGraph = boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, boost::no_property,
                                                           boost::no_property, std::uint32_t, std::uint32_t>;

inline std::uint32_t field_key(const RecordType& type, const FieldDecl& field) {
    return static_cast<std::uint32_t>(type.index << 16 | field.index);
}

class EvidenceGraph {
public:
    // `threads` build the reverse graphs of different fields side by side (0 = all cores).
    explicit EvidenceGraph(const EvidenceStore& store, unsigned threads = 1);
    // the records whose `field` (of `type`) references `target`, in record order
    void referrers(std::uint32_t target, std::uint32_t key, std::vector<std::uint32_t>& out) const;
    // The same records where the graph holds them, without copying: when the field's reverse
    // graph lists each target's referrers in record order and once each (always for a single
    // reference; a list naming a record twice, or out of order, gives nothing: use referrers()).
    std::optional<std::span<const std::uint32_t>> referrers_in_place(std::uint32_t target, std::uint32_t key) const;
    // the records `field` of `source` references, in the order written
    void referenced(std::uint32_t source, std::uint32_t key, std::vector<std::uint32_t>& out) const;
    std::size_t vertices() const { return store_->record_count; }
    std::size_t edges() const { return edges_; }
private:
    struct ReverseIndex {
        std::uint32_t key;     // field_key of the referencing field
        std::uint32_t first;   // global index of the target type's row 0
        ReverseCsrGraph graph;
        bool ordered = false;   // every target's referrers in record order, none twice
    };
    const ReverseIndex* reverse_index(std::uint32_t key) const;
    const EvidenceStore* store_;
    std::vector<ReverseIndex> reverse_;   // by key
    std::size_t edges_ = 0;
};

}  // namespace shall
