#pragma once
// Moves a LoadedFile (a whole type file, or one piece of one) into the store, after the rows of
// the pieces of that file merged before it.
#include <vector>

#include "issue_log.hpp"
#include "loaded_file.hpp"

namespace shall {

// String ids are re-interned in the store's pool and list offsets shifted. A row whose id an
// earlier piece of the file already has is dropped and reported, as a duplicate within one piece
// is: the store is the same whichever way the file was cut.
void merge_piece(EvidenceStore& store, std::size_t type_index, LoadedFile& piece, std::vector<Issue>& issues);

}  // namespace shall
