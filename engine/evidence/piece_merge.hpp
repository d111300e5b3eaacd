#pragma once
// Moves a LoadedFile (a whole type file, or one piece of one) into the store, after the rows of
// the pieces of that file merged before it.
#include <condition_variable>
#include <mutex>
#include <vector>

#include "issue_log.hpp"
#include "loaded_file.hpp"

namespace shall {

// String ids are re-interned in the store's pool and list offsets shifted. A row whose id an
// earlier piece of the file already has is dropped and reported, as a duplicate within one piece
// is: the store is the same whichever way the file was cut.
//
// Merging takes two steps, so that pieces can be merged in order on one thread at a time while
// the bulk of the work, filling the rows' place in the store, runs on any thread:
// prepare_merge interns the strings, enters the ids and grows the store's columns (waiting for
// copies in flight whenever a column must move); the PieceCopy it returns fills the rows.
class CopiesInFlight {
public:
    void start();
    void finish();
    void wait_idle();
private:
    std::mutex mutex_;
    std::condition_variable idle_;
    std::size_t count_ = 0;
};

struct PieceCopy {
    LoadedFile* piece = nullptr;
    EvidenceStore* store = nullptr;
    TypeTable* table = nullptr;
    CopiesInFlight* copies = nullptr;
    std::vector<std::uint32_t> remap;   // the piece's text numbers -> the store's
    std::size_t row_base = 0, list_base = 0;
    void operator()();                  // fills the rows and frees the piece
};

// expected_rows: for a file's first piece, the rows the whole file is expected to have (0: unknown).
PieceCopy prepare_merge(EvidenceStore& store, std::size_t type_index, LoadedFile& piece, std::vector<Issue>& issues,
                        CopiesInFlight& copies, std::size_t expected_rows = 0);

}  // namespace shall
