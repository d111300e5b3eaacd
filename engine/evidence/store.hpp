#pragma once
// The evidence bundle in memory: one column-oriented table per record type of the schema,
// every row with its provenance (file and physical line), plus the evidence-quality log.
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "../../dsl/check/schema.hpp"
#include "column.hpp"
#include "id_index.hpp"
#include "strings.hpp"
#include "time.hpp"
#include "value.hpp"

namespace shall {

struct EvidenceQuality {
    std::string level;    // "error", "warning", "info"
    std::string code;     // e.g. "duplicate-id", "dangling-reference", "bad-value", "unknown-enum-value",
                          // "unknown-column", "unknown-file", "malformed-file", "unreadable-file", "ragged-row"
    std::string source;   // "Incident.csv:58" (file name relative to the bundle, physical line), or "Incident.csv"
    std::string message;
};

enum class Presence { absent, present };

struct TypeTable {
    const RecordType* type = nullptr;
    Presence presence = Presence::absent;   // absent: no file (or an unreadable / malformed one)
    std::string file;                       // "Incident.csv" / "Incident.jsonl"; empty when absent
    std::uint32_t first = 0;                // global record index of row 0
    std::vector<std::uint32_t> line;        // physical line where each row starts
    std::vector<Column> columns;            // [field index][row]
    std::vector<bool> column_present;       // [field index]: the header (CSV) / some object (JSONL) has it
    std::vector<std::string> extra_names;   // unknown columns, kept as text attributes
    std::vector<Column> extra_columns;      // [extra index][row], text
    IdIndex row_of_id;                      // string id of `id` -> row (built when the bundle is merged)
    std::size_t rows() const { return line.size(); }
    void reserve(std::size_t rows);   // room for this many rows in all (lines and columns)
};

struct BundleInfo {
    std::string organization, source;
    std::optional<Days> as_of, period_start, period_end;
    std::string timezone = "UTC";
};

// What the reports say of a bundle besides the findings: everything but its records, so that
// an audit can free the records before it writes its reports.
struct BundleSummary {
    BundleInfo info;
    std::vector<EvidenceQuality> quality;
    std::string digest;
    std::size_t record_count = 0;
};

class EvidenceStore {
public:
    explicit EvidenceStore(const Schema& schema);
    const Schema& schema() const { return *schema_; }

    StringPool strings;
    std::vector<TypeTable> tables;          // parallel to schema().types
    Values list_items;
    BundleInfo info;
    std::vector<EvidenceQuality> quality;   // in file order, then line order
    std::string path;                       // the bundle directory as given
    std::string digest;                     // "sha256:<hex>" over sorted (relative path, bytes)
    std::size_t record_count = 0;

    BundleSummary summary() const { return {info, quality, digest, record_count}; }

    struct RecordRef { std::uint32_t type; std::uint32_t row; };
    RecordRef locate(std::uint32_t global) const;      // global record index -> (type, row)
    std::uint32_t global(std::uint32_t type, std::uint32_t row) const { return tables[type].first + row; }
    std::string source_of(std::uint32_t global) const; // "Incident.csv:58"
    std::string_view id_of(std::uint32_t global) const;
    Value value(std::uint32_t global, std::size_t field) const;
    // canonical text of a value as the findings contract wants it (dates YYYY-MM-DD, datetimes
    // YYYY-MM-DDTHH:MM:SSZ, lists joined by ';', references as the target id); "" when absent
    std::string canonical(const FieldDecl& field, const Value& v) const;
private:
    const Schema* schema_;
};

// What a bundle may hold before the reader refuses it, each with an evidence-quality entry
// that names the limit and its option; the rest of the bundle is still read.
struct EvidenceLimits {
    std::uint64_t max_file_size = std::uint64_t{1} << 30;  // bytes per file (--max-file-size)
    std::size_t max_records = 10'000'000;                   // records per type file (--max-records)
    std::size_t max_line_length = std::size_t{1} << 20;     // bytes per CSV record / JSONL line (--max-line-length)
    std::size_t max_json_depth = 64;                        // arrays and objects nested in one JSON value
};

struct LoadOptions {
    std::optional<Days> as_of;  // --as-of overrides bundle.json
    unsigned threads = 0;       // files read in parallel; 0 = all cores. Never changes the result.
    std::size_t piece_bytes = 0;   // CSV files are read in pieces of about this size; 0 = 1 MB. Never changes the result.
    EvidenceLimits limits;
};

// Reads a bundle directory. Throws std::runtime_error only when the run cannot be done at
// all (no such directory); every problem inside the evidence becomes an EvidenceQuality entry.
EvidenceStore load_bundle(const Schema& schema, const std::string& dir, const LoadOptions& options = {});

}  // namespace shall
