#include "bundle_listing.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <stdexcept>

#include "../../dsl/diagnostics.hpp"

namespace shall {

namespace {

namespace fs = std::filesystem;

struct Entry {
    std::string name;
    bool directory = false;
    std::string refused;   // why the entry is not read (a symlink out of the bundle, a loop, a device …)
    const char* code = "";
};

bool inside(const fs::path& real, const fs::path& dir) {
    auto r = real.begin();
    for (auto d = dir.begin(); d != dir.end(); ++d, ++r)
        if (r == real.end() || *r != *d) return false;
    return true;
}

std::vector<Entry> sorted_entries(const std::string& dir) {
    std::error_code ec;
    fs::directory_iterator it(dir, ec), end;
    std::vector<Entry> out;
    const fs::path root = fs::canonical(dir, ec);
    for (; !ec && it != end; it.increment(ec)) {
        std::error_code type_ec;
        Entry e{it->path().filename().string(), false, {}, ""};
        // A symlink is followed only when it ends inside the bundle: evidence never reads other files.
        if (it->is_symlink(type_ec)) {
            std::error_code link_ec;
            fs::path real = fs::canonical(it->path(), link_ec);
            if (link_ec == std::errc::too_many_symbolic_link_levels) {
                e.code = "symlink-loop";
                e.refused = fmt::format("{} is a symbolic link that loops; it is not followed", e.name);
            } else if (!link_ec && !inside(real, root)) {   // a link to nothing: reading it fails as unreadable-file
                e.code = "outside-bundle";
                e.refused = fmt::format("{} is a symbolic link to {}, outside the bundle; it is not followed", e.name, real.string());
            }
        }
        if (e.refused.empty()) {
            auto status = it->status(type_ec);
            e.directory = fs::is_directory(status);
            if (!type_ec && !e.directory && !fs::is_regular_file(status)) {
                e.code = "unreadable-file";
                e.refused = fmt::format("{} is not a regular file (a device, socket or pipe); it is not read", e.name);
            }
        }
        out.push_back(std::move(e));
    }
    if (ec) throw std::runtime_error(fmt::format("{}: cannot list the bundle directory: {}", dir, ec.message()));
    std::sort(out.begin(), out.end(), [](const Entry& a, const Entry& b) { return a.name < b.name; });
    return out;
}

bool not_evidence(const std::string& name) {
    return name.starts_with(".") || name == "import-report.json" || name.starts_with("README");
}

bool ends_with(const std::string& s, std::string_view suffix) { return s.size() > suffix.size() && s.ends_with(suffix); }

std::vector<std::string> expected_names(const Schema& schema) {
    std::vector<std::string> out;
    for (const auto& t : schema.types) {
        out.push_back(t->name + ".csv");
        out.push_back(t->name + ".jsonl");
    }
    out.push_back("bundle.json");
    return out;
}

}  // namespace

BundleListing list_bundle(const Schema& schema, const std::string& dir, std::vector<Issue>& issues) {
    BundleListing listing;
    listing.type_files.resize(schema.types.size());
    std::vector<std::string> csv(schema.types.size()), jsonl(schema.types.size());
    for (const Entry& e : sorted_entries(dir)) {
        if (not_evidence(e.name)) continue;
        if (!e.refused.empty()) {
            issues.push_back(make_issue("error", e.name, 0, e.code, e.refused));
            continue;
        }
        if (e.directory) {
            issues.push_back(make_issue("warning", e.name, 0, "unknown-file",
                                        fmt::format("{} is a directory, not a file of the evidence model; it is ignored", e.name)));
            continue;
        }
        if (e.name == "bundle.json") {
            listing.has_manifest = true;
            continue;
        }
        bool is_csv = ends_with(e.name, ".csv"), is_jsonl = ends_with(e.name, ".jsonl");
        std::string stem = e.name.substr(0, e.name.size() - (is_csv ? 4 : is_jsonl ? 6 : 0));
        const RecordType* type = (is_csv || is_jsonl) ? schema.type(stem) : nullptr;
        if (!type) {
            std::string hint = did_you_mean(e.name, expected_names(schema));
            issues.push_back(make_issue("warning", e.name, 0, "unknown-file",
                                        fmt::format("{} is not a file of the evidence model (<Type>.csv or <Type>.jsonl); it is ignored{}",
                                                    e.name, hint.empty() ? "" : " (" + hint + ")")));
            continue;
        }
        (is_csv ? csv : jsonl)[type->index] = e.name;
    }
    for (std::size_t t = 0; t < schema.types.size(); ++t) {
        listing.type_files[t] = csv[t].empty() ? jsonl[t] : csv[t];
        if (!csv[t].empty() && !jsonl[t].empty())
            issues.push_back(make_issue("error", jsonl[t], 0, "duplicate-type-file",
                                        fmt::format("both {} and {} exist; {} is read and {} is ignored", csv[t], jsonl[t], csv[t], jsonl[t])));
    }
    return listing;
}

}  // namespace shall
