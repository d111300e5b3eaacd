#pragma once
// One type file read on its own (possibly on a worker thread): the table with string ids and
// list offsets local to this file, and the problems found. The bundle loader merges these into
// the EvidenceStore in schema order, so the result never depends on which thread read what.
#include <string>
#include <vector>

#include "issue_log.hpp"
#include "store.hpp"
#include "text_interner.hpp"

namespace shall {

struct LoadedFile {
    LoadedFile(const RecordType& type, std::string file);
    TypeTable table;                 // presence, lines, columns; ids below are local
    TextInterner strings;            // Tag::text / Tag::dangling_ref ids point here
    Values list_items;               // Tag::list offsets point here
    IssueLog log;
};

// An absent table of `type`: no rows, every column absent.
TypeTable absent_table(const RecordType& type);

}  // namespace shall
