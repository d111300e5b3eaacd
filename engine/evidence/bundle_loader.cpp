// load_bundle: list the directory, read bundle.json and the type files, parse the type files
// in parallel (each into its own LoadedFile), then merge them in schema order, resolve
// references and order the evidence-quality log. Nothing shared is written by the workers, so
// the store is the same byte for byte whatever the number of threads.
#include <fmt/format.h>

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <functional>
#include <memory>
#include <stdexcept>

#include "bundle_listing.hpp"
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
    std::string name;  // relative to the bundle directory
    std::string bytes;
    bool ok = false;
};

InputFile read_input(const std::string& dir, const std::string& name, std::vector<Issue>& issues, const std::string& consequence,
                     const EvidenceLimits& limits) {
    InputFile in{name, {}, false};
    std::string path = (std::filesystem::path(dir) / name).string();
    std::error_code too_large_error;
    if (auto size = std::filesystem::file_size(path, too_large_error); !too_large_error && size > limits.max_file_size) {
        issues.push_back(make_issue("error", name, 0, "file-too-large",
                                    fmt::format("{} is {} bytes, more than {} (--max-file-size); {}", name, size,
                                                limits.max_file_size, consequence)));
        return in;
    }
    std::unique_ptr<std::FILE, decltype(&std::fclose)> f(std::fopen(path.c_str(), "rb"), &std::fclose);
    int error = f ? 0 : errno;
    std::error_code size_error;
    if (auto size = std::filesystem::file_size(path, size_error); f && !size_error) in.bytes.reserve(size);
    char chunk[1 << 16];
    while (f && error == 0) {
        std::size_t n = std::fread(chunk, 1, sizeof chunk, f.get());
        in.bytes.append(chunk, n);
        if (n < sizeof chunk) {
            if (std::ferror(f.get())) error = errno ? errno : EIO;
            break;
        }
    }
    if (error != 0) {
        issues.push_back(make_issue("error", name, 0, "unreadable-file",
                                    fmt::format("{} cannot be read ({}); {}", name, std::strerror(error), consequence)));
        in.bytes.clear();
        return in;
    }
    in.ok = true;
    return in;
}

void parse_type_file(const InputFile& in, LoadedFile& out, const EvidenceLimits& limits) {
    try {
        if (in.name.ends_with(".csv")) read_csv_table(in.bytes, out, limits);
        else read_jsonl_table(in.bytes, out, limits);
    } catch (const std::exception& e) {  // e.g. out of memory: the type counts as absent
        std::string name = out.log.file();
        auto issues = std::move(out.log.issues);
        out = LoadedFile(*out.table.type, name);
        out.log.issues = std::move(issues);
        out.log.error(0, "malformed-file", fmt::format("{} could not be read ({}); {} counts as absent", name, e.what(), out.table.type->name));
    }
}

bool holds_string(Tag t) { return t == Tag::text || t == Tag::dangling_ref; }

// Moves one file's table into the store: string ids re-interned in the store's pool, list
// offsets shifted, global record indexes assigned after the tables already merged.
void merge(EvidenceStore& store, std::size_t type_index, LoadedFile& file) {
    std::vector<std::uint32_t> remap(file.strings.size());
    for (std::uint32_t i = 0; i < remap.size(); ++i) remap[i] = store.strings.intern(file.strings.view(i));
    auto list_base = static_cast<std::int64_t>(store.list_items.size());
    auto fix = [&](Value& v) {
        if (holds_string(v.tag)) v.i = remap[static_cast<std::size_t>(v.i)];
        else if (v.tag == Tag::list) v.i += list_base;
    };
    for (Value v : file.list_items) {
        fix(v);
        store.list_items.push_back(v);
    }
    TypeTable& table = store.tables[type_index];
    table = std::move(file.table);
    for (auto& column : table.columns)
        for (Value& v : column) fix(v);
    for (auto& column : table.extra_columns)
        for (Value& v : column) fix(v);
    std::unordered_map<std::uint32_t, std::uint32_t> rows;
    rows.reserve(table.row_of_id.size());
    for (auto [id, row] : table.row_of_id) rows.emplace(remap[id], row);
    table.row_of_id = std::move(rows);
}

}  // namespace

EvidenceStore load_bundle(const Schema& schema, const std::string& dir, const LoadOptions& options) {
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) throw std::runtime_error(dir + ": no such bundle directory");

    EvidenceStore store(schema);
    store.path = dir;
    std::vector<Issue> issues;
    BundleListing listing = list_bundle(schema, dir, issues);

    std::vector<InputFile> inputs;  // bundle.json first (when present), then the type files
    IssueLog manifest_log("bundle.json");
    if (listing.has_manifest) {
        inputs.push_back(read_input(dir, "bundle.json", issues, "its settings are ignored", options.limits));
        if (inputs.back().ok) read_manifest(inputs.back().bytes, store.info, manifest_log, options.limits);
    }
    settle_dates(store.info, options, manifest_log);
    for (Issue& i : manifest_log.issues) issues.push_back(std::move(i));

    std::vector<std::unique_ptr<LoadedFile>> loaded(schema.types.size());
    std::vector<std::function<void()>> tasks;
    std::vector<std::size_t> input_of_type(schema.types.size(), SIZE_MAX);
    for (std::size_t t = 0; t < schema.types.size(); ++t) {
        const std::string& name = listing.type_files[t];
        if (name.empty()) continue;
        inputs.push_back(read_input(dir, name, issues, schema.types[t]->name + " counts as absent", options.limits));
        if (inputs.back().ok) input_of_type[t] = inputs.size() - 1;
    }
    for (std::size_t t = 0; t < schema.types.size(); ++t) {
        if (input_of_type[t] == SIZE_MAX) continue;
        const InputFile& in = inputs[input_of_type[t]];
        loaded[t] = std::make_unique<LoadedFile>(*schema.types[t], in.name);
        tasks.push_back([&in, file = loaded[t].get(), &options] { parse_type_file(in, *file, options.limits); });
    }
    tasks.push_back([&store, &inputs] {
        std::vector<DigestInput> digest_inputs;
        for (const InputFile& in : inputs)
            if (in.ok) digest_inputs.push_back({in.name, in.bytes});
        store.digest = files_digest(std::move(digest_inputs));
    });
    run_tasks(tasks, options.threads);

    std::size_t texts = 0;
    for (const auto& f : loaded) texts += f ? f->strings.size() : 0;
    store.strings.reserve(texts);
    std::uint32_t next_record = 0;
    for (std::size_t t = 0; t < schema.types.size(); ++t) {
        if (loaded[t]) {
            merge(store, t, *loaded[t]);
            for (Issue& i : loaded[t]->log.issues) issues.push_back(std::move(i));
            loaded[t].reset();
        }
        store.tables[t].first = next_record;
        next_record += static_cast<std::uint32_t>(store.tables[t].rows());
    }
    store.record_count = next_record;
    resolve_references(store, issues);
    store.quality = ordered_entries(std::move(issues));
    return store;
}

}  // namespace shall
