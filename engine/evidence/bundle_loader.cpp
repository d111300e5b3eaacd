// load_bundle: list the directory, read bundle.json and the type files, cut CSV files into
// pieces, parse the pieces in parallel (each into its own LoadedFile) and merge them into the
// store in a fixed order as they complete, then resolve references and order the
// evidence-quality log. Workers write nothing shared but their own piece, and merging follows
// one order, so the store is the same byte for byte whatever the number of threads.
#include <fmt/format.h>

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <algorithm>
#include <atomic>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <stdexcept>

#include "bundle_listing.hpp"
#include "csv_table.hpp"
#include "file_bytes.hpp"
#include "piece_merge.hpp"
#include "../../dsl/digest.hpp"
#include "loaded_file.hpp"
#include "manifest.hpp"
#include "parallel.hpp"
#include "references.hpp"
#include "store.hpp"
#include "type_file.hpp"

namespace shall {

namespace {

struct InputFile {
    std::string_view bytes() const { return storage.view(); }   // empty once freed
    std::string name;  // relative to the bundle directory
    FileBytes storage;
    bool ok = false;
    std::vector<Issue> issues;
};

void read_input(const std::string& dir, InputFile& in, const std::string& consequence, const EvidenceLimits& limits, bool may_map) {
    const std::string& name = in.name;
    std::string path = (std::filesystem::path(dir) / name).string();
    std::error_code too_large_error;
    if (auto size = std::filesystem::file_size(path, too_large_error); !too_large_error && size > limits.max_file_size) {
        in.issues.push_back(make_issue("error", name, 0, "file-too-large",
                                       fmt::format("{} is {} bytes, more than {} (--max-file-size); {}", name, size,
                                                   limits.max_file_size, consequence)));
        return;
    }
    if (int error = read_file_bytes(path, in.storage, may_map); error != 0) {
        in.issues.push_back(make_issue("error", name, 0, "unreadable-file",
                                       fmt::format("{} cannot be read ({}); {}", name, std::strerror(error), consequence)));
        return;
    }
    in.ok = true;
}

// One type file being read: its first piece (the whole file, unless it is a CSV file cut into
// pieces that workers read at the same time) and the pieces after it.
struct TypeFileRead {
    std::size_t type = 0;
    InputFile* input = nullptr;
    CsvLayout layout;                                   // CSV only
    std::vector<std::unique_ptr<LoadedFile>> pieces;    // [0] holds the header's problems
    std::string failure;                                // what a worker threw, if anything
    std::mutex failure_mutex;
    bool csv() const { return input->name.ends_with(".csv"); }
    // The file's bytes are freed when both the digest and the last piece's merge are done with them.
    std::atomic<int> byte_users{2};
    void release_bytes() {
        if (--byte_users > 0) return;
        if (input->storage.changed()) fail("another program cut it short while it was being read");
        input->storage = {};
    }
    void fail(const char* what) {
        std::lock_guard lock(failure_mutex);
        if (failure.empty()) failure = what;
    }
};

// Merges pieces into the store in a fixed order as soon as they are read, on whichever worker
// read the piece that completes a run, so that merging overlaps reading instead of following it.
class OrderedMerge {
public:
    // Step i merges piece i in order and returns what may then run on any thread (or nothing).
    using Step = std::function<std::function<void()>()>;
    explicit OrderedMerge(std::vector<Step> steps) : steps_(std::move(steps)), ready_(steps_.size(), false) {}
    void ready(std::size_t i) {
        std::unique_lock lock(mutex_);
        ready_[i] = true;
        while (!merging_ && next_ < ready_.size() && ready_[next_]) {   // else the worker merging now will see it
            merging_ = true;
            std::size_t k = next_;
            lock.unlock();
            std::function<void()> rest = steps_[k]();
            lock.lock();
            ++next_;
            merging_ = false;
            lock.unlock();
            if (rest) rest();   // while another worker may merge the next piece
            lock.lock();
        }
    }

private:
    std::vector<Step> steps_;
    std::mutex mutex_;
    std::vector<bool> ready_;
    std::size_t next_ = 0;
    bool merging_ = false;
};

// Runs `work`, turning an exception into the file's failure.
template <class Work>
void guarded(TypeFileRead& read, Work work) {
    try {
        work();
    } catch (const std::exception& e) {
        read.fail(e.what());
    }
}

// `count` things seen in a file's first piece, scaled to `bytes` of input like it.
std::size_t scaled_from_first_piece(std::size_t count, const TypeFileRead& read, std::size_t bytes) {
    const CsvPiece& first = read.layout.pieces[0];
    return count * bytes / std::max<std::size_t>(1, first.end - first.begin);
}

// Merges piece k of `read` into the store, in merge order: settles where the piece starts,
// enters its problems, strings and ids. Returns what is left to do on any thread: filling its
// rows, freeing it, and the file's bytes after its last piece.
std::function<void()> merge_step(TypeFileRead& read, std::size_t k, EvidenceStore& store, std::vector<Issue>& issues,
                                 CopiesInFlight& copies) {
    LoadedFile* file = read.pieces[k].get();
    const std::string_view bytes = read.input->bytes();
    std::function<void()> fill;
    guarded(read, [&] {
        if (!read.failure.empty()) return;
        if (k > 0) settle_csv_piece(bytes, read.layout, k, *file);
        // the piece's own problems come before the duplicates found on merging, as when the
        // file is read in one go
        for (Issue& i : file->log.issues) issues.push_back(std::move(i));
        file->log.issues.clear();
        const bool cut = read.pieces.size() > 1;
        std::size_t expected_rows = k == 0 && cut ? scaled_from_first_piece(file->table.rows(), read, bytes.size()) * 21 / 20 : 0;
        fill = prepare_merge(store, read.type, *file, issues, copies, expected_rows);
    });
    for (Issue& i : file->log.issues) issues.push_back(std::move(i));
    const bool last = k + 1 == read.pieces.size();
    return [&read, fill = std::move(fill), file, last] {
        if (fill) fill();
        else *file = LoadedFile(*file->table.type, file->log.file());   // free the piece's memory now
        if (last) read.release_bytes();
    };
}

// A unit of work for the pool; the biggest go first so that no worker is left with a long
// task at the end.
struct Task {
    std::size_t bytes;
    std::function<void()> run;
};

void run_largest_first(std::vector<Task>& tasks, unsigned threads) {
    std::stable_sort(tasks.begin(), tasks.end(), [](const Task& a, const Task& b) { return a.bytes > b.bytes; });
    std::vector<std::function<void()>> runs;
    for (Task& task : tasks) runs.push_back(std::move(task.run));
    run_tasks(runs, threads);
}

}  // namespace

EvidenceStore load_bundle(const Schema& schema, const std::string& dir, const LoadOptions& options) {
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) throw std::runtime_error(dir + ": no such bundle directory");

