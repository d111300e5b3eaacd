#pragma once
// Turns the reference ids read from the files (Tag::dangling_ref, the id as written) into
// Tag::ref links to the target record. Ids that name no record stay Tag::dangling_ref, so rules
// still see the broken link, and are reported.
#include <vector>

#include "issue_log.hpp"
#include "store.hpp"

namespace shall {

void resolve_references(EvidenceStore& store, std::vector<Issue>& issues, unsigned threads = 1);

// The record type a reference field points at.
const RecordType* target_of(const Schema& schema, const FieldDecl& f);

}  // namespace shall