    EvidenceStore store(schema);
    store.path = dir;
    std::vector<Issue> issues;
    BundleListing listing = list_bundle(schema, dir, issues);

    // bundle.json first (when present), then the type files, read in parallel
    std::vector<InputFile> inputs;
    inputs.reserve(schema.types.size() + 1);
    IssueLog manifest_log("bundle.json");
    if (listing.has_manifest) {
        InputFile& manifest = inputs.emplace_back();
        manifest.name = "bundle.json";
        read_input(dir, manifest, "its settings are ignored", options.limits, false);
        for (Issue& i : manifest.issues) issues.push_back(std::move(i));
        if (manifest.ok) read_manifest(manifest.bytes(), store.info, manifest_log, options.limits);
    }
    settle_dates(store.info, options, manifest_log);
    for (Issue& i : manifest_log.issues) issues.push_back(std::move(i));
    std::vector<std::size_t> input_of_type(schema.types.size(), SIZE_MAX);
    std::vector<std::function<void()>> file_reads;
    for (std::size_t t = 0; t < schema.types.size(); ++t) {
        const std::string& name = listing.type_files[t];
        if (name.empty()) continue;
        input_of_type[t] = inputs.size();
        InputFile& in = inputs.emplace_back();
        in.name = name;
        file_reads.push_back([&dir, &in, consequence = schema.types[t]->name + " counts as absent", &options] {
            read_input(dir, in, consequence, options.limits, true);
        });
    }
    run_tasks(file_reads, options.threads);
    for (std::size_t t = 0; t < schema.types.size(); ++t) {
        if (input_of_type[t] == SIZE_MAX) continue;
        InputFile& in = inputs[input_of_type[t]];
        for (Issue& i : in.issues) issues.push_back(std::move(i));
    }
    for (std::size_t t = 0; t < schema.types.size(); ++t)
        if (input_of_type[t] != SIZE_MAX && !inputs[input_of_type[t]].ok) input_of_type[t] = SIZE_MAX;

    // Every CSV file is cut into pieces so that all workers stay busy even when one file holds
    // most of the bundle, and so that each piece's tables stay small enough for the caches.
    // First the pieces' line breaks are counted; then the pieces are read, with the digest (one
    // long sequential hash) alongside.
    // Pieces of 1 MB keep each piece's string table in the caches (8 MB pieces load 1M records
    // ~12 % slower; see bench/RESULTS.md).
    const std::size_t piece_bytes = options.piece_bytes ? options.piece_bytes : std::size_t{1} << 20;
    std::vector<std::unique_ptr<TypeFileRead>> reads;
    std::vector<Task> counting;
    for (std::size_t t = 0; t < schema.types.size(); ++t) {
        if (input_of_type[t] == SIZE_MAX) continue;
        auto& read = *reads.emplace_back(std::make_unique<TypeFileRead>());
        read.type = t;
        read.input = &inputs[input_of_type[t]];
        read.pieces.push_back(std::make_unique<LoadedFile>(*schema.types[t], read.input->name));
        const std::string_view bytes = read.input->bytes();
        if (!read.csv()) continue;
        guarded(read, [&] { read.layout = plan_csv_table(bytes, *read.pieces[0], options.limits, piece_bytes); });
        if (!read.layout.readable) continue;
        for (std::size_t k = 0; k < read.layout.pieces.size(); ++k) {
            const CsvPiece& piece = read.layout.pieces[k];
            counting.push_back({piece.end - piece.begin, [&read, bytes, k] { count_csv_lines(bytes, read.layout, k); }});
        }
    }
    run_largest_first(counting, options.threads);
    // Every record's id is a text of its own: the string pool is sized for the lines of the CSV
    // files at once, with some room for the other texts, instead of rehashing as it grows (it
    // still grows when the files hold more distinct texts than that).
    std::size_t lines = 0;
    for (const auto& read : reads)
        if (read->csv() && read->layout.readable)
            for (const CsvPiece& piece : read->layout.pieces) lines += piece.breaks;
    store.strings.reserve(lines + lines / 10);
    // pieces are read and merged biggest file first, each file's pieces in order
    std::stable_sort(reads.begin(), reads.end(), [](const auto& a, const auto& b) { return a->input->bytes().size() > b->input->bytes().size(); });
    std::vector<std::function<void()>> reading;
    std::vector<OrderedMerge::Step> merging;
    CopiesInFlight copies;
    for (auto& r : reads) {
        TypeFileRead& read = *r;
        const std::string_view bytes = read.input->bytes();
        if (read.csv() && read.layout.readable) number_csv_pieces(bytes, read.layout);
        std::size_t pieces = read.csv() && read.layout.readable ? read.layout.pieces.size() : 1;
        for (std::size_t k = 0; k < pieces; ++k) {
            if (k > 0) read.pieces.push_back(std::make_unique<LoadedFile>(*schema.types[read.type], read.input->name));
            LoadedFile* file = read.pieces[k].get();
            if (!read.csv()) reading.push_back([&read, bytes, &options, file] { guarded(read, [&] { read_jsonl_table(bytes, *file, options.limits); }); });
            else if (read.layout.readable) reading.push_back([&read, bytes, k, file] { guarded(read, [&] { read_csv_piece(bytes, read.layout, k, *file); }); });
            else reading.push_back([] {});
            merging.push_back([&read, &store, &issues, &copies, k] {
                return merge_step(read, k, store, issues, copies);
            });
        }
    }
    OrderedMerge merge_in_order(std::move(merging));
    std::vector<std::function<void()>> tasks;
    tasks.push_back([&store, &inputs, &reads] {
        std::vector<DigestInput> digest_inputs;
        for (const InputFile& in : inputs)
            if (in.ok) digest_inputs.push_back({in.name, in.bytes()});
        store.digest = files_digest(std::move(digest_inputs));
        for (auto& read : reads) read->release_bytes();
    });
    for (std::size_t i = 0; i < reading.size(); ++i)
        tasks.push_back([&reading, &merge_in_order, i] {
            reading[i]();
            merge_in_order.ready(i);
        });
    run_tasks(tasks, options.threads);
    for (auto& r : reads) {
        if (r->failure.empty()) continue;   // a worker could not finish (e.g. out of memory): the type counts as absent
        const RecordType& type = *schema.types[r->type];
        store.tables[r->type] = absent_table(type);
        issues.push_back(make_issue("error", r->input->name, 0, "malformed-file",
                                    fmt::format("{} could not be read ({}); {} counts as absent", r->input->name, r->failure, type.name)));
    }
    std::size_t next_record = 0;
    for (TypeTable& table : store.tables) {
        table.first = static_cast<std::uint32_t>(next_record);
        next_record += table.rows();
    }
    if (next_record > max_string_cell_ids)   // a reference cell names its record in 30 bits
        throw std::runtime_error(fmt::format("{}: {} records, more than the {} a bundle may hold", dir, next_record, max_string_cell_ids));
    store.record_count = next_record;
    resolve_references(store, issues, options.threads);
    store.quality = ordered_entries(std::move(issues));
    return store;
}

}  // namespace shall
